import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { confirmBooking, holdSlot } from "./booking.service.js";
import {
  acceptGroupOffer,
  cancelGroupEnrolment,
  cancelGroupSession,
  createGroupSession,
  enrolInGroupSession,
  groupOfferHours,
  lapseGroupOffer,
  type CreateGroupSessionInput,
} from "./group-session.service.js";

const txOptions = { maxWait: 60_000, timeout: 60_000 };
const minute = 60_000;
const hour = 60 * minute;
// Monday 2027-01-04, 08:00 in Paris (UTC+1). Rooms open Monday–Friday 09:00–18:00.
const now = new Date("2027-01-04T07:00:00Z");
const at = (iso: string) => new Date(iso);
const later = (ms: number) => new Date(now.getTime() + ms);
const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string }) => e.code ?? String(e));
let db: Database;
let residentIds: string[];

beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
  await db.prisma.resident.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({ email: `habitant${i}@example.org`, displayName: `Habitant ${i}` })),
  });
  residentIds = (await db.prisma.resident.findMany({ select: { id: true }, orderBy: { email: "asc" } })).map((r) => r.id);
});
afterAll(async () => db?.close());

async function newPlace() {
  const epci = await db.prisma.epci.create({
    data: { code: crypto.randomUUID(), name: "CA du Pays de Laon", kind: "CA", populationTotal: 1, populationMunicipal: 1 },
  });
  const commune = await db.prisma.commune.create({
    data: { inseeCode: crypto.randomUUID(), name: "Laon", searchName: "laon", siren: crypto.randomUUID(), postalCodes: ["02000"], population: 1, departmentCode: "02", regionCode: "32", epciId: epci.id },
  });
  return db.prisma.place.create({ data: { kind: "MEDIATHEQUE", name: "Médiathèque", street: "1 rue", postalCode: "02000", communeId: commune.id } });
}

async function newGroupSession(capacity: number) {
  const place = await newPlace();
  const resource = await db.prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Salle d'atelier", placeId: place.id } });
  const type = await db.prisma.appointmentType.create({ data: { name: "Atelier smartphone", resourceKind: "ROOM", durationMinutes: 120, capacity } });
  return db.prisma.groupSession.create({
    data: { resourceId: resource.id, appointmentTypeId: type.id, capacity, startsAt: new Date("2027-02-01T13:00:00Z"), endsAt: new Date("2027-02-01T15:00:00Z") },
  });
}

const enrol = (groupSessionId: string, residentId: string) =>
  db.prisma.$transaction((tx) => enrolInGroupSession(tx, { groupSessionId, residentId }), txOptions);

describe("group sessions", () => {
  it(`30 simultaneous enrolments in 12 seats: 12 ENROLLED, 18 WAITLISTED (${testDatabaseKind()})`, async () => {
    const session = await newGroupSession(12);
    const results = await Promise.all(residentIds.map((residentId) => enrol(session.id, residentId)));
    expect(results.filter((e) => e.status === "ENROLLED")).toHaveLength(12);
    expect(results.filter((e) => e.status === "WAITLISTED")).toHaveLength(18);
    expect(await db.prisma.groupEnrolment.count({ where: { groupSessionId: session.id, status: "ENROLLED" } })).toBe(12);
  });

  it("refuses a second enrolment of the same resident; a cancelled seat is offered to the first on the waiting list", async () => {
    const session = await newGroupSession(1);
    const [a, b, c] = residentIds as [string, string, string];
    const first = await enrol(session.id, a);
    const second = await enrol(session.id, b);
    await enrol(session.id, c);
    await expect(enrol(session.id, a)).rejects.toMatchObject({ code: "CONFLICT" });
    expect([first.status, second.status]).toEqual(["ENROLLED", "WAITLISTED"]);
    const { offered } = await db.prisma.$transaction((tx) => cancelGroupEnrolment(tx, first.id, "Malade"));
    expect(offered).toMatchObject({ id: second.id, status: "OFFERED" });
    // Coming back after cancelling: end of the waiting list.
    expect(await enrol(session.id, a)).toMatchObject({ status: "WAITLISTED" });
  });
});

/** A room open on weekdays, a workshop type (8 seats, 15 minutes to tidy up after) and a one-hour room hire. */
async function newRoom() {
  const place = await newPlace();
  const room = await db.prisma.schedulingResource.create({
    data: { kind: "ROOM", name: "Salle d'atelier", placeId: place.id, rules: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 18 * 60 })) } },
  });
  const workshop = await db.prisma.appointmentType.create({ data: { name: "Atelier smartphone", resourceKind: "ROOM", durationMinutes: 120, bufferAfterMinutes: 15, capacity: 8, resources: { connect: { id: room.id } } } });
  const hire = await db.prisma.appointmentType.create({ data: { name: "Réservation de la salle", resourceKind: "ROOM", durationMinutes: 60, resources: { connect: { id: room.id } } } });
  return { place, room, workshop, hire };
}

