import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, startTestApi, type GraphQLAnswer, type TestApi } from "../../testing/graphql-client.js";
import { countRows, journalTables } from "../../testing/table-counts.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
const day = 86_400_000;
const gid = (type: string, id: string) => encodeGlobalID(type, id);

interface Place {
  id: string;
  communeId: string;
}
let laon: Place;
let crepy: Place;
let laonAdvisor: string;
let crepyAdvisor: string;
let typeId: string;
let laonResident: { residentId: string; token: string };
let crepyResident: { residentId: string; token: string };
let agentEverywhere: { agentId: string; token: string };
let agentLaon: { agentId: string; token: string };
let partnerKey: string;

/** Every day 08:00–20:00 in Paris: slots exist whatever day the tests run. */
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 }));

async function newAdvisor(name: string, placeId: string) {
  const resource = await t.db.prisma.schedulingResource.create({ data: { kind: "ADVISOR", name, placeId, rules: { create: everyDay } }, select: { id: true } });
  return resource.id;
}

beforeAll(async () => {
  t = await startTestApi();
  const prisma = t.db.prisma;
  const place = (name: string) => prisma.place.findFirstOrThrow({ where: { name }, select: { id: true, communeId: true } });
  laon = await place("Médiathèque de Laon (démo)");
  crepy = await place("Tiers-lieu numérique de Crépy (démo)");
  laonAdvisor = await newAdvisor("Conseillère de Laon (test)", laon.id);
  crepyAdvisor = await newAdvisor("Conseiller de Crépy (test)", crepy.id);
  typeId = (
    await prisma.appointmentType.create({
      data: {
        name: "Accompagnement numérique (test)",
        resourceKind: "ADVISOR",
        durationMinutes: 30,
        bufferAfterMinutes: 10,
        minimumNoticeMinutes: 60,
        horizonDays: 60,
        resources: { connect: [{ id: laonAdvisor }, { id: crepyAdvisor }] },
      },
      select: { id: true },
    })
  ).id;
  const resident = async (insee: string) => {
    const r = await createTestResident(prisma, insee);
    return { residentId: r.residentId, token: (await createTestSession(prisma, { residentId: r.residentId })).token };
  };
  laonResident = await resident("02408");
  crepyResident = await resident("02238");
  const agent = async (communes?: string[]) => {
    const a = await createTestAgent(prisma, [{ role: "TRAINING", ...(communes ? { communeInseeCodes: communes } : {}) }], "advisor");
    return { agentId: a.agentId, token: (await createTestSession(prisma, { agentId: a.agentId })).token };
  };
  agentEverywhere = await agent();
  agentLaon = await agent(["02408"]);
  partnerKey = (await createTestPartnerKey(prisma, { scopes: ["read:training"] })).key;
});
afterAll(async () => t?.close());

interface SlotNode {
  startsAt: string;
  endsAt: string;
  resource: { id: string; name: string };
  place: { id: string; commune: { inseeCode: string } };
}

const slotsQuery = `query ($input: SlotSearchInput!) {
  availableSlots(input: $input) { startsAt endsAt resource { id name } place { id commune { inseeCode } } }
}`;

async function slots(token: string | undefined, input: Record<string, unknown>) {
  const answer = await t.client.request<{ availableSlots: SlotNode[] }>(
    slotsQuery,
    { input: { appointmentTypeId: gid("AppointmentType", typeId), from: new Date().toISOString(), to: new Date(Date.now() + 7 * day).toISOString(), ...input } },
    { token },
  );
  return answer;
}

const bookingFields = `id status startsAt endsAt holdExpiresAt cancelReason note
  resource { id } place { id } resident { id } bookedBy { id } rescheduledFrom { id status }`;

interface BookingNode {
  id: string;
  status: string;
  startsAt: string;
  cancelReason: string | null;
  note: string | null;
  holdExpiresAt: string | null;
  resource: { id: string };
  place: { id: string };
  resident: { id: string } | null;
  bookedBy: { id: string } | null;
  rescheduledFrom: { id: string; status: string } | null;
}

type Result = { __typename: string; code?: string; message?: string; booking?: BookingNode };

function mutation(name: string, inputType: string) {
  return `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ${name[0]!.toUpperCase()}${name.slice(1)}Success { booking { ${bookingFields} } } } }`;
}

