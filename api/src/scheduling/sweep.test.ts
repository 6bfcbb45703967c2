import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import type { Database } from "../db/database.js";
import { createLogger } from "../logger.js";
import type { Tx } from "../mutation.js";
import { startApi } from "../server.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { cancelBooking, confirmBooking, holdSlot } from "./booking.service.js";
import { cancelGroupEnrolment, createGroupSession, enrolInGroupSession, groupOfferHours } from "./group-session.service.js";
import { SchedulingSweepError, sweepSchedulingExpiries } from "./sweep.js";
import { joinWaitlist, waitlistOfferHours } from "./waitlist.service.js";

const minute = 60_000;
const hour = 60 * minute;
// Monday 2027-01-04, 08:00 in Paris (UTC+1). Advisors and the room open Monday–Friday 09:00–18:00.
const now = new Date("2027-01-04T07:00:00Z");
const at = (iso: string) => new Date(iso);
const later = (ms: number, from = now) => new Date(from.getTime() + ms);
// Wednesday 08:00 UTC: the waiting-list offers (24 h) and the seat offers (48 h) made on Monday have run out.
const sweepAt = later(49 * hour);
const txOptions = { maxWait: 60_000, timeout: 60_000 };

let db: Database;
let fixture: Awaited<ReturnType<typeof newFixture>>;

// A database per test: a sweep acts on every row, so one test's leftovers would change another's counts.
beforeEach(async () => {
  db = await createTestDatabase({ seed: false });
  fixture = await newFixture();
});
afterEach(async () => db?.close());

async function newFixture() {
  const { prisma } = db;
  const epci = await prisma.epci.create({ data: { code: "200043495", name: "CA du Pays de Laon", kind: "CA", populationTotal: 1, populationMunicipal: 1 } });
  const commune = await prisma.commune.create({
    data: { inseeCode: "02408", name: "Laon", searchName: "laon", siren: "210204087", postalCodes: ["02000"], population: 1, departmentCode: "02", regionCode: "32", epciId: epci.id },
  });
  const place = await prisma.place.create({ data: { kind: "MEDIATHEQUE", name: "Médiathèque", street: "1 rue", postalCode: "02000", communeId: commune.id } });
  const rules = { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 18 * 60 })) };
  const advisor = await prisma.schedulingResource.create({ data: { kind: "ADVISOR", name: "Conseillère", placeId: place.id, rules } });
  const otherAdvisor = await prisma.schedulingResource.create({ data: { kind: "ADVISOR", name: "Conseiller", placeId: place.id, rules } });
  const room = await prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Salle", placeId: place.id, rules } });
  const type = await prisma.appointmentType.create({ data: { name: "Aide aux démarches", resourceKind: "ADVISOR", durationMinutes: 30 } });
  const workshop = await prisma.appointmentType.create({ data: { name: "Atelier", resourceKind: "ROOM", durationMinutes: 120, capacity: 1 } });
  const names = ["ana", "ben", "chloe", "dan", "eve"] as const;
  const created = await Promise.all(names.map((name) => prisma.resident.create({ data: { email: `${name}@example.org`, displayName: name } })));
  const residents = Object.fromEntries(names.map((name, i) => [name, created[i]!.id])) as Record<(typeof names)[number], string>;
  return { advisor, otherAdvisor, room, type, workshop, residents };
}

const tx = <T>(work: (t: Tx) => Promise<T>) => db.prisma.$transaction(work, txOptions);

function hold(resourceId: string, residentId: string, startsAt: string, when = now) {
  return tx((t) => holdSlot(t, { resourceId, appointmentTypeId: fixture.type.id, startsAt: at(startsAt), holder: { residentId } }, when));
}

/**
 * A capacity-1 slot booked by `owner`, cancelled at `now`: its offer goes to the first of `waiting`
 * (their entries created in this order).
 */
async function offeredSlot(resourceId: string, startsAt: string, owner: string, waiting: readonly string[]) {
  const booked = await hold(resourceId, owner, startsAt);
  await tx((t) => confirmBooking(t, booked.id, now));
  const entries = [];
  for (const [i, residentId] of waiting.entries()) {
    const entry = await tx((t) => joinWaitlist(t, { appointmentTypeId: fixture.type.id, resourceId, residentId, wantedFrom: at(startsAt), wantedUntil: later(hour, at(startsAt)) }, now));
    entries.push(await db.prisma.waitlistEntry.update({ where: { id: entry.id }, data: { createdAt: later(i * minute, at("2027-01-01T00:00:00Z")) } }));
  }
  const { offer } = await tx((t) => cancelBooking(t, booked.id, "Empêchement", now));
  return { booked, offer: offer!, entries };
}