const create = (input: CreateGroupSessionInput, when = now) => db.prisma.$transaction((tx) => createGroupSession(tx, input, when), txOptions);
const holdRoom = (roomId: string, appointmentTypeId: string, startsAt: string, when = now) =>
  db.prisma.$transaction((tx) => holdSlot(tx, { resourceId: roomId, appointmentTypeId, startsAt: at(startsAt), holder: {} }, when), txOptions);
const enrolAt = (groupSessionId: string, residentId: string, when = now) =>
  db.prisma.$transaction((tx) => enrolInGroupSession(tx, { groupSessionId, residentId }, when), txOptions);
const cancelEnrolment = (enrolmentId: string, when = now) => db.prisma.$transaction((tx) => cancelGroupEnrolment(tx, enrolmentId, "Malade", when), txOptions);
const enrolment = (id: string) => db.prisma.groupEnrolment.findUniqueOrThrow({ where: { id } });

describe("createGroupSession", () => {
  it("reserves the room with its buffers: a room hire at that time is a CONFLICT", async () => {
    const { place, room, workshop, hire } = await newRoom();
    const session = await create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-05T13:00:00Z"), endsAt: at("2027-01-05T15:00:00Z"), capacity: 8 });
    expect(session).toMatchObject({ resourceId: room.id, capacity: 8, cancelledAt: null });
    expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: session.roomBookingId! } })).toMatchObject({
      status: "CONFIRMED",
      resourceId: room.id,
      placeId: place.id,
      residentId: null,
      blockedFrom: at("2027-01-05T13:00:00Z"),
      blockedUntil: at("2027-01-05T15:15:00Z"),
    });
    expect(await code(holdRoom(room.id, hire.id, "2027-01-05T14:00:00Z"))).toBe("CONFLICT");
    expect(await code(holdRoom(room.id, hire.id, "2027-01-05T15:00:00Z"))).toBe("CONFLICT"); // during the tidying-up
    expect(await code(holdRoom(room.id, hire.id, "2027-01-05T15:15:00Z"))).toBe("OK");
    // A second session overlapping the first.
    const sessions = await db.prisma.groupSession.count();
    expect(await code(create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-05T11:30:00Z"), endsAt: at("2027-01-05T13:30:00Z"), capacity: 8 }))).toBe("CONFLICT");
    expect(await db.prisma.groupSession.count()).toBe(sessions);
  });

  it("is refused a room already booked at that time (CONFLICT, nothing created); a stale hold does not count", async () => {
    const { room, workshop, hire } = await newRoom();
    const hired = await holdRoom(room.id, hire.id, "2027-01-06T10:00:00Z");
    await db.prisma.$transaction((tx) => confirmBooking(tx, hired.id, now));
    const [sessions, bookings] = [await db.prisma.groupSession.count(), await db.prisma.booking.count()];
    const input = { roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-06T09:00:00Z"), endsAt: at("2027-01-06T11:00:00Z"), capacity: 8 };
    expect(await code(create(input))).toBe("CONFLICT");
    expect([await db.prisma.groupSession.count(), await db.prisma.booking.count()]).toEqual([sessions, bookings]);

    const stale = await holdRoom(room.id, hire.id, "2027-01-07T10:00:00Z");
    const session = await create({ ...input, startsAt: at("2027-01-07T09:00:00Z"), endsAt: at("2027-01-07T11:00:00Z") }, later(11 * minute));
    expect(session.roomBookingId).not.toBeNull();
    expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "EXPIRED" });
  });

  it("refuses a closed room, a past start, a capacity below 1, an empty time, a retired room or a person (BAD_USER_INPUT), and creates nothing", async () => {
    const { place, room, workshop } = await newRoom();
    await db.prisma.availabilityException.create({ data: { resourceId: room.id, startsAt: at("2027-01-08T12:00:00Z"), endsAt: at("2027-01-08T18:00:00Z"), reason: "Inventaire" } });
    const retired = await db.prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Ancienne salle", placeId: place.id, retiredAt: now } });
    const advisor = await db.prisma.schedulingResource.create({ data: { kind: "ADVISOR", name: "Conseillère", placeId: place.id } });
    const input = { roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-08T13:00:00Z"), endsAt: at("2027-01-08T15:00:00Z"), capacity: 8 };
    const [sessions, bookings] = [await db.prisma.groupSession.count(), await db.prisma.booking.count()];
    const attempt = (overrides: Partial<CreateGroupSessionInput>, when = now) => code(create({ ...input, ...overrides }, when));

    await expect(create(input)).rejects.toThrow(/closed at this time \(Inventaire\)/);
    // Only the after-buffer (11:50 → 12:05) reaches the closure.
    expect(await attempt({ startsAt: at("2027-01-08T09:50:00Z"), endsAt: at("2027-01-08T11:50:00Z") })).toBe("BAD_USER_INPUT");
    expect(await attempt({ startsAt: at("2027-01-04T06:00:00Z"), endsAt: at("2027-01-04T08:00:00Z") })).toBe("BAD_USER_INPUT"); // started an hour ago
    expect(await attempt({ startsAt: now, endsAt: later(2 * hour) })).toBe("BAD_USER_INPUT"); // starts right now
    expect(await attempt({ endsAt: input.startsAt })).toBe("BAD_USER_INPUT");
    for (const capacity of [0, -3, 1.5]) expect(await attempt({ capacity, startsAt: at("2027-01-11T13:00:00Z"), endsAt: at("2027-01-11T15:00:00Z") })).toBe("BAD_USER_INPUT");
    expect(await attempt({ roomId: retired.id })).toBe("BAD_USER_INPUT");
    expect(await attempt({ roomId: advisor.id })).toBe("BAD_USER_INPUT");
    expect(await attempt({ roomId: "00000000-0000-7000-8000-000000000000" })).toBe("NOT_FOUND");
    expect([await db.prisma.groupSession.count(), await db.prisma.booking.count()]).toEqual([sessions, bookings]);
    // One seat is still a session.
    expect(await attempt({ capacity: 1, startsAt: at("2027-01-11T13:00:00Z"), endsAt: at("2027-01-11T15:00:00Z") })).toBe("OK");
  });
});

