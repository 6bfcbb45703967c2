/** ApiClient, PartnerScope, Query.apiClients, Mutation.createApiClient, Mutation.revokeApiClient */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import { runMutation } from "../../mutation.js";
import { createApiClient, defaultCostBudget, maxKeyLifetimeDays, partnerScopes, revokeApiClient, type PartnerScope } from "./api-client.service.js";

const PartnerScopeEnum = builder.enumType("PartnerScope", {
  description: "What a partner key may read. Every field reachable with a key names the scope it needs.",
  values: {
    READ_TERRITORY: { value: "read:territory", description: "Communes, places (read:territory)." },
    READ_TRAINING: { value: "read:training", description: "Training sessions and free places (read:training)." },
  } as const satisfies Record<string, { value: PartnerScope; description: string }>,
});

export const ApiClientRef = builder.prismaNode("ApiClient", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "A partner's API client. The key itself is shown once, at creation; only its prefix is kept visible.",
  authScopes: (client, ctx) =>
    ctx.viewer.kind === "partner" ? ctx.viewer.clientId === client.id : { anyRole: ["ADMIN"] },
  fields: (t) => ({
    name: t.exposeString("name", { description: "Who the key is for." }),
    keyPrefix: t.exposeString("keyPrefix", { description: "Public start of the key (ck_…), to recognise it." }),
    scopes: t.field({
      type: [PartnerScopeEnum],
      description: "What the key may read.",
      resolve: (client) => client.scopes.filter((s): s is PartnerScope => (partnerScopes as readonly string[]).includes(s)),
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the key stops working." }),
    allowedIpRanges: t.exposeStringList("allowedIpRanges", { description: "CIDR ranges the key may be used from; empty: any." }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "When the key was revoked, if it was." }),
    costCapacity: t.exposeInt("costCapacity", { description: "Size of the query-cost budget, in points." }),
    costRefillPerSecond: t.exposeInt("costRefillPerSecond", { description: "Points added back to the budget every second." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the key was created." }),
  }),
});

builder.queryField("apiClients", (t) =>
  t.prismaConnection(
    {
      type: "ApiClient",
      cursor: "id",
      authScopes: { anyRole: ["ADMIN"] },
      description: "Partner API clients, newest first (administrators).",
      totalCount: (_parent, _args, ctx) => ctx.prisma.apiClient.count(),
      resolve: (query, _parent, _args, ctx) => ctx.prisma.apiClient.findMany({ ...query, orderBy: [{ createdAt: "desc" }, { id: "asc" }] }),
    },
    { description: "A page of API clients." },
    { description: "An API client and its cursor." },
  ),
);

const CreateApiClientInput = builder.inputType("CreateApiClientInput", {
  description: "A new partner key.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Who the key is for.", validate: z.string().trim().min(1).max(120) }),
    scopes: t.field({ type: [PartnerScopeEnum], required: true, description: "What the key may read.", validate: z.array(z.string()).min(1) }),
    expiresAt: t.field({ type: "DateTime", required: true, description: `When the key stops working: within ${maxKeyLifetimeDays} days.` }),
    allowedIpRanges: t.stringList({
      defaultValue: [],
      description: "CIDR ranges (or single addresses) the key may be used from; empty: any address.",
      validate: z.array(z.string().max(64)).max(50),
    }),
    costCapacity: t.int({
      defaultValue: defaultCostBudget.costCapacity,
      description: "Size of the query-cost budget, in points.",
      validate: z.number().int().min(10).max(1_000_000),
    }),
    costRefillPerSecond: t.int({
      defaultValue: defaultCostBudget.costRefillPerSecond,
      description: "Points added back every second.",
      validate: z.number().int().min(1).max(100_000),
    }),
  }),
});

const CreateApiClientSuccess = builder.objectRef<{ clientId: string; key: string }>("CreateApiClientSuccess").implement({
  description: "The key is created. Give `key` to the partner now: it is never shown again.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The secret key, to send as `Authorization: Bearer <key>`." }),
    apiClient: t.prismaField({
      type: "ApiClient",
      description: "The new client.",
      resolve: (query, payload, _args, ctx) => ctx.prisma.apiClient.findUniqueOrThrow({ ...query, where: { id: payload.clientId } }),
    }),
  }),
});

builder.mutationField("createApiClient", (t) =>
  t.field({
    nullable: true,
    type: CreateApiClientSuccess,
    authScopes: { anyRole: ["ADMIN"] },
    errors: { types: [BadUserInputError] },
    description: `Creates a partner key with scopes, an expiry (at most ${maxKeyLifetimeDays} days), optional address ranges and a cost budget (administrators).`,
    args: { input: t.arg({ type: CreateApiClientInput, required: true, description: "The key." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const viewer = ctx.viewer;
        const { client, key } = await createApiClient(
          tx,
          {
            name: input.name,
            scopes: input.scopes,
            expiresAt: input.expiresAt,
            allowedIpRanges: input.allowedIpRanges ?? [],
            costCapacity: input.costCapacity ?? defaultCostBudget.costCapacity,
            costRefillPerSecond: input.costRefillPerSecond ?? defaultCostBudget.costRefillPerSecond,
          },
          viewer.kind === "agent" ? viewer.agentId : null,
        );
        journal.targetIds.push(client.id);
        return { clientId: client.id, key };
      }),
  }),
);

const RevokeApiClientInput = builder.inputType("RevokeApiClientInput", {
  description: "The key to revoke.",
  fields: (t) => ({ apiClientId: t.globalID({ required: true, for: [ApiClientRef], description: "The API client." }) }),
});

const RevokeApiClientSuccess = builder.objectRef<{ clientId: string }>("RevokeApiClientSuccess").implement({
  description: "The key no longer works.",
  fields: (t) => ({
    apiClient: t.prismaField({
      type: "ApiClient",
      description: "The revoked client.",
      resolve: (query, payload, _args, ctx) => ctx.prisma.apiClient.findUniqueOrThrow({ ...query, where: { id: payload.clientId } }),
    }),
  }),
});

builder.mutationField("revokeApiClient", (t) =>
  t.field({
    nullable: true,
    type: RevokeApiClientSuccess,
    authScopes: { anyRole: ["ADMIN"] },
    errors: { types: [NotFoundError, ConflictError] },
    description: "Revokes a partner key at once (administrators).",
    args: { input: t.arg({ type: RevokeApiClientInput, required: true, description: "The key." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        journal.targetIds.push(input.apiClientId.id);
        await revokeApiClient(tx, input.apiClientId.id);
        return { clientId: input.apiClientId.id };
      }),
  }),
);
