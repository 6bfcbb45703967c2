import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { cancelBooking, confirmBooking, holdSlot } from "./booking.service.js";
import { joinWaitlist, leaveWaitlist, waitlistOfferHours } from "./waitlist.service.js";

const minute = 60_000;
const hour = 60 * minute;
// Monday 2027-01-04, 08:00 in Paris (UTC+1). Advisors open Monday–Friday 09:00–17:00.
const now = new Date("2027-01-04T07:00:00Z");
const at = (iso: string) => new Date(iso);
const txOptions = { maxWait: 60_000, timeout: 60_000 };

let db: Database;
let placeId: string;
let typeId: string;
let residents: Record<"ana" | "ben" | "chloe" | "dan" | "eve", string>;

beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
  const { prisma } = db;
  const epci = await prisma.epci.create({ data: { code: "200043495", name: "CA du Pays de Laon", kind: "CA", populationTotal: 1, populationMunicipal: 1 } });
  const commune = await prisma.commune.create({
    data: { inseeCode: "02408", name: "Laon", searchName: "laon", siren: "210204087", postalCodes: ["02000"], population: 1, departmentCode: "02", regionCode: "32", epciId: epci.id },
  });
  placeId = (await prisma.place.create({ data: { kind: "MEDIATHEQUE", name: "Médiathèque Suzanne Martinet", street: "1 rue", postalCode: "02000", communeId: commune.id } })).id;
});
// Each test has its own appointment type and residents: entries for "any advisor" of one test never match another's slots.
beforeEach(async () => {
  const { prisma } = db;
  typeId = (
    await prisma.appointmentType.create({
      data: { name: "Aide aux démarches", resourceKind: "ADVISOR", durationMinutes: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 10, horizonDays: 30 },
    })
  ).id;
  const names = ["ana", "ben", "chloe", "dan", "eve"] as const;
  const created = await Promise.all(names.map((name) => prisma.resident.create({ data: { email: `${name}-${crypto.randomUUID()}@example.org`, displayName: name } })));
  residents = Object.fromEntries(names.map((name, i) => [name, created[i]!.id])) as typeof residents;
});
afterAll(async () => db?.close());

function newAdvisor(name = "Conseillère numérique") {
  return db.prisma.schedulingResource.create({
    data: { kind: "ADVISOR", name, placeId, rules: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })) } },
  });
}

/** A CONFIRMED booking of the resident, through hold → confirm. */
async function book(resourceId: string, residentId: string, startsAt: Date) {
  return db.prisma.$transaction(async (tx) => {
    const held = await holdSlot(tx, { resourceId, appointmentTypeId: typeId, startsAt, holder: { residentId } }, now);
    return confirmBooking(tx, held.id, now);
  }, txOptions);
}

interface Join {
  residentId: string;
  from: string;
  until: string;
  resourceId?: string | null;
  appointmentTypeId?: string;
  /** Set afterwards, so that the queue order does not depend on two inserts' clock ticks. */
  joinedAt?: string;
}

async function join({ residentId, from, until, resourceId = null, appointmentTypeId = typeId, joinedAt }: Join) {
  const entry = await db.prisma.$transaction(
    (tx) => joinWaitlist(tx, { appointmentTypeId, resourceId, residentId, wantedFrom: at(from), wantedUntil: at(until) }, now),
    txOptions,
  );
  return joinedAt ? db.prisma.waitlistEntry.update({ where: { id: entry.id }, data: { createdAt: at(joinedAt) } }) : entry;
}

const cancel = (bookingId: string, when = now) => db.prisma.$transaction((tx) => cancelBooking(tx, bookingId, "Empêchement", when), txOptions);
const entry = (id: string) => db.prisma.waitlistEntry.findUniqueOrThrow({ where: { id } });
const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string }) => e.code ?? String(e));

