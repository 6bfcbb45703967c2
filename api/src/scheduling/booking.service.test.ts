import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { ConflictError } from "../errors.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { isExclusionViolation, withBookingConflicts } from "./booking-conflict.js";
import { cancelBooking, confirmBooking, holdSlot } from "./booking.service.js";

const minute = 60_000;
// Monday 2027-01-04, 08:00 in Paris (UTC+1). Rules: Monday–Friday 09:00–17:00.
const now = new Date("2027-01-04T07:00:00Z");
const at = (iso: string) => new Date(iso);
// Long waits: on PGlite the 50 transactions of the concurrency tests run one after another.
const txOptions = { maxWait: 60_000, timeout: 60_000 };

let db: Database;
let placeId: string;
let typeId: string;
let residentId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  placeId = (await db.prisma.place.findFirstOrThrow({ select: { id: true } })).id;
  residentId = (await db.prisma.resident.findFirstOrThrow({ select: { id: true } })).id;
  typeId = (
    await db.prisma.appointmentType.create({
      data: { name: "Aide aux démarches", resourceKind: "ADVISOR", durationMinutes: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 10, minimumNoticeMinutes: 60, horizonDays: 30 },
    })
  ).id;
});
afterAll(async () => db?.close());

async function newAdvisor(name = "Conseillère numérique") {
  return db.prisma.schedulingResource.create({
    data: {
      kind: "ADVISOR",
      name,
      placeId,
      rules: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })) },
    },
  });
}

const hold = (resourceId: string, startsAt: Date, when = now) =>
  db.prisma.$transaction((tx) => holdSlot(tx, { resourceId, appointmentTypeId: typeId, startsAt, holder: { residentId } }, when), txOptions);

describe("holdSlot", () => {
  it("holds for 10 minutes and blocks the slot with its buffers", async () => {
    const advisor = await newAdvisor();
    const booking = await hold(advisor.id, at("2027-01-04T09:00:00Z")); // 10:00 local
    expect(booking).toMatchObject({
      status: "HELD",
      residentId,
      startsAt: at("2027-01-04T09:00:00Z"),
      endsAt: at("2027-01-04T09:30:00Z"),
      blockedFrom: at("2027-01-04T08:55:00Z"),
      blockedUntil: at("2027-01-04T09:40:00Z"),
      holdExpiresAt: new Date(now.getTime() + 10 * minute),
    });
  });

  it("refuses what the availability forbids: outside the rules, too soon, too far, closed, unknown", async () => {
    const advisor = await newAdvisor();
    await db.prisma.availabilityException.create({
      data: { resourceId: advisor.id, startsAt: at("2027-01-05T11:00:00Z"), endsAt: at("2027-01-05T13:00:00Z"), reason: "Formation" },
    });
    const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string }) => e.code);
    expect(await code(hold(advisor.id, at("2027-01-04T16:45:00Z")))).toBe("BAD_USER_INPUT"); // 17:45 local
    expect(await code(hold(advisor.id, at("2027-01-04T07:30:00Z")))).toBe("BAD_USER_INPUT"); // 08:30, before opening and within notice
    await expect(hold(advisor.id, at("2027-01-04T09:00:00Z"), at("2027-01-04T08:30:00Z"))).rejects.toThrow(/too soon/); // 10:00 local, 30 min ahead
    await expect(hold(advisor.id, at("2027-03-01T09:00:00Z"))).rejects.toThrow(/too far/); // beyond 30 days
    await expect(hold(advisor.id, at("2027-01-05T10:30:00Z"))).rejects.toThrow(/closed/); // its after-buffer touches the closure
    expect(await code(hold("00000000-0000-7000-8000-000000000000", at("2027-01-05T09:00:00Z")))).toBe("NOT_FOUND");
    expect(await code(hold(advisor.id, at("2027-01-05T09:00:00Z")))).toBe("OK");
  });
});