async function call(name: string, inputType: string, input: Record<string, unknown>, token: string): Promise<Result> {
  const answer = await t.client.request<Record<string, Result>>(mutation(name, inputType), { input }, { token });
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  return answer.body.data![name]!;
}

const hold = (input: Record<string, unknown>, token: string) =>
  call("holdSlot", "HoldSlotInput", { appointmentTypeId: gid("AppointmentType", typeId), ...input }, token);
const confirm = (bookingId: string, token: string) => call("confirmBooking", "ConfirmBookingInput", { bookingId }, token);
const cancel = (bookingId: string, reason: string, token: string) => call("cancelBooking", "CancelBookingInput", { bookingId, reason }, token);

async function bookingsOf(token: string, filter: Record<string, unknown> = {}) {
  const answer = await t.client.request<{ bookings: { totalCount: number; edges: { node: BookingNode }[] } }>(
    `query ($filter: BookingFilter) { bookings(first: 100, filter: $filter) { totalCount edges { node { ${bookingFields} } } } }`,
    { filter },
    { token },
  );
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  return answer.body.data!.bookings.edges.map((e) => e.node);
}

async function lastAudit(operation: string) {
  return t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation }, orderBy: { id: "desc" } });
}

function firstSlotOf(answer: GraphQLAnswer<{ availableSlots: SlotNode[] }>, resourceId: string, skip = 0): SlotNode {
  const found = answer.body.data?.availableSlots.filter((s) => s.resource.id === gid("SchedulingResource", resourceId))[skip];
  if (!found) throw new Error(`No slot of ${resourceId} in ${JSON.stringify(answer.body)}`);
  return found;
}

describe("an agent books for a resident", () => {
  it("searches slots, holds for the resident, confirms, lists, reschedules and cancels with a reason", async () => {
    const found = await slots(agentEverywhere.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)], first: 20 });
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data?.availableSlots).toHaveLength(20);
    const slot = firstSlotOf(found, laonAdvisor);
    expect(slot.place).toEqual({ id: gid("Place", laon.id), commune: { inseeCode: "02408" } });
    expect(new Date(slot.startsAt).getTime()).toBeGreaterThanOrEqual(Date.now() + 60 * 60_000 - 1000);

    const held = await hold(
      { resourceId: slot.resource.id, startsAt: slot.startsAt, residentId: gid("Resident", laonResident.residentId), note: "Créer une adresse e-mail" },
      agentEverywhere.token,
    );
    expect(held).toMatchObject({
      __typename: "HoldSlotSuccess",
      booking: {
        status: "HELD",
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        note: "Créer une adresse e-mail",
        place: { id: gid("Place", laon.id) },
        resident: { id: gid("Resident", laonResident.residentId) },
        bookedBy: { id: gid("Agent", agentEverywhere.agentId) },
      },
    });
    const bookingId = held.booking!.id;
    expect(await lastAudit("holdSlot")).toMatchObject({ outcome: "SUCCESS", actorKind: "AGENT", onBehalfOfResidentId: laonResident.residentId });

    const confirmed = await confirm(bookingId, agentEverywhere.token);
    expect(confirmed.booking).toMatchObject({ id: bookingId, status: "CONFIRMED", holdExpiresAt: null });
    expect(await lastAudit("confirmBooking")).toMatchObject({ outcome: "SUCCESS", onBehalfOfResidentId: laonResident.residentId });

    const listed = await bookingsOf(agentEverywhere.token, { residentId: gid("Resident", laonResident.residentId), statuses: ["CONFIRMED"] });
    expect(listed.map((b) => b.id)).toEqual([bookingId]);
    const after = await slots(agentEverywhere.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)], first: 200 });
    expect(after.body.data?.availableSlots.map((s) => s.startsAt)).not.toContain(slot.startsAt);

    const later = firstSlotOf(after, laonAdvisor, 10);
    const moved = await call("rescheduleBooking", "RescheduleBookingInput", { bookingId, startsAt: later.startsAt }, agentEverywhere.token);
    expect(moved).toMatchObject({
      __typename: "RescheduleBookingSuccess",
      booking: { status: "CONFIRMED", startsAt: later.startsAt, rescheduledFrom: { id: bookingId, status: "CANCELLED" } },
    });
    const newId = moved.booking!.id;

    const cancelled = await cancel(newId, "La personne a trouvé de l'aide ailleurs", agentEverywhere.token);
    expect(cancelled.booking).toMatchObject({ id: newId, status: "CANCELLED", cancelReason: "La personne a trouvé de l'aide ailleurs" });
    expect(await lastAudit("cancelBooking")).toMatchObject({ outcome: "SUCCESS", onBehalfOfResidentId: laonResident.residentId });
    const freed = await slots(agentEverywhere.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)], first: 200 });
    expect(freed.body.data?.availableSlots.map((s) => s.startsAt)).toContain(later.startsAt);
  });

  it("requires the resident when an agent books, and refuses a hold on another commune's place to an agent limited to Laon", async () => {
    const slot = firstSlotOf(await slots(agentEverywhere.token, { resourceIds: [gid("SchedulingResource", crepyAdvisor)] }), crepyAdvisor);
    const before = await countRows(t.db.prisma, journalTables);
    const noResident = await hold({ resourceId: slot.resource.id, startsAt: slot.startsAt }, agentEverywhere.token);
    expect(noResident).toMatchObject({ __typename: "BadUserInputError", code: "BAD_USER_INPUT" });
    const outside = await hold({ resourceId: slot.resource.id, startsAt: slot.startsAt, residentId: gid("Resident", laonResident.residentId) }, agentLaon.token);
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(outside.code);
    expect(await lastAudit("holdSlot")).toMatchObject({ outcome: outside.code === "FORBIDDEN" ? "DENIED" : "FAILURE" });
    // The agent limited to Laon cannot act for a resident of Crépy either, even at Laon.
    const laonSlot = firstSlotOf(await slots(agentLaon.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)] }), laonAdvisor);
    const crepyPerson = await hold({ resourceId: laonSlot.resource.id, startsAt: laonSlot.startsAt, residentId: gid("Resident", crepyResident.residentId) }, agentLaon.token);
    expect(crepyPerson).toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
  });
});

