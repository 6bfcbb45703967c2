import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { UnauthenticatedError } from "../../errors.js";
import { createTestDatabase } from "../../testing/test-database.js";
import { LoginThrottle } from "./login-throttle.js";
import { hashPassword } from "./password.js";
import {
  createSession,
  invalidCredentialsMessage,
  logout,
  verifyCredentials,
  viewerFromSessionToken,
  type AccountKind,
  type RequestOrigin,
} from "./session.service.js";

async function login(
  prisma: Database["prisma"],
  throttle: LoginThrottle,
  input: { email: string; password: string; account: AccountKind },
  origin: RequestOrigin,
  ttl: number,
) {
  const subject = await verifyCredentials(prisma, throttle, input, origin.clientAddress);
  return createSession(prisma, { account: input.account, subjectId: subject.id }, origin, ttl);
}

const origin = { clientAddress: "192.0.2.10", userAgent: "vitest" };
const hour = 3_600_000;
let db: Database;
let throttle: LoginThrottle;

beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
  throttle = new LoginThrottle(db.prisma);
  const laon = await db.prisma.epci.create({
    data: { code: "200043495", name: "CA du Pays de Laon", kind: "CA", populationTotal: 1, populationMunicipal: 1 },
  });
  const commune = await db.prisma.commune.create({
    data: {
      inseeCode: "02408", name: "Laon", searchName: "laon", siren: "210203873", postalCodes: ["02000"],
      population: 1, departmentCode: "02", regionCode: "32", epciId: laon.id,
    },
  });
  await db.prisma.agent.create({
    data: {
      email: "agent@capl.example", displayName: "Agent", passwordHash: await hashPassword("correct horse battery"),
      roleGrants: { create: [{ role: "TRAINING" }, { role: "PORTAL", communes: { connect: { id: commune.id } } }] },
    },
  });
  await db.prisma.resident.create({
    data: { email: "resident@example.org", displayName: "Résidente", passwordHash: await hashPassword("resident password") },
  });
});
afterAll(async () => db?.close());

describe("login", () => {
  it("gives an agent a session whose viewer carries the roles and commune limits", async () => {
    const result = await login(db.prisma, throttle, { email: " Agent@CAPL.example ", password: "correct horse battery", account: "AGENT" }, origin, hour);
    expect(result.token).toMatch(/^cs_/);
    const stored = await db.prisma.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(stored.tokenHash).not.toContain(result.token.slice(3));
    const viewer = await viewerFromSessionToken(db.prisma, result.token);
    expect(viewer.kind).toBe("agent");
    if (viewer.kind !== "agent") return;
    expect(viewer.roles.get("TRAINING")).toBe("all");
    expect(viewer.roles.get("PORTAL")).toHaveLength(1);
    expect(viewer.roles.has("ADMIN")).toBe(false);
  });

  it("logs residents in separately from agents", async () => {
    const result = await login(db.prisma, throttle, { email: "resident@example.org", password: "resident password", account: "RESIDENT" }, origin, hour);
    expect((await viewerFromSessionToken(db.prisma, result.token)).kind).toBe("resident");
    await expect(
      login(db.prisma, throttle, { email: "resident@example.org", password: "resident password", account: "AGENT" }, origin, hour),
    ).rejects.toThrow(invalidCredentialsMessage);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const attempts = [
      login(db.prisma, throttle, { email: "agent@capl.example", password: "wrong", account: "AGENT" }, { ...origin, clientAddress: "192.0.2.20" }, hour),
      login(db.prisma, throttle, { email: "nobody@capl.example", password: "wrong", account: "AGENT" }, { ...origin, clientAddress: "192.0.2.21" }, hour),
    ];
    const errors = await Promise.all(attempts.map((a) => a.then(() => null, (e: unknown) => e)));
    for (const error of errors) {
      expect(error).toBeInstanceOf(UnauthenticatedError);
      expect((error as Error).message).toBe(invalidCredentialsMessage);
    }
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    const email = "throttled@capl.example";
    await db.prisma.agent.create({ data: { email, displayName: "T", passwordHash: await hashPassword("the right password") } });
    for (let i = 0; i < 5; i += 1) {
      await expect(
        login(db.prisma, throttle, { email, password: `wrong ${i}`, account: "AGENT" }, { clientAddress: `198.51.100.${i}`, userAgent: null }, hour),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(
      login(db.prisma, throttle, { email, password: "the right password", account: "AGENT" }, { clientAddress: "198.51.100.99", userAgent: null }, hour),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("throttles an address that tries many accounts", async () => {
    const strict = new LoginThrottle(db.prisma, {
      perAccount: { maxFailures: 100, windowMs: hour, blockForMs: hour },
      perAddress: { maxFailures: 3, windowMs: hour, blockForMs: hour },
    });
    const from = { clientAddress: "203.0.113.7", userAgent: null };
    for (let i = 0; i < 3; i += 1) {
      await expect(login(db.prisma, strict, { email: `guess${i}@capl.example`, password: "x", account: "AGENT" }, from, hour)).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(
      login(db.prisma, strict, { email: "agent@capl.example", password: "correct horse battery", account: "AGENT" }, from, hour),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("sessions", () => {
  it("stop working once revoked or expired", async () => {
    const result = await login(db.prisma, throttle, { email: "agent@capl.example", password: "correct horse battery", account: "AGENT" }, origin, hour);
    await expect(viewerFromSessionToken(db.prisma, result.token, new Date(Date.now() + 2 * hour))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const viewer = await viewerFromSessionToken(db.prisma, result.token);
    if (viewer.kind !== "agent") throw new Error("expected an agent");
    expect(await logout(db.prisma, viewer, false)).toEqual([result.sessionId]);
    await expect(viewerFromSessionToken(db.prisma, result.token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(viewerFromSessionToken(db.prisma, "cs_forged")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
