/**
 * Login, logout and bearer resolution for agents and residents. Sessions are opaque tokens; only their
 * SHA-256 is stored, with an expiry and a revocation date.
 */
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

type Db = Prisma.TransactionClient | PrismaClient;
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

/** Same message whether the email is unknown or the password wrong: it must not reveal accounts. */
export const invalidCredentialsMessage = "Invalid email or password";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and a password. Throws UNAUTHENTICATED with one message whatever was wrong (the
 * decoy hash makes an unknown email cost the same time), RATE_LIMITED while throttled. Runs outside
 * the mutation's transaction: a failure must be counted even though the mutation fails.
 */
export async function verifyCredentials(
  prisma: PrismaClient,
  throttle: LoginThrottle,
  input: LoginInput,
  clientAddress: string | null,
): Promise<{ id: string }> {
  const email = normalizeEmail(input.email);
  await throttle.assertAllowed(email, clientAddress);
  const account =
    input.account === "AGENT"
      ? await prisma.agent.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } })
      : await prisma.resident.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const passwordOk = await verifyPassword(account?.passwordHash, input.password);
  const disabled = account !== null && "disabledAt" in account && account.disabledAt !== null;
  if (!account || !passwordOk || disabled) {
    await throttle.recordFailure(email, clientAddress);
    throw new UnauthenticatedError(invalidCredentialsMessage);
  }
  await throttle.recordSuccess(email);
  return { id: account.id };
}

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
  /** The viewer this session gives, read in the same transaction. */
  viewer(db: Db): Promise<Viewer>;
}

export async function createSession(
  db: Db,
  subject: { account: AccountKind; subjectId: string },
  origin: RequestOrigin,
  sessionTtlMs: number,
): Promise<NewSession> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + sessionTtlMs);
  const session = await db.session.create({
    data: {
      tokenHash: sha256(token),
      expiresAt,
      clientAddress: origin.clientAddress,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
      ...(subject.account === "AGENT" ? { agentId: subject.subjectId } : { residentId: subject.subjectId }),
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expiresAt, viewer: (tx) => viewerFromSessionToken(tx, token) };
}

export function isSessionToken(bearer: string): boolean {
  return bearer.startsWith(sessionTokenPrefix);
}

/** The viewer of a session token; UNAUTHENTICATED when it is unknown, expired, revoked or its agent disabled. */
export async function viewerFromSessionToken(db: Db, token: string, now = new Date()): Promise<Viewer> {
  const session = await db.session.findUnique({
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

/** Revokes the viewer's session, or all the account's sessions; returns the ids of the sessions ended. */
export async function logout(
  db: Db,
  viewer: Extract<Viewer, { kind: "agent" | "resident" }>,
  allSessions: boolean,
): Promise<string[]> {
  const owner = viewer.kind === "agent" ? { agentId: viewer.agentId } : { residentId: viewer.residentId };
  const where = { revokedAt: null, ...(allSessions ? owner : { id: viewer.sessionId }) };
  const sessions = await db.session.findMany({ where, select: { id: true } });
  await db.session.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: new Date() } });
  return sessions.map((s) => s.id);
}
