/** AuditEvent, AuditOutcome, ActorKind, AuditEventFilter, Query.auditEvents */
import { builder } from "../../builder.js";
import type { Prisma } from "../../generated/prisma/client.js";

const AuditOutcomeEnum = builder.enumType("AuditOutcome", {
  description: "How a journaled operation ended.",
  values: {
    SUCCESS: { description: "Done." },
    FAILURE: { description: "Refused because of its input or the data's state; nothing changed." },
    DENIED: { description: "Refused to this caller (not logged in, lacking a role or scope, throttled); nothing changed." },
  } as const,
});

const ActorKindEnum = builder.enumType("ActorKind", {
  description: "Who did it.",
  values: {
    ANONYMOUS: { description: "No credentials." },
    AGENT: { description: "An agent." },
    RESIDENT: { description: "A resident." },
    API_CLIENT: { description: "A partner key." },
  } as const,
});

builder.prismaObject("AuditEvent", {
  description: "One entry of the append-only audit journal: one per mutation call, whatever its outcome.",
  fields: (t) => ({
    id: t.string({ description: "Sequence number of the entry (increasing).", resolve: (event) => event.id.toString() }),
    at: t.expose("at", { type: "DateTime", description: "When." }),
    actorKind: t.expose("actorKind", { type: ActorKindEnum, description: "Kind of actor." }),
    actorId: t.exposeString("actorId", { nullable: true, description: "Id of the agent, resident or API client (database id)." }),
    onBehalfOfResidentId: t.exposeString("onBehalfOfResidentId", {
      nullable: true,
      description: "Set when an agent acted for a resident: the resident's database id.",
    }),
    operation: t.exposeString("operation", { description: "The mutation, e.g. grantRole." }),
    targetIds: t.exposeStringList("targetIds", { description: "Database ids of the records concerned." }),
    outcome: t.expose("outcome", { type: AuditOutcomeEnum, description: "How it ended." }),
    errorCode: t.exposeString("errorCode", { nullable: true, description: "The error's code when it did not succeed." }),
    requestId: t.exposeString("requestId", { description: "Request id (x-request-id), to find the logs." }),
    clientAddress: t.exposeString("clientAddress", { nullable: true, description: "The caller's address." }),
  }),
});

const AuditEventFilter = builder.inputType("AuditEventFilter", {
  description: "Conditions on journal entries; all given conditions must hold.",
  fields: (t) => ({
    operation: t.string({ description: "Exact mutation name." }),
    actorId: t.id({ description: "Database id of the actor." }),
    onBehalfOfResidentId: t.id({ description: "Database id of the resident acted for." }),
    outcome: t.field({ type: AuditOutcomeEnum, description: "Outcome." }),
    from: t.field({ type: "DateTime", description: "At or after this instant." }),
    to: t.field({ type: "DateTime", description: "Before this instant." }),
  }),
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function auditWhere(filter: typeof AuditEventFilter.$inferInput | null | undefined): Prisma.AuditEventWhereInput {
  if (!filter) return {};
  // Ids that are not UUIDs match nothing rather than failing the uuid column's cast.
  const idFilter = (value: string | number | null | undefined) =>
    value === null || value === undefined ? undefined : uuid.test(String(value)) ? String(value) : "00000000-0000-0000-0000-000000000000";
  return {
    ...(filter.operation ? { operation: filter.operation } : {}),
    ...(filter.actorId ? { actorId: idFilter(filter.actorId) } : {}),
    ...(filter.onBehalfOfResidentId ? { onBehalfOfResidentId: idFilter(filter.onBehalfOfResidentId) } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
}

builder.queryField("auditEvents", (t) =>
  t.prismaConnection(
    {
      type: "AuditEvent",
      cursor: "id",
      authScopes: { anyRole: ["ADMIN"] },
      description: "The audit journal, newest first (administrators).",
      args: { filter: t.arg({ type: AuditEventFilter, required: false, description: "Narrow the journal." }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.auditEvent.count({ where: auditWhere(args.filter) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.auditEvent.findMany({ ...query, where: auditWhere(args.filter), orderBy: { id: "desc" } }),
    },
    { description: "A page of journal entries." },
    { description: "A journal entry and its cursor." },
  ),
);
