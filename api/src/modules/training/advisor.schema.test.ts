import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
const gid = encodeGlobalID;
let residentToken: string;
let partnerKey: string;
const ids = { place: new Map<string, string>(), commune: new Map<string, string>() };

async function agentSession(email: string) {
  const agent = await t.db.prisma.agent.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await createTestSession(t.db.prisma, { agentId: agent.id })).token;
}

beforeAll(async () => {
  t = await startTestApi();
  const prisma = t.db.prisma;
  for (const place of await prisma.place.findMany({ where: { isDemo: true }, select: { id: true, name: true } })) ids.place.set(place.name, place.id);
  for (const commune of await prisma.commune.findMany({ select: { id: true, inseeCode: true } })) ids.commune.set(commune.inseeCode, commune.id);
  const resident = await createTestResident(prisma, "02408");
  residentToken = (await createTestSession(prisma, { residentId: resident.residentId })).token;
  partnerKey = (await createTestPartnerKey(prisma, { scopes: ["read:training", "read:territory"] })).key;
});
afterAll(async () => t?.close());

interface AdvisorNode {
  id: string;
  name: string;
  jobTitle: string | null;
  presentation: string | null;
  resource: { kind: string; name: string };
  homePlace: { name: string };
  places: { name: string }[];
}

const advisorFields = "id name jobTitle presentation resource { kind name } homePlace { name } places { name }";

async function advisors(token: string | undefined, args: { placeId?: string; communeId?: string } = {}) {
  const answer = await t.client.request<{ advisors: AdvisorNode[] }>(
    `query ($placeId: ID, $communeId: ID) { advisors(placeId: $placeId, communeId: $communeId) { ${advisorFields} } }`,
    args,
    { token },
  );
  return answer;
}

const names = (list: { name: string }[] | undefined) => list?.map((a) => a.name);