describe("a resident books for themself", () => {
  it("holds and confirms without naming themself, and neither sees nor touches another resident's booking", async () => {
    const slot = firstSlotOf(await slots(laonResident.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)], first: 200 }), laonAdvisor, 30);
    const held = await hold({ resourceId: slot.resource.id, startsAt: slot.startsAt }, laonResident.token);
    expect(held).toMatchObject({ __typename: "HoldSlotSuccess", booking: { status: "HELD", resident: { id: gid("Resident", laonResident.residentId) }, bookedBy: null } });
    const mine = held.booking!.id;
    expect((await confirm(mine, laonResident.token)).booking).toMatchObject({ status: "CONFIRMED" });
    expect(await lastAudit("confirmBooking")).toMatchObject({ actorKind: "RESIDENT", actorId: laonResident.residentId, onBehalfOfResidentId: null });

    const other = firstSlotOf(await slots(crepyResident.token, { resourceIds: [gid("SchedulingResource", crepyAdvisor)], first: 200 }), crepyAdvisor, 30);
    const theirs = (await hold({ resourceId: other.resource.id, startsAt: other.startsAt }, crepyResident.token)).booking!.id;

    const seen = await bookingsOf(laonResident.token);
    expect(seen.map((b) => b.id)).toContain(mine);
    expect(seen.map((b) => b.id)).not.toContain(theirs);
    expect(new Set(seen.map((b) => b.resident?.id))).toEqual(new Set([gid("Resident", laonResident.residentId)]));
    const node = await t.client.request<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: theirs }, { token: laonResident.token });
    expect(node.body.data?.node ?? null).toBeNull();
    expect(await confirm(theirs, laonResident.token)).toMatchObject({ __typename: "NotFoundError" });
    expect(await cancel(theirs, "Pas moi", laonResident.token)).toMatchObject({ __typename: "NotFoundError" });
    const forOther = await hold({ resourceId: other.resource.id, startsAt: other.startsAt, residentId: gid("Resident", crepyResident.residentId) }, laonResident.token);
    expect(forOther).toMatchObject({ __typename: "NotFoundError" });
    const untouched = await t.db.prisma.booking.findUniqueOrThrow({ where: { id: decodeId(theirs) } });
    expect(untouched.status).toBe("HELD");
  });

  it("is refused what only agents may do, and partners see slots but never bookings", async () => {
    const noShow = await t.client.request(mutation("markBookingNoShow", "MarkBookingNoShowInput"), { input: { bookingId: gid("Booking", crypto.randomUUID()) } }, { token: laonResident.token });
    expect(errorCodes(noShow.body)).toEqual(["FORBIDDEN"]);
    const partnerSlots = await slots(partnerKey, { first: 5 });
    expect(partnerSlots.body.errors).toBeUndefined();
    expect(partnerSlots.body.data?.availableSlots).toHaveLength(5);
    const partnerBookings = await t.client.request(`{ bookings(first: 5) { totalCount } }`, {}, { token: partnerKey });
    expect(errorCodes(partnerBookings.body)).toEqual(["FORBIDDEN"]);
  });
});

