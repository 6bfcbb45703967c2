/** ConsoleModule, Query.consoleModules */
import { builder } from "../../builder.js";
import type { ConsoleModule } from "../../config.js";
import { RoleEnum } from "../identity/agent.schema.js";
import { modulesFor } from "./console-module.policy.js";

const ConsoleModuleRef = builder.objectRef<ConsoleModule>("ConsoleModule").implement({
  description: "A module of the agents' console (a micro-frontend loaded at run time) and where it is served.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable identifier (portal, intranet, training, telehealth)." }),
    name: t.exposeString("name", { description: "Module Federation name of the remote, e.g. mfe_portal." }),
    title: t.exposeString("title", { description: "French title shown in the navigation." }),
    icon: t.exposeString("icon", { description: "Name of the module's icon in the ui kit." }),
    route: t.exposeString("route", { description: "Base path of the module in the console, e.g. /portail." }),
    entryUrl: t.exposeString("entry", { description: "URL of the remote's mf-manifest.json (configuration: moved without rebuilding the shell)." }),
    exposedModule: t.exposeString("exposedModule", { description: "Module to load from the remote, e.g. ./module." }),
    role: t.expose("role", { type: RoleEnum, description: "The role that opens the module." }),
  }),
});

builder.queryField("consoleModules", (t) =>
  t.field({
    type: [ConsoleModuleRef],
    authScopes: { agent: true },
    description: "The console modules you may open, in navigation order: those of your roles (administrators: all).",
    resolve: (_root, _args, ctx) => modulesFor(ctx.viewer, ctx.platform.consoleModules),
  }),
);
