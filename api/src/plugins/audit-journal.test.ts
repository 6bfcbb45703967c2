/**
 * The audit journal over HTTP: every mutation call leaves exactly one row, whether it succeeded, failed
 * in its resolver, was refused by scope-auth or by argument validation, and rows can never be changed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { AuditEvent } from "../generated/prisma/client.js";
import { startTestApi, type TestApi } from "../testing/graphql-client.js";
import {
  createAdminSession,
  createTestAgent,
  createTestPartnerKey,
  createTestResident,
  createTestSession,
} from "../testing/viewers.js";

let t: TestApi;
let admin: { token: string; agentId: string };
let sequence = 0;

beforeAll(async () => {
  t = await startTestApi();
  admin = await createAdminSession(t.db.prisma);
});

afterAll(async () => {
  await t?.close();
});

let journalBefore = 0;
beforeEach(async () => {
  journalBefore = await t.db.prisma.auditEvent.count();
});

/** Sends a mutation with a known request id; returns the answer and the journal rows it left. */
async function mutate(query: string, variables: Record<string, unknown> | undefined, token?: string) {
  const requestId = `audit-test-${++sequence}`;
  const answer = await t.client.request(query, variables, { token, requestId });
  const rows = await t.db.prisma.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
  return { ...answer, rows, requestId };
}

async function journalGrowth(): Promise<number> {
  return (await t.db.prisma.auditEvent.count()) - journalBefore;
}

const createAgent = `
  mutation CreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) { __typename ... on CreateAgentSuccess { agent { id email } } ... on Error { code message } }
  }`;

function agentInput(overrides: Record<string, unknown> = {}) {
  return { email: `journal-${++sequence}@test.example`, displayName: "Journal Test", password: "a-long-enough-password", ...overrides };
}

function expectOneRow(rows: AuditEvent[], expected: Partial<AuditEvent>): AuditEvent {
  expect(rows, JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).toHaveLength(1);
  expect(rows[0]).toMatchObject(expected);
  return rows[0]!;
}