describe("bad input writes nothing", () => {
  it("refuses a window over 31 days, too many slots, an unknown type, an unknown resource and a start outside the rules", async () => {
    const before = await countRows(t.db.prisma, journalTables);
    const wide = await slots(laonResident.token, { to: new Date(Date.now() + 32 * day).toISOString() });
    expect(errorCodes(wide.body)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes((await slots(laonResident.token, { first: 201 })).body)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes((await slots(laonResident.token, { appointmentTypeId: gid("AppointmentType", crypto.randomUUID()) })).body)).toEqual(["NOT_FOUND"]);
    expect(errorCodes((await slots(laonResident.token, { placeIds: [gid("Resident", laonResident.residentId)] })).body)).toEqual(["BAD_USER_INPUT"]);

    const unknown = await hold({ resourceId: gid("SchedulingResource", crypto.randomUUID()), startsAt: new Date(Date.now() + 2 * day).toISOString() }, laonResident.token);
    expect(unknown).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    // 03:00 in Paris, outside the 08:00–20:00 rules.
    const night = new Date(Date.now() + 3 * day);
    night.setUTCHours(2, 0, 0, 0);
    const outside = await hold({ resourceId: gid("SchedulingResource", laonAdvisor), startsAt: night.toISOString() }, laonResident.token);
    expect(outside).toMatchObject({ __typename: "BadUserInputError", code: "BAD_USER_INPUT" });
    expect(await lastAudit("holdSlot")).toMatchObject({ outcome: "FAILURE", errorCode: "BAD_USER_INPUT" });
    const wrongId = await t.client.request(mutation("holdSlot", "HoldSlotInput"), {
      input: { appointmentTypeId: gid("AppointmentType", typeId), resourceId: gid("Place", laon.id), startsAt: night.toISOString() },
    }, { token: laonResident.token });
    expect(errorCodes(wrongId.body)).toEqual(["BAD_USER_INPUT"]);
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
  });
});