/** Every HELD booking of the resource is the offer of exactly one OFFERED entry (no orphan hold). */
async function expectNoOrphanHold(resourceId: string) {
  const holds = await db.prisma.booking.findMany({ where: { resourceId, status: "HELD" }, include: { waitlistOffer: true } });
  for (const hold of holds) expect(hold.waitlistOffer, `hold ${hold.id} belongs to no entry`).toMatchObject({ status: "OFFERED", residentId: hold.residentId });
  return holds;
}

describe("joinWaitlist", () => {
  it("refuses an empty, past or too distant window, a group type, a resource that does not offer the type, and changes nothing", async () => {
    const advisor = await newAdvisor();
    const room = await db.prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Salle", placeId } });
    const group = await db.prisma.appointmentType.create({ data: { name: "Atelier", resourceKind: "ROOM", durationMinutes: 120, capacity: 12 } });
    const listed = await db.prisma.appointmentType.create({
      data: { name: "Aide administrative", resourceKind: "ADVISOR", durationMinutes: 30, resources: { connect: { id: (await newAdvisor("Autre")).id } } },
    });
    const residentId = residents.ana;
    const before = await db.prisma.waitlistEntry.count();
    const attempt = (overrides: Partial<Join>) => code(join({ residentId, from: "2027-01-05T08:00:00Z", until: "2027-01-05T16:00:00Z", ...overrides }));

    expect(await attempt({ until: "2027-01-05T08:00:00Z" })).toBe("BAD_USER_INPUT"); // empty
    expect(await attempt({ from: "2027-01-05T10:00:00Z", until: "2027-01-05T09:00:00Z" })).toBe("BAD_USER_INPUT"); // reversed
    expect(await attempt({ from: "2027-01-03T08:00:00Z", until: "2027-01-04T07:00:00Z" })).toBe("BAD_USER_INPUT"); // over at `now`
    expect(await attempt({ from: "2027-02-03T07:01:00Z", until: "2027-02-05T07:00:00Z" })).toBe("BAD_USER_INPUT"); // starts beyond 30 days
    expect(await attempt({ appointmentTypeId: group.id })).toBe("BAD_USER_INPUT");
    expect(await attempt({ resourceId: room.id })).toBe("BAD_USER_INPUT"); // another kind
    expect(await attempt({ appointmentTypeId: listed.id, resourceId: advisor.id })).toBe("BAD_USER_INPUT"); // not among the type's resources
    expect(await attempt({ appointmentTypeId: "00000000-0000-7000-8000-000000000000" })).toBe("NOT_FOUND");
    expect(await attempt({ resourceId: "00000000-0000-7000-8000-000000000000" })).toBe("NOT_FOUND");
    expect(await db.prisma.waitlistEntry.count()).toBe(before);

    // A window that began in the past but is not over, and one starting right at the horizon, are fine.
    expect(await attempt({ from: "2027-01-03T08:00:00Z", until: "2027-01-05T08:00:00Z", resourceId: advisor.id })).toBe("OK");
    expect(await attempt({ from: "2027-02-03T07:00:00Z", until: "2027-02-05T07:00:00Z" })).toBe("OK");
  });

  it("refuses a second entry for the same type and resource while the first waits (CONFLICT), not for another resource", async () => {
    const advisor = await newAdvisor();
    const residentId = residents.ben;
    const window = { residentId, from: "2027-01-11T08:00:00Z", until: "2027-01-11T16:00:00Z", resourceId: advisor.id };
    const first = await join(window);
    expect(first).toMatchObject({ status: "WAITING", resourceId: advisor.id, residentId, offerBookingId: null });
    expect(await code(join({ ...window, from: "2027-01-12T08:00:00Z", until: "2027-01-12T16:00:00Z" }))).toBe("CONFLICT");
    expect(await code(join({ ...window, resourceId: null }))).toBe("OK"); // any advisor: another wish
    expect(await db.prisma.waitlistEntry.count({ where: { residentId, resourceId: advisor.id } })).toBe(1);
    // Once it is left, the resident may join again.
    await db.prisma.$transaction((tx) => leaveWaitlist(tx, first.id, now));
    expect(await code(join(window))).toBe("OK");
  });
});

