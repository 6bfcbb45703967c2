/** Resident, ResidentFilter, Query.residents, Mutation.updateResidentContact */
import { z } from "zod";
import { builder } from "../../builder.js";
import { ForbiddenError, NotFoundError } from "../../errors.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { foldForSearch } from "../../lib/search-text.js";
import { runMutation } from "../../mutation.js";
import { assertCanActForResident, canViewResident, residentCommuneScope, residentServingRoles } from "./identity.policy.js";
import type { Viewer } from "./viewer.js";

export const ResidentRef = builder.prismaNode("Resident", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "A resident with an account: a family member, a learner, a patient. Visible to themself and to agents serving their commune.",
  select: { id: true, communeId: true },
  authScopes: (resident, ctx) => (canViewResident(ctx.viewer, resident) ? true : { $granted: "self" }),
  fields: (t) => ({
    email: t.exposeString("email", { description: "Email address (the login identifier)." }),
    displayName: t.exposeString("displayName", { description: "Name." }),
    phone: t.exposeString("phone", { nullable: true, description: "Phone number (E.164, e.g. +33323000001)." }),
    commune: t.relation("commune", { nullable: true, description: "Commune of residence." }),
    isDemo: t.exposeBoolean("isDemo", { description: "True for demonstration accounts (never in production)." }),
    icalUrl: t.string({
      nullable: true,
      description:
        "Path of the resident's own iCalendar feed (their confirmed appointments and training sessions: titles, times and places, no names), to subscribe to from a calendar app; the path is its only credential. Only for the resident themself: null for everyone else, agents included.",
      select: { icalToken: true },
      resolve: (resident, _args, ctx) => (ctx.viewer.kind === "resident" && ctx.viewer.residentId === resident.id ? `/ical/${resident.icalToken}.ics` : null),
    }),
  }),
});

/** Residents the viewer may see: row-level rule of the commune limits, applied in the query itself. */
function visibleResidents(viewer: Viewer, filter: { name?: string | null } | null | undefined): Prisma.ResidentWhereInput {
  const scope = residentCommuneScope(viewer);
  const name = filter?.name ? foldForSearch(filter.name) : "";
  return {
    ...(scope === "all" ? {} : { communeId: { in: [...scope] } }),
    ...(name ? { displayName: { contains: name.replace(/[%_\\]/g, "\\$&"), mode: "insensitive" as const } } : {}),
  };
}

const ResidentFilter = builder.inputType("ResidentFilter", {
  description: "Conditions on residents; all given conditions must hold.",
  fields: (t) => ({
    name: t.string({ description: "Part of the name (case-insensitive).", validate: z.string().max(120) }),
  }),
});

builder.queryField("residents", (t) =>
  t.prismaConnection(
    {
      type: "Resident",
      cursor: "id",
      authScopes: { anyRole: residentServingRoles },
      description: "Residents of the communes your roles cover (portal, training, telehealth agents), ordered by name.",
      args: { filter: t.arg({ type: ResidentFilter, required: false, description: "Narrow the list." }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.resident.count({ where: visibleResidents(ctx.viewer, args.filter) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.resident.findMany({ ...query, where: visibleResidents(ctx.viewer, args.filter), orderBy: [{ displayName: "asc" }, { id: "asc" }] }),
    },
    { description: "A page of residents." },
    { description: "A resident and its cursor." },
  ),
);

const UpdateResidentContactInput = builder.inputType("UpdateResidentContactInput", {
  description: "New contact details of a resident.",
  fields: (t) => ({
    residentId: t.globalID({ required: true, for: [ResidentRef], description: "The resident." }),
    phone: t.string({
      description: "Phone number in E.164 form (+33…); null removes it.",
      validate: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number such as +33323000001").nullable(),
    }),
  }),
});

const UpdateResidentContactSuccess = builder.objectRef<{ residentId: string }>("UpdateResidentContactSuccess").implement({
  description: "The contact details are updated.",
  fields: (t) => ({
    resident: t.prismaField({
      type: "Resident",
      description: "The resident after the change.",
      resolve: (query, payload, _args, ctx) => ctx.prisma.resident.findUniqueOrThrow({ ...query, where: { id: payload.residentId } }),
    }),
  }),
});

builder.mutationField("updateResidentContact", (t) =>
  t.field({
    nullable: true,
    type: UpdateResidentContactSuccess,
    authScopes: { resident: true, anyRole: residentServingRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    description:
      "Changes a resident's phone number: by the resident, or by an agent on the resident's behalf (journaled as such) when one of the agent's roles covers the resident's commune.",
    args: { input: t.arg({ type: UpdateResidentContactInput, required: true, description: "The change." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const residentId = input.residentId.id;
        journal.targetIds.push(residentId);
        const resident = await tx.resident.findUnique({ where: { id: residentId }, select: { id: true, communeId: true } });
        // Same answer for a resident that does not exist and one the viewer may not see.
        if (!resident || !canViewResident(ctx.viewer, resident)) throw new NotFoundError("Resident", residentId);
        journal.onBehalfOfResidentId = assertCanActForResident(ctx.viewer, resident);
        if (input.phone !== undefined) await tx.resident.update({ where: { id: residentId }, data: { phone: input.phone } });
        return { residentId };
      }),
  }),
);