describe("cancelGroupSession", () => {
  it("frees the room and cancels every enrolment; twice changes nothing; a cancelled session takes no enrolment", async () => {
    const { room, workshop, hire } = await newRoom();
    const session = await create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-12T13:00:00Z"), endsAt: at("2027-01-12T15:00:00Z"), capacity: 2 });
    const [a, b, c, d] = residentIds as [string, string, string, string];
    const enrolled = await enrolAt(session.id, a);
    const leaving = await enrolAt(session.id, b);
    const offered = await enrolAt(session.id, c);
    const waiting = await enrolAt(session.id, d);
    await cancelEnrolment(leaving.id);
    expect(await enrolment(offered.id)).toMatchObject({ status: "OFFERED" });

    const cancelledAt = later(hour);
    const cancelled = await db.prisma.$transaction((tx) => cancelGroupSession(tx, session.id, "Formatrice absente", cancelledAt));
    expect(cancelled).toMatchObject({ cancelledAt, cancelReason: "Formatrice absente" });
    expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: session.roomBookingId! } })).toMatchObject({ status: "CANCELLED", cancelReason: "Formatrice absente", cancelledAt });
    for (const id of [enrolled.id, offered.id, waiting.id]) {
      expect(await enrolment(id)).toMatchObject({ status: "CANCELLED", cancelReason: "Formatrice absente", offerExpiresAt: null });
    }
    expect(await enrolment(leaving.id)).toMatchObject({ status: "CANCELLED", cancelReason: "Malade" });
    // The room is free again.
    expect(await code(holdRoom(room.id, hire.id, "2027-01-12T13:00:00Z", cancelledAt))).toBe("OK");
    // Twice: unchanged.
    const again = await db.prisma.$transaction((tx) => cancelGroupSession(tx, session.id, "Autre raison", later(2 * hour)));
    expect(again).toMatchObject({ cancelledAt, cancelReason: "Formatrice absente" });
    expect(await code(enrolAt(session.id, residentIds[4]!, cancelledAt))).toBe("CONFLICT");
  });

  it("refuses a session that has started (CONFLICT) and keeps it as it was", async () => {
    const { room, workshop } = await newRoom();
    const session = await create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-13T13:00:00Z"), endsAt: at("2027-01-13T15:00:00Z"), capacity: 4 });
    const seat = await enrolAt(session.id, residentIds[0]!);
    const started = at("2027-01-13T13:30:00Z");
    await expect(db.prisma.$transaction((tx) => cancelGroupSession(tx, session.id, "Trop tard", started))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.prisma.groupSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ cancelledAt: null });
    expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: session.roomBookingId! } })).toMatchObject({ status: "CONFIRMED" });
    expect(await enrolment(seat.id)).toMatchObject({ status: "ENROLLED" });
  });
});