describe("offers of a freed slot", () => {
  it("offers a cancelled booking to the first matching WAITING entry by createdAt, as a hold of the same range", async () => {
    const advisor = await newAdvisor();
    const other = await newAdvisor("Autre conseiller");
    const booking = await book(advisor.id, residents.ana, at("2027-01-05T09:00:00Z")); // blocks 08:55–09:40
    // Joined earliest but their window ends before the slot does.
    const tooNarrow = await join({ residentId: residents.dan, from: "2027-01-05T08:00:00Z", until: "2027-01-05T09:29:00Z", joinedAt: "2027-01-01T08:00:00Z" });
    // Waits for another advisor only.
    const elsewhere = await join({ residentId: residents.eve, from: "2027-01-05T08:00:00Z", until: "2027-01-05T16:00:00Z", resourceId: other.id, joinedAt: "2027-01-01T09:00:00Z" });
    // The person who cancels is on the waiting list too: they are not offered their own slot back.
    const canceller = await join({ residentId: residents.ana, from: "2027-01-05T08:00:00Z", until: "2027-01-05T16:00:00Z", joinedAt: "2027-01-01T10:00:00Z" });
    // Chloé joined (inserted) before Ben, but Ben's entry is older: Ben is first in line.
    const second = await join({ residentId: residents.chloe, from: "2027-01-05T09:00:00Z", until: "2027-01-05T09:30:00Z", joinedAt: "2027-01-02T12:00:00Z" });
    const first = await join({ residentId: residents.ben, from: "2027-01-04T08:00:00Z", until: "2027-01-06T16:00:00Z", resourceId: advisor.id, joinedAt: "2027-01-02T11:00:00Z" });

    const { booking: cancelled, offer } = await cancel(booking.id);
    expect(cancelled.status).toBe("CANCELLED");
    expect(offer).toMatchObject({
      status: "HELD",
      residentId: residents.ben,
      resourceId: advisor.id,
      appointmentTypeId: typeId,
      placeId,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      blockedFrom: booking.blockedFrom,
      blockedUntil: booking.blockedUntil,
      holdExpiresAt: new Date(now.getTime() + waitlistOfferHours * hour),
    });
    expect(await entry(first.id)).toMatchObject({ status: "OFFERED", offerBookingId: offer!.id });
    for (const waiting of [tooNarrow, elsewhere, canceller, second]) expect(await entry(waiting.id)).toMatchObject({ status: "WAITING", offerBookingId: null });
    await expectNoOrphanHold(advisor.id);
    // The offer holds the slot: nobody else can take it meanwhile.
    expect(await code(db.prisma.$transaction((tx) => holdSlot(tx, { resourceId: advisor.id, appointmentTypeId: typeId, startsAt: booking.startsAt, holder: { residentId: residents.eve } }, now)))).toBe("CONFLICT");

    // Confirming the offer books it: the entry is BOOKED.
    const confirmed = await db.prisma.$transaction((tx) => confirmBooking(tx, offer!.id, new Date(now.getTime() + hour)));
    expect(confirmed).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null, residentId: residents.ben });
    expect(await entry(first.id)).toMatchObject({ status: "BOOKED", offerBookingId: offer!.id });
    // A booked entry cannot be left.
    expect(await code(db.prisma.$transaction((tx) => leaveWaitlist(tx, first.id, now)))).toBe("CONFLICT");
  });

  it("keeps the offer until the slot starts when that is sooner than the offer's hours", async () => {
    const advisor = await newAdvisor();
    const booking = await book(advisor.id, residents.ana, at("2027-01-04T10:00:00Z"));
    await join({ residentId: residents.ben, from: "2027-01-04T08:00:00Z", until: "2027-01-04T16:00:00Z", resourceId: advisor.id });
    const { offer } = await cancel(booking.id);
    expect(offer).toMatchObject({ status: "HELD", residentId: residents.ben, holdExpiresAt: booking.startsAt });
  });

  it("offers nothing when no window covers the slot, or the slot has started", async () => {
    const advisor = await newAdvisor();
    const early = await book(advisor.id, residents.ana, at("2027-01-06T09:00:00Z"));
    const late = await book(advisor.id, residents.ana, at("2027-01-06T14:00:00Z"));
    const waiting = await join({ residentId: residents.chloe, from: "2027-01-06T13:00:00Z", until: "2027-01-06T16:00:00Z", resourceId: advisor.id });
    expect((await cancel(early.id)).offer).toBeNull();
    // 14:00 UTC has passed: the slot is gone for everyone.
    expect((await cancel(late.id, at("2027-01-06T14:05:00Z"))).offer).toBeNull();
    expect(await entry(waiting.id)).toMatchObject({ status: "WAITING" });
    expect(await db.prisma.booking.count({ where: { resourceId: advisor.id, status: "HELD" } })).toBe(0);
  });

  it("passes the offer on when its holder leaves the waiting list, then declines or leaves in turn", async () => {
    const advisor = await newAdvisor();
    const booking = await book(advisor.id, residents.dan, at("2027-01-07T09:00:00Z"));
    const window = { from: "2027-01-07T08:00:00Z", until: "2027-01-07T16:00:00Z", resourceId: advisor.id };
    const ben = await join({ ...window, residentId: residents.ben, joinedAt: "2027-01-01T08:00:00Z" });
    const chloe = await join({ ...window, residentId: residents.chloe, joinedAt: "2027-01-01T09:00:00Z" });
    const eve = await join({ ...window, residentId: residents.eve, joinedAt: "2027-01-01T10:00:00Z" });
    const { offer } = await cancel(booking.id);
    expect(offer?.residentId).toBe(residents.ben);

    const later = new Date(now.getTime() + hour);
    const left = await db.prisma.$transaction((tx) => leaveWaitlist(tx, ben.id, later));
    expect(left).toMatchObject({ status: "CANCELLED", offerBookingId: offer!.id });
    expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: offer!.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "Offre de liste d'attente refusée" });
    const passed = await entry(chloe.id);
    expect(passed.status).toBe("OFFERED");
    const chloeOffer = await db.prisma.booking.findUniqueOrThrow({ where: { id: passed.offerBookingId! } });
    expect(chloeOffer).toMatchObject({ status: "HELD", residentId: residents.chloe, startsAt: booking.startsAt, holdExpiresAt: new Date(later.getTime() + waitlistOfferHours * hour) });
    // Leaving twice changes nothing.
    expect(await db.prisma.$transaction((tx) => leaveWaitlist(tx, ben.id, later))).toMatchObject({ status: "CANCELLED" });
    expect((await entry(chloe.id)).offerBookingId).toBe(chloeOffer.id);

    // Cancelling the held offer declines it: the entry LAPSES and Eve is next.
    const { offer: eveOffer } = await cancel(chloeOffer.id, later);
    expect(await entry(chloe.id)).toMatchObject({ status: "LAPSED" });
    expect(eveOffer).toMatchObject({ status: "HELD", residentId: residents.eve });
    expect(await entry(eve.id)).toMatchObject({ status: "OFFERED", offerBookingId: eveOffer!.id });
    const holds = await expectNoOrphanHold(advisor.id);
    expect(holds.map((h) => h.id)).toEqual([eveOffer!.id]);
  });
});

