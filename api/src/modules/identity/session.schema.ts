/** Viewer, ViewerKind, Query.viewer, Mutation.login, Mutation.logout */
import { z } from "zod";
import { builder } from "../../builder.js";
import { RateLimitedError, UnauthenticatedError } from "../../errors.js";
import { runMutation } from "../../mutation.js";
import { maxPasswordLength } from "./password.js";
import { createSession, logout, verifyCredentials } from "./session.service.js";
import type { Viewer } from "./viewer.js";

const ViewerKind = builder.enumType("ViewerKind", {
  description: "What kind of caller sent the request.",
  values: {
    ANONYMOUS: { description: "No credentials." },
    AGENT: { description: "An agent, with a session." },
    RESIDENT: { description: "A resident, with a session." },
    PARTNER: { description: "A partner, with an API key." },
  } as const,
});

const AccountKind = builder.enumType("AccountKind", {
  description: "Which accounts a login is for: agents and residents have separate accounts.",
  values: { AGENT: { description: "An agent of the CAPL or a commune." }, RESIDENT: { description: "A resident." } } as const,
});

export const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description: "The caller of the request, as the API sees it.",
  fields: (t) => ({
    kind: t.field({
      type: ViewerKind,
      description: "Anonymous, agent, resident or partner.",
      resolve: (viewer) => (viewer.kind === "partner" ? "PARTNER" : viewer.kind === "agent" ? "AGENT" : viewer.kind === "resident" ? "RESIDENT" : "ANONYMOUS"),
    }),
    agent: t.prismaField({
      type: "Agent",
      nullable: true,
      description: "The logged-in agent.",
      resolve: (query, viewer, _args, ctx) =>
        viewer.kind === "agent" ? ctx.prisma.agent.findUnique({ ...query, where: { id: viewer.agentId } }) : null,
    }),
    resident: t.prismaField({
      type: "Resident",
      nullable: true,
      description: "The logged-in resident.",
      resolve: (query, viewer, _args, ctx) =>
        viewer.kind === "resident" ? ctx.prisma.resident.findUnique({ ...query, where: { id: viewer.residentId } }) : null,
    }),
    apiClient: t.prismaField({
      type: "ApiClient",
      nullable: true,
      description: "The partner's API client (name, scopes, budget), when calling with a key.",
      resolve: (query, viewer, _args, ctx) =>
        viewer.kind === "partner" ? ctx.prisma.apiClient.findUnique({ ...query, where: { id: viewer.clientId } }) : null,
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerRef,
    authScopes: { anyone: true },
    description: "Who you are: anonymous, an agent (with roles), a resident, or a partner key.",
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);

const LoginInput = builder.inputType("LoginInput", {
  description: "Credentials of an agent or a resident.",
  fields: (t) => ({
    email: t.string({ required: true, description: "Email address of the account.", validate: z.string().trim().min(3).max(254) }),
    password: t.string({ required: true, description: "Password.", validate: z.string().min(1).max(maxPasswordLength) }),
    account: t.field({ type: AccountKind, defaultValue: "AGENT", description: "Agent (default) or resident account." }),
  }),
});

const LoginSuccess = builder
  .objectRef<{ token: string; expiresAt: Date; viewer: Viewer }>("LoginSuccess")
  .implement({
    description: "A new session. Send the token as `Authorization: Bearer <token>`; it is shown only now.",
    fields: (t) => ({
      token: t.exposeString("token", { description: "Opaque session token (cs_…)." }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the session ends." }),
      // The request itself is still anonymous: these fields grant `self` so the account that just logged in
      // passes the Agent and Resident types' checks.
      agent: t.prismaField({
        type: "Agent",
        nullable: true,
        grantScopes: ["self"],
        description: "The agent who logged in (agent accounts).",
        resolve: (query, { viewer }, _args, ctx) =>
          viewer.kind === "agent" ? ctx.prisma.agent.findUnique({ ...query, where: { id: viewer.agentId } }) : null,
      }),
      resident: t.prismaField({
        type: "Resident",
        nullable: true,
        grantScopes: ["self"],
        description: "The resident who logged in (resident accounts).",
        resolve: (query, { viewer }, _args, ctx) =>
          viewer.kind === "resident" ? ctx.prisma.resident.findUnique({ ...query, where: { id: viewer.residentId } }) : null,
      }),
    }),
  });

builder.mutationField("login", (t) =>
  t.field({
    nullable: true,
    type: LoginSuccess,
    authScopes: { public: true },
    complexity: 50,
    errors: { types: [UnauthenticatedError, RateLimitedError] },
    description:
      "Opens a session with an email and a password. Wrong password and unknown email get the same UnauthenticatedError; repeated failures are throttled per account and per address (RateLimitedError).",
    args: { input: t.arg({ type: LoginInput, required: true, description: "The credentials." }) },
    resolve: async (_root, { input }, ctx, info) => {
      const account = input.account ?? "AGENT";
      const subject = await verifyCredentials(ctx.prisma, ctx.platform.loginThrottle, { email: input.email, password: input.password, account }, ctx.clientAddress);
      return runMutation(ctx, info, async (tx, journal) => {
        const session = await createSession(tx, { account, subjectId: subject.id }, ctx, ctx.platform.sessionTtlMs);
        journal.targetIds.push(session.sessionId);
        const viewer = await session.viewer(tx);
        journal.actor = viewer;
        return { token: session.token, expiresAt: session.expiresAt, viewer };
      });
    },
  }),
);

const LogoutInput = builder.inputType("LogoutInput", {
  description: "Which sessions to end.",
  fields: (t) => ({
    allSessions: t.boolean({ defaultValue: false, description: "End every session of the account, not only this one." }),
  }),
});

const LogoutSuccess = builder.objectRef<{ endedSessions: number }>("LogoutSuccess").implement({
  description: "The sessions are ended: their tokens no longer work.",
  fields: (t) => ({ endedSessions: t.exposeInt("endedSessions", { description: "Number of sessions ended." }) }),
});

builder.mutationField("logout", (t) =>
  t.field({
    nullable: true,
    type: LogoutSuccess,
    authScopes: { session: true },
    description: "Ends the current session (or every session of the account).",
    args: { input: t.arg({ type: LogoutInput, required: true, description: "Which sessions to end." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const viewer = ctx.viewer;
        if (viewer.kind !== "agent" && viewer.kind !== "resident") throw new UnauthenticatedError();
        const ended = await logout(tx, viewer, input.allSessions ?? false);
        journal.targetIds.push(...ended);
        return { endedSessions: ended.length };
      }),
  }),
);
