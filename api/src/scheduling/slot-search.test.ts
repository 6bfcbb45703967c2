import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import type { SchedulingResourceKind } from "../generated/prisma/client.js";
import { createTestDatabase } from "../testing/test-database.js";
import { searchSlots, type FoundSlot } from "./slot-search.js";

// Monday 2027-01-04, 08:00 in Paris (UTC+1).
const now = new Date("2027-01-04T07:00:00Z");
const window = { from: new Date("2027-01-04T00:00:00Z"), to: new Date("2027-01-06T00:00:00Z") };
const hours = (from: number, to: number) => ({ startMinute: from * 60, endMinute: to * 60 });

let db: Database;
let statements = 0;
let laon: { placeId: string; communeId: string };
let crepy: { placeId: string; communeId: string };

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: () => statements++ });
  const place = (name: string) => db.prisma.place.findFirstOrThrow({ where: { name }, select: { id: true, communeId: true } });
  const [l, c] = await Promise.all([place("Médiathèque de Laon (démo)"), place("Tiers-lieu numérique de Crépy (démo)")]);
  laon = { placeId: l.id, communeId: l.communeId };
  crepy = { placeId: c.id, communeId: c.communeId };
});
afterAll(async () => db?.close());

function newResource(name: string, placeId: string, rules: { weekday: number; startMinute: number; endMinute: number; placeId?: string }[], kind: SchedulingResourceKind = "ADVISOR") {
  return db.prisma.schedulingResource.create({ data: { kind, name, placeId, rules: { create: rules } }, select: { id: true } });
}

/** A one-hour appointment type offered by exactly these resources (the demo data's resources stay out of the way). */
function newType(resourceIds: string[], kind: SchedulingResourceKind = "ADVISOR") {
  return db.prisma.appointmentType.create({
    data: { name: `Rendez-vous ${resourceIds.length}`, resourceKind: kind, durationMinutes: 60, horizonDays: 30, resources: { connect: resourceIds.map((id) => ({ id })) } },
    select: { id: true },
  });
}

/** "HH:MM@resource" in Paris time, Monday = lun., Tuesday = mar. */
const label = (names: Map<string, string>) => (slot: FoundSlot) =>
  `${new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "short", hour: "2-digit", minute: "2-digit" }).format(slot.startsAt)} ${names.get(slot.resourceId)}`;