/** A one-seat session: `holder` enrolled, then `waiting` on the list; the holder cancels at `when`, the seat is offered to the first. */
async function offeredSeat(startsAt: string, holder: string, waiting: readonly string[], when = now) {
  const session = await tx((t) =>
    createGroupSession(t, { roomId: fixture.room.id, appointmentTypeId: fixture.workshop.id, startsAt: at(startsAt), endsAt: later(2 * hour, at(startsAt)), capacity: 1 }, when),
  );
  const seat = await tx((t) => enrolInGroupSession(t, { groupSessionId: session.id, residentId: holder }, when));
  const enrolments = [];
  for (const [i, residentId] of waiting.entries()) {
    enrolments.push(await tx((t) => enrolInGroupSession(t, { groupSessionId: session.id, residentId }, later(i * minute, when))));
  }
  await tx((t) => cancelGroupEnrolment(t, seat.id, "Malade", when));
  return { session, enrolments };
}

const booking = (id: string) => db.prisma.booking.findUniqueOrThrow({ where: { id } });
const entry = (id: string) => db.prisma.waitlistEntry.findUniqueOrThrow({ where: { id }, include: { offerBooking: true } });
const enrolment = (id: string) => db.prisma.groupEnrolment.findUniqueOrThrow({ where: { id } });

