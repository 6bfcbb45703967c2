/**
 * Login, logout and bearer resolution for agents and residents. Sessions are opaque tokens; only their
 * SHA-256 is stored, with an expiry and a revocation date.
 */
import type { PrismaClient } from "../../generated/prisma/client.js";
import { UnauthenticatedError } from "../../errors.js";
import type { LoginThrottle } from "./login-throttle.js";
import { verifyPassword } from "./password.js";
import { newSessionToken, sessionTokenPrefix, sha256 } from "./tokens.js";
import type { CommuneScope, Role, Viewer } from "./viewer.js";

export type AccountKind = "AGENT" | "RESIDENT";

export interface LoginInput {
  email: string;
  password: string;
  account: AccountKind;
}

export interface RequestOrigin {
  clientAddress: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  expiresAt: Date;
  subjectId: string;
}

/** Same message whether the email is unknown or the password wrong: it must not reveal accounts. */
export const invalidCredentialsMessage = "Invalid email or password";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function login(
  prisma: PrismaClient,
  throttle: LoginThrottle,
  input: LoginInput,
  origin: RequestOrigin,
  sessionTtlMs: number,
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  await throttle.assertAllowed(email, origin.clientAddress);
  const account =
    input.account === "AGENT"
      ? await prisma.agent.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } })
      : await prisma.resident.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const passwordOk = await verifyPassword(account?.passwordHash, input.password);
  const disabled = account !== null && "disabledAt" in account && account.disabledAt !== null;
  if (!account || !passwordOk || disabled) {
    await throttle.recordFailure(email, origin.clientAddress);
    throw new UnauthenticatedError(invalidCredentialsMessage);
  }
  await throttle.recordSuccess(email);
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + sessionTtlMs);
  const session = await prisma.session.create({
    data: {
      tokenHash: sha256(token),
      expiresAt,
      clientAddress: origin.clientAddress,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
      ...(input.account === "AGENT" ? { agentId: account.id } : { residentId: account.id }),
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expiresAt, subjectId: account.id };
}

export function isSessionToken(bearer: string): boolean {
  return bearer.startsWith(sessionTokenPrefix);
}

/** The viewer of a session token; UNAUTHENTICATED when it is unknown, expired, revoked or its agent disabled. */
export async function viewerFromSessionToken(prisma: PrismaClient, token: string, now = new Date()): Promise<Viewer> {
  const session = await prisma.session.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      residentId: true,
      agent: {
        select: {
          id: true,
          disabledAt: true,
          roleGrants: { select: { role: true, communes: { select: { id: true } } } },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) {
    throw new UnauthenticatedError("The session is invalid or has expired: log in again");
  }
  if (session.agent) {
    if (session.agent.disabledAt) throw new UnauthenticatedError("The session is invalid or has expired: log in again");
    const roles = new Map<Role, CommuneScope>(
      session.agent.roleGrants.map((grant) => [grant.role, grant.communes.length ? grant.communes.map((c) => c.id) : "all"]),
    );
    return { kind: "agent", agentId: session.agent.id, sessionId: session.id, roles };
  }
  if (session.residentId) return { kind: "resident", residentId: session.residentId, sessionId: session.id };
  throw new UnauthenticatedError("The session is invalid or has expired: log in again");
}

export async function logout(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