describe("searchSlots across resources and places", () => {
  let typeId: string;
  let a: string;
  let b: string;
  let names: Map<string, string>;

  beforeAll(async () => {
    // A: Monday at its home médiathèque of Laon, Tuesday afternoon at the Crépy tiers-lieu. B: Monday at Crépy.
    a = (await newResource("A", laon.placeId, [{ weekday: 1, ...hours(9, 11) }, { weekday: 2, ...hours(14, 16), placeId: crepy.placeId }])).id;
    b = (await newResource("B", crepy.placeId, [{ weekday: 1, ...hours(9, 10) }])).id;
    typeId = (await newType([a, b])).id;
    names = new Map([[a, "A"], [b, "B"]]);
  });

  it("merges the slots of two advisors at two places, by start then resource, each with its place", async () => {
    const slots = await searchSlots(db.prisma, { appointmentTypeId: typeId, ...window }, now);
    const ab = [a, b].sort().map((id) => names.get(id));
    expect(slots.map(label(names))).toEqual([
      ...ab.map((n) => `lun. 09:00 ${n}`),
      "lun. 09:15 A",
      "lun. 09:30 A",
      "lun. 09:45 A",
      "lun. 10:00 A",
      "mar. 14:00 A",
      "mar. 14:15 A",
      "mar. 14:30 A",
      "mar. 14:45 A",
      "mar. 15:00 A",
    ]);
    expect(slots.find((s) => s.resourceId === b)?.placeId).toBe(crepy.placeId);
    expect(new Set(slots.filter((s) => s.resourceId === a && s.startsAt.getUTCDate() === 4).map((s) => s.placeId))).toEqual(new Set([laon.placeId]));
    expect(new Set(slots.filter((s) => s.resourceId === a && s.startsAt.getUTCDate() === 5).map((s) => s.placeId))).toEqual(new Set([crepy.placeId]));
    expect(slots[0]?.endsAt.getTime()).toBe(slots[0]!.startsAt.getTime() + 3_600_000);
  });

  it("filters by resource, by place (home place or a rule's place) and by commune, and stops at the limit", async () => {
    const search = (filter: object) => searchSlots(db.prisma, { appointmentTypeId: typeId, ...window, ...filter }, now).then((s) => s.map(label(names)));
    expect(await search({ resourceIds: [b] })).toEqual(["lun. 09:00 B"]);
    // A is at Crépy on Tuesdays only: its Monday slots at Laon are not at Crépy.
    expect(await search({ placeIds: [crepy.placeId] })).toEqual([
      "lun. 09:00 B",
      "mar. 14:00 A",
      "mar. 14:15 A",
      "mar. 14:30 A",
      "mar. 14:45 A",
      "mar. 15:00 A",
    ]);
    expect(await search({ communeIds: [laon.communeId] })).toEqual(["lun. 09:00 A", "lun. 09:15 A", "lun. 09:30 A", "lun. 09:45 A", "lun. 10:00 A"]);
    expect(await search({ communeIds: [crepy.communeId], resourceIds: [a] })).toHaveLength(5);
    expect(await search({ resourceIds: [] })).toEqual([]);
    expect(await search({ limit: 3 })).toHaveLength(3);
    expect(await search({ from: new Date("2027-01-05T00:00:00Z") })).toHaveLength(5);
  });

  it("drops a confirmed or live held slot, keeps one whose hold has run out", async () => {
    const booking = (startsAt: string, status: "CONFIRMED" | "HELD", holdExpiresAt: Date | null) =>
      db.prisma.booking.create({
        data: {
          resourceId: a,
          appointmentTypeId: typeId,
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
          blockedFrom: new Date(startsAt),
          blockedUntil: new Date(new Date(startsAt).getTime() + 3_600_000),
          status,
          holdExpiresAt,
          placeId: laon.placeId,
        },
      });
    await booking("2027-01-04T08:00:00Z", "CONFIRMED", null); // Monday 09:00–10:00
    await booking("2027-01-05T13:00:00Z", "HELD", new Date(now.getTime() + 600_000)); // Tuesday 14:00–15:00, still held
    await booking("2027-01-05T14:00:00Z", "HELD", new Date(now.getTime() - 60_000)); // Tuesday 15:00–16:00, hold expired
    const slots = await searchSlots(db.prisma, { appointmentTypeId: typeId, resourceIds: [a], ...window }, now);
    expect(slots.map(label(names))).toEqual(["lun. 10:00 A", "mar. 15:00 A"]);
  });

  it("answers NOT_FOUND for an unknown type and BAD_USER_INPUT for an empty window", async () => {
    const code = (p: Promise<unknown>) => p.then(() => "OK", (e: { code?: string }) => e.code);
    expect(await code(searchSlots(db.prisma, { appointmentTypeId: "00000000-0000-7000-8000-000000000000", ...window }, now))).toBe("NOT_FOUND");
    expect(await code(searchSlots(db.prisma, { appointmentTypeId: typeId, from: window.to, to: window.from }, now))).toBe("BAD_USER_INPUT");
  });
});

describe("searchSlots without a resource list on the type", () => {
  it("offers every non-retired resource of the type's kind", async () => {
    const kiosk = await newResource("Borne", laon.placeId, [{ weekday: 1, ...hours(9, 10) }], "KIOSK");
    const retired = await newResource("Borne retirée", laon.placeId, [{ weekday: 1, ...hours(9, 10) }], "KIOSK");
    await db.prisma.schedulingResource.update({ where: { id: retired.id }, data: { retiredAt: now } });
    const other = await newResource("Salle", laon.placeId, [{ weekday: 1, ...hours(9, 10) }], "ROOM");
    const type = await newType([], "KIOSK");
    const found = new Set((await searchSlots(db.prisma, { appointmentTypeId: type.id, ...window }, now)).map((s) => s.resourceId));
    expect(found.has(kiosk.id)).toBe(true);
    expect(found.has(retired.id)).toBe(false);
    expect(found.has(other.id)).toBe(false);
  });
});

describe("searchSlots reads in a fixed number of statements", () => {
  async function statementsFor(count: number): Promise<{ statements: number; slots: number }> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const home = i % 2 ? laon.placeId : crepy.placeId;
      const resource = await newResource(`Conseiller ${count}-${i}`, home, [
        { weekday: 1, ...hours(9, 12) },
        { weekday: 2, ...hours(9, 12), placeId: laon.placeId },
      ]);
      await db.prisma.availabilityException.create({
        data: { resourceId: resource.id, startsAt: new Date("2027-01-04T09:00:00Z"), endsAt: new Date("2027-01-04T10:00:00Z"), reason: "Réunion" },
      });
      ids.push(resource.id);
    }
    const type = await newType(ids);
    const before = statements;
    const slots = await searchSlots(db.prisma, { appointmentTypeId: type.id, communeIds: [laon.communeId, crepy.communeId], ...window }, now);
    return { statements: statements - before, slots: slots.length };
  }

  it("issues as many statements for 20 resources as for 2", async () => {
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    expect(twenty.slots).toBe(two.slots * 10);
    expect(two.slots).toBeGreaterThan(0);
    expect(twenty.statements).toBe(two.statements);
    console.log(`searchSlots: ${two.statements} SQL statements for 2 resources, ${twenty.statements} for 20`);
  });
});