/**
 * Two cancellations at once of two slots one entry wants. On PostgreSQL the race is forced: a third
 * transaction locks the entry's row until both cancellations have read it as WAITING, created their
 * hold and are waiting to claim it; only then is it released. On PGlite (one connection) transactions
 * run one after another, so the second cancellation already sees the entry OFFERED.
 */
async function cancelTogether(bookingIds: readonly string[], contestedEntryId: string) {
  const cancelAll = () => Promise.all(bookingIds.map((id) => cancel(id)));
  if (testDatabaseKind() !== "postgres") return cancelAll();
  let running: ReturnType<typeof cancelAll> | undefined;
  await db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "WaitlistEntry" WHERE "id" = ${contestedEntryId}::uuid FOR UPDATE`;
    running = cancelAll();
    // Awaited below, once the lock is released; meanwhile an early failure must not go unhandled.
    running.catch(() => {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [{ waiting }] = await db.prisma.$queryRaw<[{ waiting: number }]>`
        SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
      if (waiting >= bookingIds.length) return;
      if (Date.now() > deadline) throw new Error(`only ${waiting} of ${bookingIds.length} cancellations reached the entry's lock`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, txOptions);
  return running!;
}

describe(`two slots freed at once, one entry wanting both (${testDatabaseKind()})`, () => {
  it("gives the entry exactly one offer and the other slot to the next entry", async () => {
    const advisor = await newAdvisor();
    const morning = await book(advisor.id, residents.ana, at("2027-01-08T09:00:00Z"));
    const afternoon = await book(advisor.id, residents.dan, at("2027-01-08T14:00:00Z"));
    const both = await join({ residentId: residents.ben, from: "2027-01-08T08:00:00Z", until: "2027-01-08T16:00:00Z", resourceId: advisor.id, joinedAt: "2027-01-01T08:00:00Z" });
    const next = await join({ residentId: residents.chloe, from: "2027-01-08T08:00:00Z", until: "2027-01-08T16:00:00Z", resourceId: advisor.id, joinedAt: "2027-01-01T09:00:00Z" });

    const results = await cancelTogether([morning.id, afternoon.id], both.id);
    expect(results.map((r) => r.booking.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const offers = results.map((r) => r.offer);
    expect(offers.map((o) => o?.residentId).sort()).toEqual([residents.ben, residents.chloe].sort());

    const ben = await entry(both.id);
    const chloe = await entry(next.id);
    expect([ben.status, chloe.status]).toEqual(["OFFERED", "OFFERED"]);
    expect(new Set([ben.offerBookingId, chloe.offerBookingId])).toEqual(new Set(offers.map((o) => o!.id)));
    const holds = await expectNoOrphanHold(advisor.id);
    expect(holds).toHaveLength(2);
    expect(holds.map((h) => h.startsAt.toISOString()).sort()).toEqual([morning.startsAt.toISOString(), afternoon.startsAt.toISOString()]);
  });

  it("leaves the other slot free when nobody else waits, without a stray hold", async () => {
    const advisor = await newAdvisor();
    const morning = await book(advisor.id, residents.ana, at("2027-01-11T09:00:00Z"));
    const afternoon = await book(advisor.id, residents.dan, at("2027-01-11T14:00:00Z"));
    const only = await join({ residentId: residents.eve, from: "2027-01-11T08:00:00Z", until: "2027-01-11T16:00:00Z", resourceId: advisor.id });

    const results = await cancelTogether([morning.id, afternoon.id], only.id);
    const offers = results.flatMap((r) => (r.offer ? [r.offer] : []));
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ residentId: residents.eve, status: "HELD" });
    expect(await entry(only.id)).toMatchObject({ status: "OFFERED", offerBookingId: offers[0]!.id });
    const holds = await expectNoOrphanHold(advisor.id);
    expect(holds.map((h) => h.id)).toEqual([offers[0]!.id]);
    // The slot that went to nobody can be booked by anyone.
    const freed = offers[0]!.startsAt.getTime() === morning.startsAt.getTime() ? afternoon : morning;
    expect(await code(db.prisma.$transaction((tx) => holdSlot(tx, { resourceId: advisor.id, appointmentTypeId: typeId, startsAt: freed.startsAt, holder: { residentId: residents.chloe } }, now)))).toBe("OK");
    expect(await db.prisma.booking.count({ where: { resourceId: advisor.id, startsAt: { gte: at("2027-01-11T00:00:00Z") }, status: { in: ["HELD", "CONFIRMED"] } } })).toBe(2);
  });
});