describe("one row per mutation call", () => {
  it("journals a mutation refused by scope-auth to an anonymous caller as DENIED, with no actor", async () => {
    const { status, body, rows } = await mutate(createAgent, { input: agentInput() });
    expect(status).toBeLessThan(500);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expectOneRow(rows, { operation: "createAgent", outcome: "DENIED", actorKind: "ANONYMOUS", actorId: null, errorCode: "UNAUTHENTICATED" });
    expect(rows[0]!.clientAddress).toBeTruthy();
    expect(await journalGrowth()).toBe(1);
  });

  it("journals a mutation refused by scope-auth to an agent lacking the role as DENIED, naming the agent", async () => {
    const agent = await createTestAgent(t.db.prisma, [{ role: "TRAINING" }]);
    const { token } = await createTestSession(t.db.prisma, { agentId: agent.agentId });
    const { body, rows } = await mutate(createAgent, { input: agentInput() }, token);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expectOneRow(rows, { operation: "createAgent", outcome: "DENIED", actorKind: "AGENT", actorId: agent.agentId, errorCode: "FORBIDDEN" });
  });

  it("journals a mutation refused by a partner key's missing scope as DENIED, naming the key", async () => {
    const partner = await createTestPartnerKey(t.db.prisma, { scopes: ["read:territory", "read:training"] });
    const { body, rows } = await mutate(createAgent, { input: agentInput() }, partner.key);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    expectOneRow(rows, { operation: "createAgent", outcome: "DENIED", actorKind: "API_CLIENT", actorId: partner.clientId });
  });

  it("journals a mutation refused by argument validation as FAILURE, and creates nothing", async () => {
    const agentsBefore = await t.db.prisma.agent.count();
    const { body, rows } = await mutate(createAgent, { input: agentInput({ email: "not-an-email", password: "short" }) }, admin.token);
    const result = body.data?.createAgent as { code?: string } | undefined;
    const codes = [...(body.errors?.map((e) => e.extensions?.code) ?? []), result?.code].filter(Boolean);
    expect(codes).toEqual(["BAD_USER_INPUT"]);
    expectOneRow(rows, { operation: "createAgent", outcome: "FAILURE", actorKind: "AGENT", actorId: admin.agentId, errorCode: "BAD_USER_INPUT" });
    expect(await t.db.prisma.agent.count()).toBe(agentsBefore);
  });

  it("journals a success with the records it changed, in the same transaction as the change", async () => {
    const { body, rows } = await mutate(createAgent, { input: agentInput() }, admin.token);
    const created = (body.data?.createAgent as { agent?: { id: string; email: string } }).agent;
    expect(created, JSON.stringify(body)).toBeDefined();
    const row = expectOneRow(rows, { operation: "createAgent", outcome: "SUCCESS", actorKind: "AGENT", actorId: admin.agentId, errorCode: null });
    const agent = await t.db.prisma.agent.findUniqueOrThrow({ where: { email: created!.email }, select: { id: true } });
    expect(row.targetIds).toContain(agent.id);
  });

  it("journals a failure of the resolver (email taken) as FAILURE with its code, changing nothing", async () => {
    const input = agentInput();
    await mutate(createAgent, { input }, admin.token);
    const agentsBefore = await t.db.prisma.agent.count();
    const { body, rows } = await mutate(createAgent, { input }, admin.token);
    expect((body.data?.createAgent as { code?: string }).code).toBe("CONFLICT");
    expectOneRow(rows, { operation: "createAgent", outcome: "FAILURE", errorCode: "CONFLICT", actorId: admin.agentId });
    expect(await t.db.prisma.agent.count()).toBe(agentsBefore);
  });

  it("journals a failed login (wrong password) as refused, never as a success", async () => {
    const { body, rows } = await mutate(
      `mutation { login(input: { email: "camille.martin@capl.example", password: "not the password" }) { __typename ... on Error { code } } }`,
      undefined,
    );
    expect((body.data?.login as { code?: string }).code).toBe("UNAUTHENTICATED");
    const row = expectOneRow(rows, { operation: "login", actorKind: "ANONYMOUS", actorId: null });
    expect(["DENIED", "FAILURE"]).toContain(row.outcome);
    expect(row.errorCode).toBe("UNAUTHENTICATED");
  });

  it("journals an agent acting for a resident as on behalf of the resident, and a resident acting for themself without", async () => {
    const resident = await createTestResident(t.db.prisma, "02408");
    const agent = await createTestAgent(t.db.prisma, [{ role: "PORTAL", communeInseeCodes: ["02408"] }]);
    const update = `mutation ($input: UpdateResidentContactInput!) { updateResidentContact(input: $input) { __typename ... on Error { code } } }`;
    const input = { residentId: encodeGlobalID("Resident", resident.residentId), phone: "+33323000099" };

    const byAgent = await mutate(update, { input }, (await createTestSession(t.db.prisma, { agentId: agent.agentId })).token);
    expect(byAgent.body.data?.updateResidentContact).toMatchObject({ __typename: "UpdateResidentContactSuccess" });
    expectOneRow(byAgent.rows, { outcome: "SUCCESS", actorKind: "AGENT", actorId: agent.agentId, onBehalfOfResidentId: resident.residentId });

    const byResident = await mutate(update, { input }, (await createTestSession(t.db.prisma, { residentId: resident.residentId })).token);
    expect(byResident.body.data?.updateResidentContact).toMatchObject({ __typename: "UpdateResidentContactSuccess" });
    expectOneRow(byResident.rows, { outcome: "SUCCESS", actorKind: "RESIDENT", actorId: resident.residentId, onBehalfOfResidentId: null });
  });

  it("journals each root field of a request once, aliases included", async () => {
    const first = agentInput();
    const { body, rows } = await mutate(
      `mutation ($first: CreateAgentInput!, $second: CreateAgentInput!) {
        first: createAgent(input: $first) { __typename }
        taken: createAgent(input: $first) { __typename }
        second: createAgent(input: $second) { __typename }
      }`,
      { first, second: agentInput() },
      admin.token,
    );
    expect(body.data, JSON.stringify(body)).toEqual({
      first: { __typename: "CreateAgentSuccess" },
      taken: { __typename: "ConflictError" },
      second: { __typename: "CreateAgentSuccess" },
    });
    expect(rows.map((row) => `${row.operation}:${row.outcome}`)).toEqual(["createAgent:SUCCESS", "createAgent:FAILURE", "createAgent:SUCCESS"]);
    expect(await journalGrowth()).toBe(3);
  });

  it("refuses the whole operation, doing none of it, when one of its mutations has invalid arguments", async () => {
    const done = agentInput();
    const { status, rows } = await mutate(
      `mutation ($done: CreateAgentInput!, $bad: CreateAgentInput!) {
        done: createAgent(input: $done) { __typename }
        bad: createAgent(input: $bad) { __typename }
      }`,
      { done, bad: agentInput({ email: "nope" }) },
      admin.token,
    );
    expect(status).toBe(400);
    expect(rows.map((row) => `${row.operation}:${row.outcome}:${row.errorCode}`)).toEqual([
      "createAgent:FAILURE:BAD_USER_INPUT",
      "createAgent:FAILURE:BAD_USER_INPUT",
    ]);
    expect(await t.db.prisma.agent.count({ where: { email: done.email } })).toBe(0);
  });

  it("does not hide, behind another mutation's failure at run time, a mutation that was done and journaled", async () => {
    const done = agentInput();
    const { body, rows } = await mutate(
      `mutation ($done: CreateAgentInput!) {
        done: createAgent(input: $done) { __typename ... on CreateAgentSuccess { agent { email } } }
        again: createAgent(input: $done) { __typename ... on Error { code } }
      }`,
      { done },
      admin.token,
    );
    expect(rows.map((row) => `${row.operation}:${row.outcome}`)).toEqual(["createAgent:SUCCESS", "createAgent:FAILURE"]);
    expect(await t.db.prisma.agent.count({ where: { email: done.email } })).toBe(1);
    // The client must learn that `done` happened: a null `data` would tell it that nothing did.
    expect(body.data?.done, JSON.stringify(body)).toMatchObject({ agent: { email: done.email } });
    expect(body.data?.again, JSON.stringify(body)).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
  });

  it("journals a mutation sent with an expired key or a revoked session as DENIED", async () => {
    const expired = await createTestPartnerKey(t.db.prisma, { scopes: ["read:territory"], expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createTestSession(t.db.prisma, { agentId: admin.agentId }, { revoked: true });
    for (const [token, actor] of [
      [expired.key, { actorKind: "API_CLIENT", actorId: expired.clientId }],
      [revoked.token, { actorKind: "AGENT", actorId: admin.agentId }],
    ] as const) {
      const { status, body, rows } = await mutate(createAgent, { input: agentInput() }, token);
      expect(status).toBe(401);
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
      // Who held the credential is known even though it no longer works; at least the attempt is journaled.
      const row = expectOneRow(rows, { operation: "createAgent", outcome: "DENIED", errorCode: "UNAUTHENTICATED" });
      expect([actor.actorId, null]).toContain(row.actorId);
    }
  });
});

describe("rows are append-only", () => {
  it("refuses to update, delete or truncate journal rows, whoever asks", async () => {
    await mutate(createAgent, { input: agentInput() });
    const count = await t.db.prisma.auditEvent.count();
    expect(count).toBeGreaterThan(0);
    const prisma = t.db.prisma;
    await expect(prisma.auditEvent.updateMany({ data: { outcome: "SUCCESS" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    const first = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(prisma.auditEvent.update({ where: { id: first.id }, data: { actorId: null } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: first.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count()).toBe(count);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
  });
});
