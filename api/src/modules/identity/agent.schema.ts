/** Agent, RoleGrant, Role, Query.agents, Mutation.createAgent, Mutation.grantRole, Mutation.revokeRole */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import { runMutation } from "../../mutation.js";
import { createAgent, grantRole, revokeRole } from "./agent.service.js";
import { maxPasswordLength, minPasswordLength } from "./password.js";
import { roles } from "./viewer.js";

export const RoleEnum = builder.enumType("Role", {
  description: "A module of the platform an agent may hold a role in.",
  values: {
    PORTAL: { description: "Family portal (crèche, canteen, after-school care, leisure centres)." },
    INTRANET: { description: "Agents' intranet." },
    TRAINING: { description: "Digital inclusion: training, digital advisors, equipment." },
    TELEHEALTH: { description: "Teleconsultation booking." },
    TERRITORY: { description: "Territory data: communes, places, fibre roll-out." },
    ADMIN: { description: "Platform administration: agents, roles, partner keys, audit journal." },
  } as const satisfies Record<(typeof roles)[number], unknown>,
});

builder.prismaObject("RoleGrant", {
  description: "A role of an agent in one module, optionally limited to some communes.",
  fields: (t) => ({
    role: t.expose("role", { type: RoleEnum, description: "The module." }),
    communes: t.relation("communes", { description: "Communes the role is limited to; empty: every commune." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the role was granted." }),
  }),
});

export const AgentRef = builder.prismaNode("Agent", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "An agent of the CAPL or of a member commune.",
  authScopes: { agent: true, $granted: "self" },
  fields: (t) => ({
    email: t.exposeString("email", { description: "Professional email, the login identifier." }),
    displayName: t.exposeString("displayName", { description: "Name shown to colleagues." }),
    jobTitle: t.exposeString("jobTitle", { nullable: true, description: "Job title, e.g. « Conseillère numérique »." }),
    isDisabled: t.boolean({ description: "True when the agent can no longer log in.", resolve: (agent) => agent.disabledAt !== null }),
    isDemo: t.exposeBoolean("isDemo", { description: "True for demonstration accounts (never in production)." }),
    roles: t.relation("roleGrants", { description: "The agent's roles, by module.", query: { orderBy: { role: "asc" } } }),
  }),
});

builder.queryField("agents", (t) =>
  t.prismaConnection(
    {
      type: "Agent",
      cursor: "id",
      authScopes: { anyRole: ["ADMIN"] },
      description: "Agent accounts, ordered by name (administrators).",
      totalCount: (_parent, _args, ctx) => ctx.prisma.agent.count(),
      resolve: (query, _parent, _args, ctx) => ctx.prisma.agent.findMany({ ...query, orderBy: [{ displayName: "asc" }, { id: "asc" }] }),
    },
    { description: "A page of agents." },
    { description: "An agent and its cursor." },
  ),
);

const email = z.email().max(254);
const name = z.string().trim().min(1).max(120);

const CreateAgentInput = builder.inputType("CreateAgentInput", {
  description: "A new agent account.",
  fields: (t) => ({
    email: t.string({ required: true, description: "Professional email (unique).", validate: email }),
    displayName: t.string({ required: true, description: "Name shown to colleagues.", validate: name }),
    jobTitle: t.string({ description: "Job title.", validate: z.string().trim().max(120) }),
    password: t.string({
      required: true,
      description: `Initial password, ${minPasswordLength} to ${maxPasswordLength} characters.`,
      validate: z.string().min(minPasswordLength).max(maxPasswordLength),
    }),
  }),
});

builder.mutationField("createAgent", (t) =>
  t.field({
    nullable: true,
    type: builder.objectRef<{ agentId: string }>("CreateAgentSuccess").implement({
      description: "The agent created.",
      fields: (f) => ({
        agent: f.prismaField({
          type: "Agent",
          description: "The new account (no role yet: grant some with grantRole).",
          resolve: (query, payload, _args, ctx) => ctx.prisma.agent.findUniqueOrThrow({ ...query, where: { id: payload.agentId } }),
        }),
      }),
    }),
    authScopes: { anyRole: ["ADMIN"] },
    errors: { types: [ConflictError] },
    description: "Creates an agent account (administrators). ConflictError when the email is taken.",
    args: { input: t.arg({ type: CreateAgentInput, required: true, description: "The account." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const agent = await createAgent(tx, input);
        journal.targetIds.push(agent.id);
        return { agentId: agent.id };
      }),
  }),
);

const GrantRoleInput = builder.inputType("GrantRoleInput", {
  description: "A role to grant, or whose commune limits to replace.",
  fields: (t) => ({
    agentId: t.globalID({ required: true, for: [AgentRef], description: "The agent." }),
    role: t.field({ type: RoleEnum, required: true, description: "The module." }),
    communeInseeCodes: t.stringList({
      defaultValue: [],
      description: "INSEE codes of the communes the role is limited to; empty or absent: every commune.",
      validate: z.array(z.string().regex(/^(\d{2}|2[AB])\d{3}$/, "must be an INSEE code")).max(500),
    }),
  }),
});

const agentSuccess = (name: string, description: string) =>
  builder.objectRef<{ agentId: string }>(name).implement({
    description,
    fields: (f) => ({
      agent: f.prismaField({
        type: "Agent",
        description: "The agent, with its roles after the change.",
        resolve: (query, payload, _args, ctx) => ctx.prisma.agent.findUniqueOrThrow({ ...query, where: { id: payload.agentId } }),
      }),
    }),
  });

builder.mutationField("grantRole", (t) =>
  t.field({
    nullable: true,
    type: agentSuccess("GrantRoleSuccess", "The role is granted."),
    authScopes: { anyRole: ["ADMIN"] },
    errors: { types: [NotFoundError, BadUserInputError] },
    description: "Grants a role to an agent, optionally limited to some communes (administrators).",
    args: { input: t.arg({ type: GrantRoleInput, required: true, description: "The role." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const viewer = ctx.viewer;
        const grant = await grantRole(
          tx,
          { agentId: input.agentId.id, role: input.role, communeInseeCodes: input.communeInseeCodes ?? [] },
          viewer.kind === "agent" ? viewer.agentId : null,
        );
        journal.targetIds.push(input.agentId.id, grant.id);
        return { agentId: input.agentId.id };
      }),
  }),
);

const RevokeRoleInput = builder.inputType("RevokeRoleInput", {
  description: "A role to take back.",
  fields: (t) => ({
    agentId: t.globalID({ required: true, for: [AgentRef], description: "The agent." }),
    role: t.field({ type: RoleEnum, required: true, description: "The module." }),
  }),
});

builder.mutationField("revokeRole", (t) =>
  t.field({
    nullable: true,
    type: agentSuccess("RevokeRoleSuccess", "The role is revoked."),
    authScopes: { anyRole: ["ADMIN"] },
    errors: { types: [NotFoundError] },
    description: "Takes a role back from an agent (administrators). NotFoundError when the agent does not hold it.",
    args: { input: t.arg({ type: RevokeRoleInput, required: true, description: "The role." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        await revokeRole(tx, input.agentId.id, input.role);
        journal.targetIds.push(input.agentId.id);
        return { agentId: input.agentId.id };
      }),
  }),
);
