import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { cancelGroupEnrolment, enrolInGroupSession } from "./group-session.service.js";

const txOptions = { maxWait: 60_000, timeout: 60_000 };
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

async function newGroupSession(capacity: number) {
  const epci = await db.prisma.epci.create({
    data: { code: crypto.randomUUID(), name: "CA du Pays de Laon", kind: "CA", populationTotal: 1, populationMunicipal: 1 },
  });
  const commune = await db.prisma.commune.create({
    data: { inseeCode: crypto.randomUUID(), name: "Laon", searchName: "laon", siren: crypto.randomUUID(), postalCodes: ["02000"], population: 1, departmentCode: "02", regionCode: "32", epciId: epci.id },
  });
  const place = await db.prisma.place.create({ data: { kind: "MEDIATHEQUE", name: "Médiathèque", street: "1 rue", postalCode: "02000", communeId: commune.id } });
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
