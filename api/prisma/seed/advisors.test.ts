import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { holdSlot } from "../../src/scheduling/index.js";
import { createTestDatabase } from "../../src/testing/test-database.js";
import { demoAdvisors } from "./advisors.js";
import { demoId } from "./demo-calendar.js";
import { loadDemoData } from "./demo.js";

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("demo advisors", () => {
  it("gives each demo advisor a profile and an ADVISOR resource with rules in several places", async () => {
    const profiles = await db.prisma.advisorProfile.findMany({
      include: { agent: true, resource: { include: { rules: { include: { place: true } }, place: true } } },
      orderBy: { agent: { email: "asc" } },
    });
    expect(profiles.map((p) => p.agent.email)).toEqual(demoAdvisors.map((a) => a.email).sort());
    const nadia = profiles.find((p) => p.agent.email === "nadia.lefebvre@capl.example");
    expect(nadia?.resource).toMatchObject({ kind: "ADVISOR", name: "Nadia Lefebvre", place: { name: "Médiathèque de Laon (démo)" } });
    const thursday = nadia?.resource.rules.filter((r) => r.weekday === 4) ?? [];
    expect(thursday.map((r) => r.place?.name)).toEqual(["Espace France services de Laon (démo)", "Espace France services de Laon (démo)"]);
    for (const profile of profiles) expect(profile.resource.rules.some((r) => r.placeId !== null)).toBe(true);
  });

  it("writes past appointments with reports and future ones for the demo residents, each where its rule puts it", async () => {
    const now = new Date();
    const bookings = await db.prisma.booking.findMany({
      where: { resource: { kind: "ADVISOR", advisor: { isNot: null } } },
      include: { appointmentType: true, activityReport: true, resident: { include: { commune: true } }, resource: { include: { rules: true } } },
    });
    expect(bookings.length).toBe(demoAdvisors.reduce((n, a) => n + a.appointments.length, 0));
    expect(bookings.filter((b) => b.startsAt > now && b.status === "CONFIRMED").map((b) => b.resident?.email)).toEqual(
      expect.arrayContaining(["marie.lambert@example.org", "paul.girard@example.org"]),
    );
    for (const booking of bookings) {
      const type = booking.appointmentType;
      expect(booking.endsAt.getTime() - booking.startsAt.getTime()).toBe(type.durationMinutes * 60_000);
      expect(booking.blockedUntil.getTime() - booking.endsAt.getTime()).toBe(type.bufferAfterMinutes * 60_000);
      expect(booking.blockedFrom).toEqual(booking.startsAt);
      const report = booking.activityReport;
      if (!report) continue;
      expect(booking.startsAt.getTime()).toBeLessThan(now.getTime());
      expect(report).toMatchObject({ placeId: booking.placeId, occurredAt: booking.startsAt, residentId: booking.residentId, communeInseeCode: booking.resident?.commune?.inseeCode });
    }
    // A past appointment is left without a report, for the demo of the report form.
    expect(bookings.some((b) => b.status === "CONFIRMED" && b.startsAt < now && !b.activityReport)).toBe(true);
    const franceServices = bookings.find((b) => b.id === demoId("booking:nadia-next-2"));
    const place = await db.prisma.place.findUniqueOrThrow({ where: { id: franceServices?.placeId ?? "" } });
    expect(place.name).toBe("Espace France services de Laon (démo)");
  });

  it("puts the future appointments where the engine would: holding the same start is a CONFLICT, not outside the rules", async () => {
    const future = await db.prisma.booking.findMany({ where: { id: { in: ["nadia-next-1", "nadia-next-2", "karim-next-1", "lea-next-1"].map((k) => demoId(`booking:${k}`)) } } });
    expect(future).toHaveLength(4);
    for (const booking of future) {
      const attempt = db.prisma.$transaction((tx) =>
        holdSlot(tx, { resourceId: booking.resourceId, appointmentTypeId: booking.appointmentTypeId, startsAt: booking.startsAt, holder: {} }),
      );
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    }
  });

  it("is idempotent: loading the demo data again, later, adds and moves nothing", async () => {
    const snapshot = async () => ({
      profiles: await db.prisma.advisorProfile.count(),
      types: await db.prisma.appointmentType.count({ where: { resourceKind: "ADVISOR" } }),
      rules: await db.prisma.availabilityRule.count(),
      bookings: await db.prisma.booking.findMany({ select: { id: true, startsAt: true }, orderBy: { id: "asc" } }),
      reports: await db.prisma.activityReport.findMany({ select: { id: true, occurredAt: true }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    await loadDemoData(db.prisma, new Date(Date.now() + 9 * 86_400_000));
    expect(await snapshot()).toEqual(before);
  });
});