describe("advisors", () => {
  it("lists the demo advisors by name with their places, for residents and agents", async () => {
    const answer = await advisors(residentToken);
    expect(answer.body.errors).toBeUndefined();
    expect(names(answer.body.data?.advisors)).toEqual(["Karim Benali", "Léa Garnier", "Nadia Lefebvre"]);
    const nadia = answer.body.data!.advisors.find((a) => a.name === "Nadia Lefebvre");
    expect(nadia).toMatchObject({
      jobTitle: "Conseillère numérique",
      presentation: expect.stringContaining("Parle aussi arabe"),
      resource: { kind: "ADVISOR", name: "Nadia Lefebvre" },
      homePlace: { name: "Médiathèque de Laon (démo)" },
      places: [{ name: "Espace France services de Laon (démo)" }, { name: "Médiathèque de Laon (démo)" }],
    });
    const asAgent = await advisors(await agentSession("julien.dupont@capl.example"));
    expect(names(asAgent.body.data?.advisors)).toEqual(["Karim Benali", "Léa Garnier", "Nadia Lefebvre"]);
  });

  it("filters by a place of their weekly rules or home, and by commune", async () => {
    const at = async (args: { placeId?: string; communeId?: string }) => names((await advisors(residentToken, args)).body.data?.advisors);
    const place = (name: string) => gid("Place", ids.place.get(name)!);
    const commune = (code: string) => gid("Commune", ids.commune.get(code)!);
    expect(await at({ placeId: place("Espace France services de Laon (démo)") })).toEqual(["Nadia Lefebvre"]);
    expect(await at({ placeId: place("Tiers-lieu de Mons-en-Laonnois (démo)") })).toEqual(["Karim Benali"]);
    expect(await at({ placeId: place("Hôtel de ville de Laon (démo)") })).toEqual([]);
    expect(await at({ communeId: commune("02408") })).toEqual(["Nadia Lefebvre"]);
    expect(await at({ communeId: commune("02028") })).toEqual(["Léa Garnier"]);
    expect(await at({ communeId: commune("02238"), placeId: place("Tiers-lieu numérique de Crépy (démo)") })).toEqual(["Karim Benali"]);
    expect(await at({ communeId: commune("02408"), placeId: place("Tiers-lieu numérique de Crépy (démo)") })).toEqual([]);
    const wrongType = await advisors(residentToken, { communeId: place("Médiathèque de Laon (démo)") });
    expect(errorCodes(wrongType.body)).toEqual(["BAD_USER_INPUT"]);
  });

  it("leaves out advisors whose resource is retired or whose account is disabled", async () => {
    const prisma = t.db.prisma;
    const make = async (name: string) => {
      const agent = await createTestAgent(prisma, [{ role: "TRAINING" }], name);
      const resource = await prisma.schedulingResource.create({ data: { kind: "ADVISOR", name, placeId: ids.place.get("Bibliothèque d'Athies-sous-Laon (démo)")! } });
      await prisma.advisorProfile.create({ data: { agentId: agent.agentId, resourceId: resource.id } });
      return { agentId: agent.agentId, resourceId: resource.id };
    };
    const retired = await make("Retired advisor");
    const disabled = await make("Disabled advisor");
    const athies = { communeId: gid("Commune", ids.commune.get("02028")!) };
    expect(names((await advisors(residentToken, athies)).body.data?.advisors)).toEqual(["Léa Garnier", "Test Disabled advisor", "Test Retired advisor"]);
    await prisma.schedulingResource.update({ where: { id: retired.resourceId }, data: { retiredAt: new Date() } });
    await prisma.agent.update({ where: { id: disabled.agentId }, data: { disabledAt: new Date() } });
    expect(names((await advisors(residentToken, athies)).body.data?.advisors)).toEqual(["Léa Garnier"]);
  });

  it("refuses partners and anonymous callers, on the query, on node() and on SchedulingResource.advisor", async () => {
    expect(errorCodes((await advisors(partnerKey)).body)).toEqual(["FORBIDDEN"]);
    expect(errorCodes((await advisors(undefined)).body)).toEqual(["UNAUTHENTICATED"]);
    const profile = await t.db.prisma.advisorProfile.findFirstOrThrow({ select: { id: true } });
    const node = await t.client.request<{ node: { id: string } | null }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: gid("Advisor", profile.id) }, { token: partnerKey });
    expect(node.body.data?.node ?? null).toBeNull();
    expect(errorCodes(node.body)).toEqual(["FORBIDDEN"]);
    const seen = await t.client.request<{ node: { id: string } | null }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: gid("Advisor", profile.id) }, { token: residentToken });
    expect(seen.body.data?.node).toEqual({ id: gid("Advisor", profile.id) });

    const resources = `{ schedulingResources(kind: ADVISOR, first: 10) { edges { node { name advisor { name } } } } }`;
    const byResident = await t.client.request<{ schedulingResources: { edges: { node: { name: string; advisor: { name: string } | null } }[] } }>(resources, {}, { token: residentToken });
    expect(byResident.body.errors).toBeUndefined();
    const nadia = byResident.body.data?.schedulingResources.edges.find((e) => e.node.name === "Nadia Lefebvre");
    expect(nadia?.node.advisor).toEqual({ name: "Nadia Lefebvre" });
    const byPartner = await t.client.request(resources, {}, { token: partnerKey });
    expect(new Set(errorCodes(byPartner.body))).toEqual(new Set(["FORBIDDEN"]));
  });
});

describe("Agent.advisor", () => {
  it("gives an advisor's own profile (for their agenda), and null to an agent who is not one", async () => {
    const query = `{ viewer { agent { advisor { name resource { kind } } } } }`;
    const nadia = await t.client.request<{ viewer: { agent: { advisor: { name: string } | null } } }>(query, {}, { token: await agentSession("nadia.lefebvre@capl.example") });
    expect(nadia.body.errors).toBeUndefined();
    expect(nadia.body.data?.viewer.agent.advisor).toEqual({ name: "Nadia Lefebvre", resource: { kind: "ADVISOR" } });
    const julien = await t.client.request<{ viewer: { agent: { advisor: unknown } } }>(query, {}, { token: await agentSession("julien.dupont@capl.example") });
    expect(julien.body.data?.viewer.agent.advisor).toBeNull();
  });
});