describe("availability managed by agents", () => {
  it("replaces the weekly rules in HH:MM, refuses bad times and other communes, and closes a resource with an exception", async () => {
    const resource = await newAdvisor("Conseiller itinérant (test)", laon.id);
    const set = (rules: unknown[], token: string, id = resource) =>
      t.client.request<{ setAvailabilityRules: { __typename: string; code?: string; resource?: { availabilityRules: unknown[] } } }>(
        `mutation ($input: SetAvailabilityRulesInput!) { setAvailabilityRules(input: $input) {
          __typename ... on Error { code } ... on SetAvailabilityRulesSuccess { resource { availabilityRules { weekday startTime endTime place { id } validFrom validUntil } } } } }`,
        { input: { resourceId: gid("SchedulingResource", id), rules } },
        { token },
      );
    const ok = await set(
      [
        { weekday: 2, startTime: "14:00", endTime: "17:30", placeId: gid("Place", crepy.id) },
        { weekday: 1, startTime: "09:00", endTime: "12:00", validFrom: "2026-01-05" },
      ],
      agentEverywhere.token,
    );
    expect(ok.body.data?.setAvailabilityRules).toEqual({
      __typename: "SetAvailabilityRulesSuccess",
      resource: {
        availabilityRules: [
          { weekday: 1, startTime: "09:00", endTime: "12:00", place: { id: gid("Place", laon.id) }, validFrom: "2026-01-05", validUntil: null },
          { weekday: 2, startTime: "14:00", endTime: "17:30", place: { id: gid("Place", crepy.id) }, validFrom: null, validUntil: null },
        ],
      },
    });
    const code = async (answer: Promise<{ body: { data?: { setAvailabilityRules: { code?: string } | null } | null; errors?: unknown } }>) => {
      const { body } = await answer;
      return body.data?.setAvailabilityRules?.code ?? errorCodes(body).join();
    };
    for (const time of ["9h", "25:00", "12:60", "24:30"]) {
      expect(await code(set([{ weekday: 1, startTime: time, endTime: "12:00" }], agentEverywhere.token)), time).toBe("BAD_USER_INPUT");
    }
    expect(await code(set([{ weekday: 8, startTime: "09:00", endTime: "12:00" }], agentEverywhere.token))).toBe("BAD_USER_INPUT");
    expect(await code(set([{ weekday: 1, startTime: "12:00", endTime: "09:00" }], agentEverywhere.token))).toBe("BAD_USER_INPUT");
    const overlapping = [{ weekday: 1, startTime: "09:00", endTime: "12:00" }, { weekday: 1, startTime: "11:00", endTime: "13:00" }];
    expect(await code(set(overlapping, agentEverywhere.token))).toBe("BAD_USER_INPUT");
    expect(await code(set([{ weekday: 1, startTime: "09:00", endTime: "12:00", placeId: gid("Place", crepy.id) }], agentLaon.token))).toBe("FORBIDDEN");
    expect(await code(set([{ weekday: 1, startTime: "09:00", endTime: "12:00" }], agentLaon.token, crepyAdvisor))).toBe("FORBIDDEN");
    expect(await t.db.prisma.availabilityRule.count({ where: { resourceId: resource } })).toBe(2);

    // An exception over tomorrow hides its slots and lists the bookings it falls on.
    const slot = firstSlotOf(await slots(laonResident.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)], from: new Date(Date.now() + day).toISOString(), first: 200 }), laonAdvisor, 5);
    const booked = (await hold({ resourceId: slot.resource.id, startsAt: slot.startsAt }, laonResident.token)).booking!.id;
    const closure = { startsAt: new Date(new Date(slot.startsAt).getTime() - 3_600_000).toISOString(), endsAt: new Date(new Date(slot.startsAt).getTime() + 3_600_000).toISOString() };
    const added = await t.client.request<{ addAvailabilityException: { __typename: string; exception: { startsAt: string; reason: string }; affectedBookings: { id: string }[] } }>(
      `mutation ($input: AddAvailabilityExceptionInput!) { addAvailabilityException(input: $input) {
        __typename ... on AddAvailabilityExceptionSuccess { exception { startsAt reason } affectedBookings { id } } } }`,
      { input: { resourceId: gid("SchedulingResource", laonAdvisor), ...closure, reason: "Formation" } },
      { token: agentEverywhere.token },
    );
    expect(added.body.data?.addAvailabilityException).toEqual({
      __typename: "AddAvailabilityExceptionSuccess",
      exception: { startsAt: new Date(closure.startsAt).toISOString(), reason: "Formation" },
      affectedBookings: [{ id: booked }],
    });
    const during = await slots(laonResident.token, { resourceIds: [gid("SchedulingResource", laonAdvisor)], from: closure.startsAt, to: closure.endsAt });
    expect(during.body.data?.availableSlots, JSON.stringify(during.body)).toEqual([]);
  });
});

