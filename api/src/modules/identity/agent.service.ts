/** Agent accounts and their roles: created and changed by administrators only (the policy is in the schema). */
import type { Prisma } from "../../generated/prisma/client.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import { hashPassword } from "./password.js";
import { normalizeEmail } from "./session.service.js";
import type { Role } from "./viewer.js";

type Tx = Prisma.TransactionClient;

export interface CreateAgentInput {
  email: string;
  displayName: string;
  jobTitle?: string | null;
  password: string;
}

export async function createAgent(tx: Tx, input: CreateAgentInput) {
  const email = normalizeEmail(input.email);
  if (await tx.agent.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError(`An agent with email ${email} already exists`);
  }
  return tx.agent.create({
    data: {
      email,
      displayName: input.displayName.trim(),
      jobTitle: input.jobTitle?.trim() || null,
      passwordHash: await hashPassword(input.password),
    },
  });
}

export interface GrantRoleInput {
  agentId: string;
  role: Role;
  /** INSEE codes of the communes the role is limited to; empty: every commune. */
  communeInseeCodes: readonly string[];
}

/** Grants a role, or replaces the commune limits of a role the agent already holds. */
export async function grantRole(tx: Tx, input: GrantRoleInput, grantedById: string | null) {
  await assertAgentExists(tx, input.agentId);
  const codes = [...new Set(input.communeInseeCodes)];
  const communes = codes.length
    ? await tx.commune.findMany({ where: { inseeCode: { in: codes } }, select: { id: true, inseeCode: true } })
    : [];
  const unknown = codes.filter((code) => !communes.some((c) => c.inseeCode === code));
  if (unknown.length) throw new BadUserInputError(`Unknown commune INSEE codes: ${unknown.join(", ")}`);
  const connect = communes.map((c) => ({ id: c.id }));
  return tx.roleGrant.upsert({
    where: { agentId_role: { agentId: input.agentId, role: input.role } },
    create: { agentId: input.agentId, role: input.role, grantedById, communes: { connect } },
    update: { grantedById, communes: { set: connect } },
  });
}

export async function revokeRole(tx: Tx, agentId: string, role: Role) {
  await assertAgentExists(tx, agentId);
  const { count } = await tx.roleGrant.deleteMany({ where: { agentId, role } });
  if (count === 0) throw new NotFoundError("Role grant", `${role} of agent ${agentId}`);
}

async function assertAgentExists(tx: Tx, agentId: string) {
  if (!(await tx.agent.findUnique({ where: { id: agentId }, select: { id: true } }))) {
    throw new NotFoundError("Agent", agentId);
  }
}
