import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { countRows, journalTables } from "../../testing/table-counts.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
const gid = encodeGlobalID;
let fabLab: string;
let crepy: string;
let trainingLaon: { agentId: string; token: string };
let trainingEverywhere: string;
let telehealth: string;
let resident: { residentId: string; token: string };
let partnerKey: string;

beforeAll(async () => {
  t = await startTestApi();
  const prisma = t.db.prisma;
  const place = async (name: string) => (await prisma.place.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  fabLab = await place("Fab lab du Pays de Laon (démo)");
  crepy = await place("Tiers-lieu numérique de Crépy (démo)");
  const agent = async (roles: Parameters<typeof createTestAgent>[1]) => {
    const a = await createTestAgent(prisma, roles, "equipment");
    return { agentId: a.agentId, token: (await createTestSession(prisma, { agentId: a.agentId })).token };
  };
  trainingLaon = await agent([{ role: "TRAINING", communeInseeCodes: ["02408"] }]);
  trainingEverywhere = (await agent([{ role: "TRAINING" }])).token;
  telehealth = (await agent([{ role: "TELEHEALTH" }])).token;
  const r = await createTestResident(prisma);
  resident = { residentId: r.residentId, token: (await createTestSession(prisma, { residentId: r.residentId })).token };
  partnerKey = (await createTestPartnerKey(prisma, { scopes: ["read:training"] })).key;
});
afterAll(async () => t?.close());

interface ResourceNode {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  isRetired: boolean;
  place: { id: string };
}

type Result = { __typename: string; code?: string; message?: string; resource?: ResourceNode };

async function mutate(name: string, input: Record<string, unknown>, token: string): Promise<Result> {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await t.client.request<Record<string, Result>>(
    `mutation ($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ${type}Success { resource { id kind name description isRetired place { id } } } } }`,
    { input },
    { token },
  );
  return answer.body.data?.[name] ?? { __typename: "TopLevelError", code: errorCodes(answer.body).join() };
}

const create = (input: Record<string, unknown>, token = trainingLaon.token) =>
  mutate("createSchedulingResource", { kind: "MACHINE", name: "Brodeuse numérique (test)", placeId: gid("Place", fabLab), ...input }, token);
const retire = (resourceId: string, token = trainingLaon.token) => mutate("retireSchedulingResource", { resourceId }, token);

async function listed(kind: string, placeId: string): Promise<string[]> {
  const answer = await t.client.request<{ schedulingResources: { edges: { node: { id: string } }[] } }>(
    `query ($kind: SchedulingResourceKind, $placeId: ID) { schedulingResources(first: 100, kind: $kind, placeId: $placeId) { edges { node { id } } } }`,
    { kind, placeId: gid("Place", placeId) },
    { token: partnerKey },
  );
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.schedulingResources.edges.map((e) => e.node.id);
}

describe("equipment as bookable resources", () => {
  it("lets a training agent add a machine at a place of their communes; it is listed, bookable once it has rules, and retired", async () => {
    const created = await create({ description: "  Brodeuse Brother, cadre 18 × 13 cm  " });
    expect(created).toMatchObject({
      __typename: "CreateSchedulingResourceSuccess",
      resource: { kind: "MACHINE", name: "Brodeuse numérique (test)", description: "Brodeuse Brother, cadre 18 × 13 cm", isRetired: false, place: { id: gid("Place", fabLab) } },
    });
    const id = created.resource!.id;
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation: "createSchedulingResource" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: trainingLaon.agentId });
    expect(await listed("MACHINE", fabLab)).toContain(id);

    // Booked like any resource: weekly rules, then a slot of a machine appointment type.
    const rules = await t.client.request<{ setAvailabilityRules: { __typename: string } }>(
      `mutation ($input: SetAvailabilityRulesInput!) { setAvailabilityRules(input: $input) { __typename } }`,
      { input: { resourceId: id, rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: "08:00", endTime: "20:00" })) } },
      { token: trainingLaon.token },
    );
    expect(rules.body.data?.setAvailabilityRules.__typename).toBe("SetAvailabilityRulesSuccess");
    const resourceId = Buffer.from(id, "base64").toString().split(":")[1]!;
    const type = await t.db.prisma.appointmentType.create({
      data: { name: "Broderie (test)", resourceKind: "MACHINE", durationMinutes: 60, resources: { connect: { id: resourceId } } },
      select: { id: true },
    });
    const slots = await t.client.request<{ availableSlots: { startsAt: string; resource: { id: string } }[] }>(
      `query ($input: SlotSearchInput!) { availableSlots(input: $input) { startsAt resource { id } } }`,
      { input: { appointmentTypeId: gid("AppointmentType", type.id), from: new Date(Date.now() + 86_400_000).toISOString(), to: new Date(Date.now() + 3 * 86_400_000).toISOString(), first: 5 } },
      { token: resident.token },
    );
    const slot = slots.body.data!.availableSlots[0]!;
    expect(slot.resource.id).toBe(id);
    const hold = await t.client.request<{ holdSlot: { __typename: string; booking?: { id: string } } }>(
      `mutation ($input: HoldSlotInput!) { holdSlot(input: $input) { __typename ... on HoldSlotSuccess { booking { id } } } }`,
      { input: { appointmentTypeId: gid("AppointmentType", type.id), resourceId: id, startsAt: slot.startsAt } },
      { token: resident.token },
    );
    expect(hold.body.data?.holdSlot.__typename).toBe("HoldSlotSuccess");

    // A booking to come keeps the machine in service.
    expect(await retire(id)).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    await t.client.request(
      `mutation ($input: CancelBookingInput!) { cancelBooking(input: $input) { __typename } }`,
      { input: { bookingId: hold.body.data!.holdSlot.booking!.id, reason: "Plus besoin" } },
      { token: resident.token },
    );
    const retired = await retire(id);
    expect(retired.resource).toMatchObject({ id, isRetired: true });
    const retiredAt = (await t.db.prisma.schedulingResource.findUniqueOrThrow({ where: { id: resourceId } })).retiredAt;
    expect((await retire(id)).resource?.isRetired).toBe(true);
    expect((await t.db.prisma.schedulingResource.findUniqueOrThrow({ where: { id: resourceId } })).retiredAt).toEqual(retiredAt);
    expect(await listed("MACHINE", fabLab)).not.toContain(id);
  });

  it("creates computers, kiosks and rooms alike, for agents of the kind's role covering the place's commune only", async () => {
    for (const kind of ["COMPUTER", "KIOSK", "ROOM"]) {
      expect((await create({ kind, name: `${kind} (test)`, placeId: gid("Place", crepy) }, trainingEverywhere)).resource).toMatchObject({ kind, isRetired: false });
    }
    const before = await countRows(t.db.prisma, journalTables);
    expect(await create({ placeId: gid("Place", crepy) })).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    expect(await create({ kind: "PRACTITIONER" })).toMatchObject({ code: "FORBIDDEN" });
    expect(await create({ kind: "MACHINE" }, telehealth)).toMatchObject({ code: "FORBIDDEN" });
    expect(await create({}, resident.token)).toMatchObject({ code: "FORBIDDEN" });
    expect(await create({}, partnerKey)).toMatchObject({ code: "FORBIDDEN" });
    const crepyMachine = await t.db.prisma.schedulingResource.findFirstOrThrow({ where: { placeId: crepy, kind: "COMPUTER" }, select: { id: true } });
    expect(await retire(gid("SchedulingResource", crepyMachine.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await retire(gid("SchedulingResource", crypto.randomUUID()))).toMatchObject({ code: "NOT_FOUND" });
    expect(await create({ placeId: gid("Place", crypto.randomUUID()) })).toMatchObject({ code: "NOT_FOUND" });
    expect(await create({ placeId: gid("SchedulingResource", crepyMachine.id) })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await create({ name: " " })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await create({ name: "x".repeat(121) })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await create({ description: "y".repeat(1001) })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await create({ kind: "ROBOT" })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
  });
});