describe("no double booking, decided by the database", () => {
  it("rejects an overlap inserted without any application check (constraint booking_no_overlap)", async () => {
    const advisor = await newAdvisor();
    const row = (startsAt: string, endsAt: string, resourceId = advisor.id) => ({
      resourceId,
      appointmentTypeId: typeId,
      placeId,
      startsAt: at(startsAt),
      endsAt: at(endsAt),
      blockedFrom: at(startsAt),
      blockedUntil: at(endsAt),
      status: "CONFIRMED" as const,
    });
    await db.prisma.booking.create({ data: row("2027-01-06T09:00:00Z", "2027-01-06T10:00:00Z") });
    const raw = await db.prisma.booking.create({ data: row("2027-01-06T09:30:00Z", "2027-01-06T10:30:00Z") }).catch((e: unknown) => e);
    expect(isExclusionViolation(raw), String(raw)).toBe(true);
    await expect(withBookingConflicts(() => db.prisma.booking.create({ data: row("2027-01-06T08:30:00Z", "2027-01-06T09:01:00Z") }))).rejects.toBeInstanceOf(ConflictError);
    // Back to back ([) ranges), another resource, and a cancelled booking do not conflict.
    await db.prisma.booking.create({ data: row("2027-01-06T10:00:00Z", "2027-01-06T11:00:00Z") });
    await db.prisma.booking.create({ data: row("2027-01-06T09:00:00Z", "2027-01-06T10:00:00Z", (await newAdvisor("Autre")).id) });
    await db.prisma.booking.create({ data: { ...row("2027-01-06T09:00:00Z", "2027-01-06T10:00:00Z"), status: "CANCELLED" } });
  });

  it("counts buffers: a hold whose buffer reaches a booking is a CONFLICT", async () => {
    const advisor = await newAdvisor();
    await hold(advisor.id, at("2027-01-07T09:00:00Z")); // blocks 08:55–09:40 UTC
    await expect(hold(advisor.id, at("2027-01-07T09:40:00Z"))).rejects.toMatchObject({ code: "CONFLICT" }); // its before-buffer: 09:35
    await expect(hold(advisor.id, at("2027-01-07T09:45:00Z"))).resolves.toMatchObject({ status: "HELD" });
  });

  it(`50 simultaneous holds of one advisor slot: exactly 1 succeeds, 49 CONFLICT (${testDatabaseKind()})`, async () => {
    const advisor = await newAdvisor();
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => hold(advisor.id, at("2027-01-08T09:00:00Z"))));
    const held = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(held).toHaveLength(1);
    expect(refused).toHaveLength(49);
    for (const reason of refused) expect(reason).toBeInstanceOf(ConflictError);
    expect(await db.prisma.booking.count({ where: { resourceId: advisor.id, status: { in: ["HELD", "CONFIRMED"] } } })).toBe(1);
  });

  it(`50 simultaneous hold-then-confirm of overlapping slots: exactly 1 CONFIRMED (${testDatabaseKind()})`, async () => {
    const advisor = await newAdvisor();
    // Starts 09:00, 09:05 … overlapping one another: at most one can exist.
    const attempts = Array.from({ length: 50 }, async (_, i) => {
      const booking = await hold(advisor.id, new Date(at("2027-01-11T09:00:00Z").getTime() + (i % 5) * 5 * minute));
      return db.prisma.$transaction((tx) => confirmBooking(tx, booking.id, now), txOptions);
    });
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(49);
    expect(await db.prisma.booking.count({ where: { resourceId: advisor.id, status: "CONFIRMED" } })).toBe(1);
  });
});

describe("confirm, cancel, expiry", () => {
  it("confirm makes a hold permanent; cancel frees the slot at once", async () => {
    const advisor = await newAdvisor();
    const first = await hold(advisor.id, at("2027-01-12T09:00:00Z"));
    const confirmed = await db.prisma.$transaction((tx) => confirmBooking(tx, first.id, now));
    expect(confirmed).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    // Long after the hold would have expired, the confirmed booking still blocks.
    await expect(hold(advisor.id, at("2027-01-12T09:00:00Z"), new Date(now.getTime() + 60 * minute))).rejects.toBeInstanceOf(ConflictError);
    const { booking: cancelled, offer } = await db.prisma.$transaction((tx) => cancelBooking(tx, first.id, "Empêchement", now));
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Empêchement", cancelledAt: now });
    expect(offer).toBeNull();
    await expect(db.prisma.$transaction((tx) => confirmBooking(tx, first.id, now))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(hold(advisor.id, at("2027-01-12T09:00:00Z"))).resolves.toMatchObject({ status: "HELD" });
  });

  it("an expired hold blocks nobody, and can no longer be confirmed", async () => {
    const advisor = await newAdvisor();
    const stale = await hold(advisor.id, at("2027-01-13T09:00:00Z"));
    const later = new Date(now.getTime() + 10 * minute); // holdExpiresAt reached
    const fresh = await hold(advisor.id, at("2027-01-13T09:15:00Z"), later);
    expect(fresh.status).toBe("HELD");
    expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "EXPIRED" });
    await expect(db.prisma.$transaction((tx) => confirmBooking(tx, stale.id, later))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a hold past its time cannot be confirmed even if nobody took the slot", async () => {
    const advisor = await newAdvisor();
    const booking = await hold(advisor.id, at("2027-01-14T09:00:00Z"));
    await expect(db.prisma.$transaction((tx) => confirmBooking(tx, booking.id, new Date(now.getTime() + 11 * minute)))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
