import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { createTestAgent, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
let laonResident: { residentId: string; globalId: string };
let crepyResident: { residentId: string; globalId: string };
let laonAgent: string;
let everywhereAgent: string;
let residentToken: string;

const globalId = (id: string) => Buffer.from(`Resident:${id}`).toString("base64");

beforeAll(async () => {
  t = await startTestApi();
  const laon = await createTestResident(t.db.prisma, "02408");
  const crepy = await createTestResident(t.db.prisma, "02238");
  laonResident = { ...laon, globalId: globalId(laon.residentId) };
  crepyResident = { ...crepy, globalId: globalId(crepy.residentId) };
  const limited = await createTestAgent(t.db.prisma, [{ role: "PORTAL", communeInseeCodes: ["02408"] }], "laon portal");
  const all = await createTestAgent(t.db.prisma, [{ role: "TRAINING" }], "training");
  laonAgent = (await createTestSession(t.db.prisma, { agentId: limited.agentId })).token;
  everywhereAgent = (await createTestSession(t.db.prisma, { agentId: all.agentId })).token;
  residentToken = (await createTestSession(t.db.prisma, { residentId: laon.residentId })).token;
});
afterAll(async () => t?.close());

const update = `mutation ($id: ID!, $phone: String) {
  updateResidentContact(input: { residentId: $id, phone: $phone }) {
    __typename ... on UpdateResidentContactSuccess { resident { phone } } ... on Error { code }
  }
}`;

async function lastAuditRow() {
  return t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation: "updateResidentContact" }, orderBy: { id: "desc" } });
}

describe("residents seen by agents limited to some communes", () => {
  it("lists only the residents of the agent's communes", async () => {
    const query = `{ residents(first: 100) { totalCount edges { node { id commune { inseeCode } } } } }`;
    const limited = await t.client.request<{ residents: { edges: { node: { id: string; commune: { inseeCode: string } } }[] } }>(query, {}, { token: laonAgent });
    const communes = new Set(limited.body.data?.residents.edges.map((e) => e.node.commune.inseeCode));
    expect([...communes]).toEqual(["02408"]);
    const everywhere = await t.client.request<{ residents: { edges: { node: { id: string } }[] } }>(query, {}, { token: everywhereAgent });
    const ids = everywhere.body.data?.residents.edges.map((e) => e.node.id);
    expect(ids).toContain(laonResident.globalId);
    expect(ids).toContain(crepyResident.globalId);
  });

  it("hides another commune's resident from node(id), as if it did not exist", async () => {
    const query = `query ($id: ID!) { node(id: $id) { id } }`;
    const hidden = await t.client.request<{ node: unknown }>(query, { id: crepyResident.globalId }, { token: laonAgent });
    expect(hidden.body.data?.node ?? null).toBeNull();
    const seen = await t.client.request<{ node: { id: string } }>(query, { id: laonResident.globalId }, { token: laonAgent });
    expect(seen.body.data?.node).toEqual({ id: laonResident.globalId });
  });
});

describe("acting on a resident's behalf", () => {
  it("journals an agent's change as made on the resident's behalf", async () => {
    const answer = await t.client.request(update, { id: laonResident.globalId, phone: "+33323112233" }, { token: laonAgent });
    expect(answer.body.data).toEqual({ updateResidentContact: { __typename: "UpdateResidentContactSuccess", resident: { phone: "+33323112233" } } });
    expect(await lastAuditRow()).toMatchObject({ outcome: "SUCCESS", actorKind: "AGENT", onBehalfOfResidentId: laonResident.residentId });
  });

  it("journals the resident's own change without 'on behalf of'", async () => {
    const answer = await t.client.request(update, { id: laonResident.globalId, phone: "+33323445566" }, { token: residentToken });
    expect(answer.body.data?.updateResidentContact).toMatchObject({ __typename: "UpdateResidentContactSuccess" });
    expect(await lastAuditRow()).toMatchObject({ outcome: "SUCCESS", actorKind: "RESIDENT", onBehalfOfResidentId: null });
  });

  it("refuses an agent outside the resident's commune, and another resident, changing nothing", async () => {
    for (const [token, id] of [
      [laonAgent, crepyResident.globalId],
      [residentToken, crepyResident.globalId],
    ] as const) {
      const answer = await t.client.request(update, { id, phone: "+33300000000" }, { token });
      expect(answer.body.data?.updateResidentContact).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
      expect(await lastAuditRow()).toMatchObject({ outcome: "FAILURE", errorCode: "NOT_FOUND" });
    }
    const crepy = await t.db.prisma.resident.findUniqueOrThrow({ where: { id: crepyResident.residentId } });
    expect(crepy.phone).toBeNull();
  });
});
