/**
 * Callers for tests, created directly in the database: agents with given roles, residents, sessions and
 * partner keys with known secrets. Only the SHA-256 of a token or key is stored, as the API does, so no
 * login (and no argon2) is needed to act as someone.
 */
import crypto from "node:crypto";
import type { PrismaClient, Role } from "../generated/prisma/client.js";
import { newApiKey, newSessionToken, sha256 } from "../modules/identity/tokens.js";

const dayMs = 86_400_000;

function uniqueSuffix(): string {
  return crypto.randomBytes(5).toString("hex");
}

export interface TestAgent {
  agentId: string;
  email: string;
  roles: ReadonlyMap<Role, "all" | readonly string[]>;
}

/** An agent holding `roles`, each for every commune or limited to the communes with these INSEE codes. */
export async function createTestAgent(
  prisma: PrismaClient,
  roles: readonly { role: Role; communeInseeCodes?: readonly string[] }[],
  name = "agent",
): Promise<TestAgent> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${uniqueSuffix()}@test.example`;
  const agent = await prisma.agent.create({ data: { email, displayName: `Test ${name}` }, select: { id: true } });
  const granted = new Map<Role, "all" | readonly string[]>();
  for (const { role, communeInseeCodes = [] } of roles) {
    const communes = communeInseeCodes.length
      ? await prisma.commune.findMany({ where: { inseeCode: { in: [...communeInseeCodes] } }, select: { id: true } })
      : [];
    if (communes.length !== communeInseeCodes.length) throw new Error(`Unknown INSEE code in ${communeInseeCodes.join(", ")}`);
    await prisma.roleGrant.create({ data: { agentId: agent.id, role, communes: { connect: communes } } });
    granted.set(role, communeInseeCodes.length ? communeInseeCodes : "all");
  }
  return { agentId: agent.id, email, roles: granted };
}

/** A resident living in the commune with this INSEE code. */
export async function createTestResident(prisma: PrismaClient, inseeCode = "02408"): Promise<{ residentId: string; email: string }> {
  const commune = await prisma.commune.findUniqueOrThrow({ where: { inseeCode }, select: { id: true } });
  const email = `resident-${uniqueSuffix()}@test.example`;
  const resident = await prisma.resident.create({
    data: { email, displayName: "Test resident", communeId: commune.id },
    select: { id: true },
  });
  return { residentId: resident.id, email };
}

export interface SessionOptions {
  /** Default: valid for a day. */
  expiresAt?: Date;
  revoked?: boolean;
}

/** A session token of an agent or a resident. */
export async function createTestSession(
  prisma: PrismaClient,
  subject: { agentId: string } | { residentId: string },
  options: SessionOptions = {},
): Promise<{ token: string; sessionId: string }> {
  const token = newSessionToken();
  const session = await prisma.session.create({
    data: {
      tokenHash: sha256(token),
      expiresAt: options.expiresAt ?? new Date(Date.now() + dayMs),
      revokedAt: options.revoked ? new Date() : null,
      ...subject,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id };
}

export interface PartnerKeyOptions {
  scopes: readonly string[];
  /** Default: in 30 days. A past date gives an expired key. */
  expiresAt?: Date;
  revoked?: boolean;
  costCapacity?: number;
  costRefillPerSecond?: number;
  allowedIpRanges?: readonly string[];
  name?: string;
}

/** A partner API key; the default budget is large enough never to get in a test's way. */
export async function createTestPartnerKey(
  prisma: PrismaClient,
  options: PartnerKeyOptions,
): Promise<{ key: string; clientId: string }> {
  const { key, keyPrefix } = newApiKey();
  const client = await prisma.apiClient.create({
    data: {
      name: options.name ?? `Test partner ${keyPrefix}`,
      keyPrefix,
      keyHash: sha256(key),
      scopes: [...options.scopes],
      expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * dayMs),
      revokedAt: options.revoked ? new Date() : null,
      allowedIpRanges: [...(options.allowedIpRanges ?? [])],
      costCapacity: options.costCapacity ?? 1_000_000,
      costRefillPerSecond: options.costRefillPerSecond ?? 1_000_000,
    },
    select: { id: true },
  });
  return { key, clientId: client.id };
}

/** A session of a new agent holding ADMIN on every commune. */
export async function createAdminSession(prisma: PrismaClient): Promise<{ token: string; agentId: string }> {
  const admin = await createTestAgent(prisma, [{ role: "ADMIN" }], "admin");
  const { token } = await createTestSession(prisma, { agentId: admin.agentId });
  return { token, agentId: admin.agentId };
}