describe("waiting list", () => {
  it("offers a cancelled slot to the resident waiting for it, who confirms the offer", async () => {
    const advisor = await newAdvisor("Conseillère très demandée (test)", laon.id);
    await t.db.prisma.appointmentType.update({ where: { id: typeId }, data: { resources: { connect: { id: advisor } } } });
    const slot = firstSlotOf(await slots(laonResident.token, { resourceIds: [gid("SchedulingResource", advisor)], from: new Date(Date.now() + 2 * day).toISOString() }), advisor);
    const taken = (await hold({ resourceId: slot.resource.id, startsAt: slot.startsAt }, laonResident.token)).booking!.id;
    await confirm(taken, laonResident.token);

    const joined = await t.client.request<{ joinWaitlist: { __typename: string; entry?: { id: string; status: string } } }>(
      `mutation ($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { __typename ... on JoinWaitlistSuccess { entry { id status } } } }`,
      {
        input: {
          appointmentTypeId: gid("AppointmentType", typeId),
          resourceId: gid("SchedulingResource", advisor),
          wantedFrom: new Date(new Date(slot.startsAt).getTime() - day).toISOString(),
          wantedUntil: new Date(new Date(slot.startsAt).getTime() + day).toISOString(),
          residentId: gid("Resident", crepyResident.residentId),
        },
      },
      { token: agentEverywhere.token },
    );
    expect(joined.body.data?.joinWaitlist).toMatchObject({ __typename: "JoinWaitlistSuccess", entry: { status: "WAITING" } });
    expect(await lastAudit("joinWaitlist")).toMatchObject({ onBehalfOfResidentId: crepyResident.residentId });

    await cancel(taken, "Empêchement", laonResident.token);
    const mine = await t.client.request<{ myWaitlistEntries: { id: string; status: string; offer: { id: string; status: string; startsAt: string } | null }[] }>(
      `{ myWaitlistEntries { id status offer { id status startsAt } } }`,
      {},
      { token: crepyResident.token },
    );
    const entry = mine.body.data?.myWaitlistEntries.find((e) => e.id === joined.body.data?.joinWaitlist.entry?.id);
    expect(entry).toMatchObject({ status: "OFFERED", offer: { status: "HELD", startsAt: slot.startsAt } });
    expect((await confirm(entry!.offer!.id, crepyResident.token)).booking).toMatchObject({ status: "CONFIRMED" });
    const after = await t.client.request<{ myWaitlistEntries: { id: string; status: string }[] }>(`{ myWaitlistEntries { id status } }`, {}, { token: crepyResident.token });
    expect(after.body.data?.myWaitlistEntries.find((e) => e.id === entry!.id)?.status).toBe("BOOKED");
  });
});

describe("no double booking over HTTP", () => {
  it("lets exactly one of 50 residents holding then confirming the same slot at the same time succeed; 49 get CONFLICT", async () => {
    const advisor = await newAdvisor("Conseiller disputé (test)", laon.id);
    await t.db.prisma.appointmentType.update({ where: { id: typeId }, data: { resources: { connect: { id: advisor } } } });
    const slot = firstSlotOf(await slots(laonResident.token, { resourceIds: [gid("SchedulingResource", advisor)] }), advisor);
    const residents = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const r = await createTestResident(t.db.prisma, "02408");
        return (await createTestSession(t.db.prisma, { residentId: r.residentId })).token;
      }),
    );
    const outcomes = await Promise.all(
      residents.map(async (token) => {
        const held = await hold({ resourceId: slot.resource.id, startsAt: slot.startsAt }, token);
        if (held.__typename !== "HoldSlotSuccess") return held.code;
        const confirmed = await confirm(held.booking!.id, token);
        return confirmed.__typename === "ConfirmBookingSuccess" ? "OK" : confirmed.code;
      }),
    );
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(49);
    expect(await t.db.prisma.booking.count({ where: { resourceId: advisor, status: { in: ["HELD", "CONFIRMED"] } } })).toBe(1);
  }, 120_000);
});

describe("no-show", () => {
  it("lets an agent of the place mark a started appointment NO_SHOW, not an agent of another commune", async () => {
    const startsAt = new Date(Date.now() - 3_600_000);
    const booking = await t.db.prisma.booking.create({
      data: {
        resourceId: crepyAdvisor,
        appointmentTypeId: typeId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        blockedFrom: startsAt,
        blockedUntil: new Date(startsAt.getTime() + 40 * 60_000),
        status: "CONFIRMED",
        placeId: crepy.id,
        residentId: crepyResident.residentId,
      },
    });
    const mark = (token: string) => call("markBookingNoShow", "MarkBookingNoShowInput", { bookingId: gid("Booking", booking.id) }, token);
    expect(await mark(agentLaon.token)).toMatchObject({ __typename: "NotFoundError" });
    expect((await mark(agentEverywhere.token)).booking).toMatchObject({ status: "NO_SHOW" });
  });
});

function decodeId(globalId: string): string {
  return Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;
}