describe(`sweepSchedulingExpiries (${testDatabaseKind()})`, () => {
  it("expires stale holds, lapses run-out offers and offers their slot or seat to the next, and counts what it did", async () => {
    const { advisor, otherAdvisor, residents: r } = fixture;
    const slot = await offeredSlot(advisor.id, "2027-01-07T09:00:00Z", r.ana, [r.ben, r.chloe]);
    expect(slot.offer).toMatchObject({ residentId: r.ben, holdExpiresAt: later(waitlistOfferHours * hour) });
    // Ordinary holds nobody confirmed: one on the same advisor as the offer, one on another; and one still running.
    // (The running one first: a hold marks its resource's stale holds EXPIRED, and this one is made later.)
    const running = await hold(otherAdvisor.id, r.dan, "2027-01-08T10:00:00Z", later(-5 * minute, sweepAt));
    const staleHere = await hold(advisor.id, r.eve, "2027-01-08T09:00:00Z");
    const staleThere = await hold(otherAdvisor.id, r.eve, "2027-01-07T09:00:00Z");
    const seat = await offeredSeat("2027-01-08T13:00:00Z", r.ana, [r.ben, r.chloe]);
    // An offer made an hour before the sweep: still open.
    const openSeat = await offeredSeat("2027-01-15T13:00:00Z", r.dan, [r.eve], later(-hour, sweepAt));

    expect(await sweepSchedulingExpiries(db.prisma, sweepAt)).toEqual({ expiredHolds: 3, lapsedOffers: 2, offersMade: 2 });

    // Waiting list: Ben's offer lapsed, Chloé holds the slot for 24 h.
    const [ben, chloe] = slot.entries.map((e) => e.id) as [string, string];
    expect(await entry(ben)).toMatchObject({ status: "LAPSED", offerBooking: { id: slot.offer.id, status: "EXPIRED" } });
    expect(await entry(chloe)).toMatchObject({
      status: "OFFERED",
      offerBooking: { status: "HELD", residentId: r.chloe, resourceId: advisor.id, startsAt: slot.booked.startsAt, blockedUntil: slot.booked.blockedUntil, holdExpiresAt: later(waitlistOfferHours * hour, sweepAt) },
    });
    for (const stale of [staleHere, staleThere]) expect(await booking(stale.id)).toMatchObject({ status: "EXPIRED" });
    expect(await booking(running.id)).toMatchObject({ status: "HELD" });
    // Seats: Ben's offer CANCELLED, Chloé offered the seat for 48 h; the open offer untouched.
    const [seatBen, seatChloe] = seat.enrolments.map((e) => e.id) as [string, string];
    expect(await enrolment(seatBen)).toMatchObject({ status: "CANCELLED", cancelReason: "offer expired", offerExpiresAt: null });
    expect(await enrolment(seatChloe)).toMatchObject({ status: "OFFERED", offerExpiresAt: later(groupOfferHours * hour, sweepAt) });
    expect(await enrolment(openSeat.enrolments[0]!.id)).toMatchObject({ status: "OFFERED", offerExpiresAt: later(47 * hour, sweepAt) });

    // Nothing left to do at the same instant.
    expect(await sweepSchedulingExpiries(db.prisma, sweepAt)).toEqual({ expiredHolds: 0, lapsedOffers: 0, offersMade: 0 });
  });

  it("processes every other item when one fails, then throws SchedulingSweepError with the failures and the counts", async () => {
    const { advisor, residents: r } = fixture;
    const slot = await offeredSlot(advisor.id, "2027-01-07T09:00:00Z", r.ana, [r.ben, r.chloe]);
    const stale = await hold(advisor.id, r.eve, "2027-01-08T09:00:00Z");
    const failing = await offeredSeat("2027-01-08T13:00:00Z", r.ana, [r.ben, r.chloe]);
    const working = await offeredSeat("2027-01-08T16:00:00Z", r.dan, [r.eve, r.ana]);
    const [stuck, stuckNext] = failing.enrolments.map((e) => e.id) as [string, string];
    // A real database failure on one row: its transaction rolls back, the sweep goes on.
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION "sweep_test_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'enrolment % may not change', OLD."id"; END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER "sweep_test_refuse" BEFORE UPDATE ON "GroupEnrolment"
      FOR EACH ROW WHEN (OLD."id" = '${stuck}'::uuid) EXECUTE FUNCTION "sweep_test_refuse"()`);

    const error = await sweepSchedulingExpiries(db.prisma, sweepAt).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SchedulingSweepError);
    const sweepError = error as SchedulingSweepError;
    expect(sweepError.name).toBe("SchedulingSweepError");
    expect(sweepError.message).toBe("1 scheduling expiry could not be processed");
    expect(sweepError.errors).toHaveLength(1);
    expect(String(sweepError.errors[0])).toContain(`enrolment ${stuck} may not change`);
    expect(sweepError.counts).toEqual({ expiredHolds: 2, lapsedOffers: 2, offersMade: 2 });

    // The failing seat is exactly as it was; everything else was done.
    expect(await enrolment(stuck)).toMatchObject({ status: "OFFERED" });
    expect(await enrolment(stuckNext)).toMatchObject({ status: "WAITLISTED" });
    const [eve, ana] = working.enrolments.map((e) => e.id) as [string, string];
    expect(await enrolment(eve)).toMatchObject({ status: "CANCELLED", cancelReason: "offer expired" });
    expect(await enrolment(ana)).toMatchObject({ status: "OFFERED" });
    expect(await entry(slot.entries[0]!.id)).toMatchObject({ status: "LAPSED" });
    expect(await entry(slot.entries[1]!.id)).toMatchObject({ status: "OFFERED" });
    expect(await booking(stale.id)).toMatchObject({ status: "EXPIRED" });
  });
});

describe("the sweep in the API process", () => {
  it("runs every SCHEDULING_SWEEP_SECONDS, logs what it did and what failed, and stops with the server", async () => {
    const { advisor, residents: r } = fixture;
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
    // Real time here: the server's sweep uses the clock.
    const staleHold = async () => {
      const startsAt = new Date(Math.ceil((Date.now() + 3 * 24 * hour) / hour) * hour);
      const row = { resourceId: advisor.id, appointmentTypeId: fixture.type.id, placeId: advisor.placeId, residentId: r.ana, status: "HELD" as const, holdExpiresAt: new Date(Date.now() - minute) };
      return db.prisma.booking.create({ data: { ...row, startsAt, endsAt: later(30 * minute, startsAt), blockedFrom: startsAt, blockedUntil: later(30 * minute, startsAt) } });
    };
    const first = await staleHold();
    // A seat offer that ran out, on a row that refuses to change: the sweep must report it.
    const seat = await db.prisma.groupEnrolment.create({
      data: {
        status: "OFFERED",
        offerExpiresAt: new Date(Date.now() - minute),
        resident: { connect: { id: r.ben } },
        groupSession: { create: { resourceId: fixture.room.id, appointmentTypeId: fixture.workshop.id, capacity: 1, startsAt: later(4 * 24 * hour, first.startsAt), endsAt: later(98 * hour, first.startsAt) } },
      },
    });
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION "sweep_test_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'enrolment % may not change', OLD."id"; END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER "sweep_test_refuse" BEFORE UPDATE ON "GroupEnrolment"
      FOR EACH ROW WHEN (OLD."id" = '${seat.id}'::uuid) EXECUTE FUNCTION "sweep_test_refuse"()`);

    const api = await startApi({ db, config: loadConfig({ PORT: "0", NODE_ENV: "test", SCHEDULING_SWEEP_SECONDS: "1" }), logger });
    const sweepLines = () => lines.filter((line) => line.component === "scheduling-sweep");
    try {
      const deadline = Date.now() + 15_000;
      while (sweepLines().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sweepLines().slice(0, 2)).toMatchObject([
        { msg: "scheduling expiries swept", expiredHolds: 1, lapsedOffers: 0, offersMade: 0 },
        { msg: "a scheduling expiry could not be processed", level: 50, err: { message: expect.stringContaining(`enrolment ${seat.id} may not change`) } },
      ]);
      expect(await booking(first.id)).toMatchObject({ status: "EXPIRED" });
    } finally {
      await api.close();
    }
    // Stopped: a hold that runs out now stays as it is, and nothing more is logged.
    const logged = sweepLines().length;
    const second = await staleHold();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await booking(second.id)).toMatchObject({ status: "HELD" });
    expect(sweepLines()).toHaveLength(logged);
  });
});
