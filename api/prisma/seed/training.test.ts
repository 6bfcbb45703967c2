import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { createGroupSession, holdSlot, searchSlots } from "../../src/scheduling/index.js";
import { createTestDatabase } from "../../src/testing/test-database.js";
import { demoId } from "./demo-calendar.js";
import { loadDemoData } from "./demo.js";
import { demoCourses, demoEquipment, demoSessions } from "./training.js";

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("demo training data", () => {
  it("has a catalogue for residents, businesses (selling and being found online) and agents", async () => {
    const courses = await db.prisma.course.findMany({ where: { isDemo: true }, orderBy: { title: "asc" } });
    expect(courses).toHaveLength(demoCourses.length);
    expect(new Set(courses.map((c) => c.audience))).toEqual(new Set(["RESIDENTS", "BUSINESSES", "AGENTS"]));
    expect(courses.filter((c) => c.audience === "BUSINESSES").every((c) => c.themes.includes("ECOMMERCE_VISIBILITY"))).toBe(true);
    expect(courses.every((c) => c.themes.length > 0 && c.durationMinutes > 0 && c.durationMinutes <= 1440 && c.archivedAt === null)).toBe(true);
  });

  it("holds sessions in rooms of médiathèques, tiers-lieux, the fab lab and the town hall, the room reserved as the engine does", async () => {
    const sessions = await db.prisma.trainingSession.findMany({
      where: { id: { in: demoSessions.map((s) => demoId(`training-session:${s.key}`)) } },
      include: { course: true, trainer: true, groupSession: { include: { roomBooking: true, appointmentType: true, resource: { include: { place: true } }, enrolments: true } } },
    });
    expect(sessions).toHaveLength(demoSessions.length);
    const now = Date.now();
    expect(new Set(sessions.map((s) => s.groupSession.resource.place.kind))).toEqual(new Set(["MEDIATHEQUE", "TIERS_LIEU", "MAKERSPACE", "MAIRIE"]));
    const upcomingAtLibraries = sessions.filter((s) => s.groupSession.resource.place.kind === "MEDIATHEQUE" && s.groupSession.startsAt.getTime() > now);
    expect(upcomingAtLibraries.length).toBeGreaterThanOrEqual(3);
    for (const { course, groupSession } of sessions) {
      const type = groupSession.appointmentType;
      expect(groupSession.resource.kind).toBe("ROOM");
      expect(type.capacity).toBeGreaterThanOrEqual(groupSession.capacity);
      expect(groupSession.endsAt.getTime() - groupSession.startsAt.getTime()).toBe(course.durationMinutes * 60_000);
      expect(groupSession.roomBooking).toMatchObject({
        resourceId: groupSession.resourceId,
        status: "CONFIRMED",
        placeId: groupSession.resource.placeId,
        startsAt: groupSession.startsAt,
        blockedFrom: new Date(groupSession.startsAt.getTime() - type.bufferBeforeMinutes * 60_000),
        blockedUntil: new Date(groupSession.endsAt.getTime() + type.bufferAfterMinutes * 60_000),
      });
    }
    // The engine refuses a second session in a demo session's room at the same time.
    const taken = sessions.find((s) => s.groupSession.startsAt.getTime() > now)!.groupSession;
    const attempt = db.prisma.$transaction((tx) =>
      createGroupSession(tx, { roomId: taken.resourceId, appointmentTypeId: taken.appointmentTypeId, startsAt: taken.startsAt, endsAt: taken.endsAt, capacity: 2 }),
    );
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("has a full session with a waiting list in order, a past one with its attendance, and free seats elsewhere", async () => {
    const enrolmentsOf = (key: string) =>
      db.prisma.groupEnrolment.findMany({ where: { groupSessionId: demoId(`group-session:${key}`) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { resident: true } });
    const full = await enrolmentsOf("computer-basics-laon");
    const capacity = demoSessions.find((s) => s.key === "computer-basics-laon")!.capacity;
    expect(full.filter((e) => e.status === "ENROLLED")).toHaveLength(capacity);
    expect(full.slice(capacity).map((e) => [e.status, e.resident.email])).toEqual([
      ["WAITLISTED", "sylvie.masson@example.org"],
      ["WAITLISTED", "bernard.colin@example.org"],
      ["WAITLISTED", "paul.girard@example.org"],
    ]);
    const past = await enrolmentsOf("smartphone-laon-past");
    expect(past.map((e) => e.attendance)).toEqual(["PRESENT", "PRESENT", "PRESENT", "ABSENT", "EXCUSED"]);
    expect(past.every((e) => e.status === "ENROLLED")).toBe(true);
    const open = await enrolmentsOf("email-athies");
    expect(open.map((e) => e.resident.email)).toContain("marie.lambert@example.org");
    expect(open.every((e) => e.status === "ENROLLED")).toBe(true);
  });

  it("makes the fab lab's machines, the médiathèques' computers and the kiosks bookable with their own appointment types", async () => {
    const resources = await db.prisma.schedulingResource.findMany({
      where: { id: { in: demoEquipment.map((e) => demoId(`resource:${e.key}`)) } },
      include: { place: true, rules: true },
    });
    expect(resources).toHaveLength(demoEquipment.length);
    const names = (kind: string) => resources.filter((r) => r.kind === kind).map((r) => `${r.name} @ ${r.place.kind}`).sort();
    expect(names("MACHINE")).toEqual(["Découpeuse laser Trotec Speedy 100 @ MAKERSPACE", "Imprimante 3D Prusa MK4 @ MAKERSPACE"]);
    expect(new Set(names("COMPUTER").map((n) => n.split(" @ ")[1]))).toEqual(new Set(["MEDIATHEQUE"]));
    expect(new Set(names("KIOSK").map((n) => n.split(" @ ")[1]))).toEqual(new Set(["FRANCE_SERVICES", "MAIRIE"]));
    expect(resources.every((r) => r.rules.length > 0)).toBe(true);

    const now = new Date();
    for (const key of ["machine:3d-printer", "computer:laon-1", "kiosk:france-services"]) {
      const resourceId = demoId(`resource:${key}`);
      const resource = resources.find((r) => r.id === resourceId)!;
      const type = await db.prisma.appointmentType.findFirstOrThrow({
        where: { retiredAt: null, capacity: 1, resourceKind: resource.kind, OR: [{ resources: { some: { id: resourceId } } }, { resources: { none: {} } }] },
      });
      const slots = await searchSlots(db.prisma, { appointmentTypeId: type.id, resourceIds: [resourceId], from: now, to: new Date(now.getTime() + 14 * 86_400_000) }, now);
      expect(slots.length, key).toBeGreaterThan(0);
      expect(slots.every((s) => s.placeId === resource.placeId)).toBe(true);
      const held = await db.prisma.$transaction((tx) => holdSlot(tx, { resourceId, appointmentTypeId: type.id, startsAt: slots[0]!.startsAt, holder: {} }, now));
      expect(held.status).toBe("HELD");
    }
  });

  it("is idempotent: loading the demo data again, later, adds and moves nothing", async () => {
    const snapshot = async () => ({
      courses: await db.prisma.course.findMany({ orderBy: { id: "asc" } }).then((rows) => rows.map(({ updatedAt: _, ...row }) => row)),
      resources: await db.prisma.schedulingResource.findMany({ select: { id: true, kind: true, name: true, placeId: true }, orderBy: { id: "asc" } }),
      types: await db.prisma.appointmentType.findMany({ select: { id: true, name: true, capacity: true, resources: { select: { id: true } } }, orderBy: { id: "asc" } }),
      rules: await db.prisma.availabilityRule.count(),
      residents: await db.prisma.resident.count(),
      sessions: await db.prisma.groupSession.findMany({ select: { id: true, startsAt: true, endsAt: true, roomBookingId: true }, orderBy: { id: "asc" } }),
      trainingSessions: await db.prisma.trainingSession.findMany({ select: { id: true, courseId: true, trainerId: true }, orderBy: { id: "asc" } }),
      enrolments: await db.prisma.groupEnrolment.findMany({ select: { id: true, status: true, attendance: true, createdAt: true }, orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    await loadDemoData(db.prisma, new Date(Date.now() + 9 * 86_400_000));
    expect(await snapshot()).toEqual(before);
  });
});