describe("group seat offers", () => {
  it("accepts an offer in time, refuses an expired one (CONFLICT); a lapsed offer goes to the next in line", async () => {
    const { room, workshop } = await newRoom();
    const session = await create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-14T13:00:00Z"), endsAt: at("2027-01-14T15:00:00Z"), capacity: 1 });
    const [a, b, c, d] = residentIds as [string, string, string, string];
    const first = await enrolAt(session.id, a);
    const ben = await enrolAt(session.id, b);
    const chloe = await enrolAt(session.id, c, later(minute));
    const { offered } = await cancelEnrolment(first.id);
    expect(offered).toMatchObject({ id: ben.id, status: "OFFERED", offerExpiresAt: later(groupOfferHours * hour) });
    // The offered seat is taken: a newcomer waits.
    expect(await enrolAt(session.id, d)).toMatchObject({ status: "WAITLISTED" });

    const expired = later(groupOfferHours * hour + minute);
    await expect(db.prisma.$transaction((tx) => acceptGroupOffer(tx, ben.id, expired))).rejects.toThrow(/expired/);
    await expect(db.prisma.$transaction((tx) => acceptGroupOffer(tx, chloe.id, now))).rejects.toMatchObject({ code: "CONFLICT" }); // no offer
    expect(await enrolment(ben.id)).toMatchObject({ status: "OFFERED" });

    // Not run out yet: lapsing does nothing.
    expect(await db.prisma.$transaction((tx) => lapseGroupOffer(tx, ben.id, later(groupOfferHours * hour - minute)))).toBeNull();
    const result = await db.prisma.$transaction((tx) => lapseGroupOffer(tx, ben.id, expired));
    expect(result?.lapsed).toMatchObject({ id: ben.id, status: "CANCELLED", cancelReason: "offer expired", offerExpiresAt: null });
    expect(result?.offered).toMatchObject({ id: chloe.id, status: "OFFERED", offerExpiresAt: new Date(expired.getTime() + groupOfferHours * hour) });
    // Lapsing twice: nothing more.
    expect(await db.prisma.$transaction((tx) => lapseGroupOffer(tx, ben.id, expired))).toBeNull();

    const accepted = await db.prisma.$transaction((tx) => acceptGroupOffer(tx, chloe.id, expired));
    expect(accepted).toMatchObject({ status: "ENROLLED", offerExpiresAt: null });
    expect(await db.prisma.$transaction((tx) => acceptGroupOffer(tx, chloe.id, later(100 * hour)))).toMatchObject({ status: "ENROLLED" });
    expect(await db.prisma.groupEnrolment.count({ where: { groupSessionId: session.id, status: { in: ["ENROLLED", "OFFERED"] } } })).toBe(1);
  });

  it("keeps an offer no later than the session's start, when the seat goes to nobody; a lapsed offer with nobody waiting frees the seat", async () => {
    const { room, workshop } = await newRoom();
    const [a, b, c, d] = residentIds as [string, string, string, string];
    const soon = await create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-05T09:00:00Z"), endsAt: at("2027-01-05T11:00:00Z"), capacity: 1 });
    const first = await enrolAt(soon.id, a);
    const second = await enrolAt(soon.id, b);
    await enrolAt(soon.id, c, later(minute));
    const { offered } = await cancelEnrolment(first.id);
    expect(offered).toMatchObject({ id: second.id, offerExpiresAt: soon.startsAt }); // 26 h away, sooner than 48 h
    expect(await db.prisma.$transaction((tx) => lapseGroupOffer(tx, second.id, later(25 * hour)))).toBeNull();
    // At the start the offer lapses, and nobody is offered a session that has begun.
    expect(await db.prisma.$transaction((tx) => lapseGroupOffer(tx, second.id, soon.startsAt))).toMatchObject({ lapsed: { status: "CANCELLED" }, offered: null });

    const far = await create({ roomId: room.id, appointmentTypeId: workshop.id, startsAt: at("2027-01-15T09:00:00Z"), endsAt: at("2027-01-15T11:00:00Z"), capacity: 1 });
    const seat = await enrolAt(far.id, a);
    const next = await enrolAt(far.id, b);
    await cancelEnrolment(seat.id);
    const expired = later(groupOfferHours * hour);
    expect(await db.prisma.$transaction((tx) => lapseGroupOffer(tx, next.id, expired))).toMatchObject({ lapsed: { id: next.id, status: "CANCELLED" }, offered: null });
    expect(await enrolAt(far.id, d, expired)).toMatchObject({ status: "ENROLLED" });
  });
});
