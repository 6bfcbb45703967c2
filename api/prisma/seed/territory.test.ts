import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { createTestDatabase } from "../../src/testing/test-database.js";
import { loadDemoData } from "./demo.js";
import { CAPL_EPCI_CODE, loadEpci, seedIfEmpty } from "./index.js";

const require = createRequire(import.meta.url);
const epcis = require("@etalab/decoupage-administratif/data/epci.json") as { code: string; membres: { code: string }[] }[];
const allCommunes = require("@etalab/decoupage-administratif/data/communes.json") as {
  code: string;
  type: string;
  population?: number;
}[];
const caplMembers = new Set(epcis.find((e) => e.code === CAPL_EPCI_CODE)?.membres.map((m) => m.code));
const packagePopulation = allCommunes
  .filter((c) => c.type === "commune-actuelle" && caplMembers.has(c.code))
  .reduce((sum, c) => sum + (c.population ?? 0), 0);

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await db?.close();
});

describe("territory loader", () => {
  it("loads the 38 communes of the CA du Pays de Laon with the package's figures", async () => {
    const result = await loadEpci(db.prisma, CAPL_EPCI_CODE);
    expect(caplMembers.size).toBe(38);
    expect(result.communes).toBe(38);
    const communes = await db.prisma.commune.findMany({ include: { epci: true } });
    expect(communes).toHaveLength(38);
    expect(communes.reduce((sum, c) => sum + c.population, 0)).toBe(packagePopulation);
    const laon = communes.find((c) => c.inseeCode === "02408");
    expect(laon).toMatchObject({ name: "Laon", siren: "210203873", postalCodes: ["02000"], searchName: "laon" });
    expect(laon?.epci).toMatchObject({ code: CAPL_EPCI_CODE, name: "CA du Pays de Laon", kind: "CA" });
  });

  it("is idempotent", async () => {
    await loadEpci(db.prisma, CAPL_EPCI_CODE);
    expect(await db.prisma.commune.count()).toBe(38);
    expect(await db.prisma.epci.count()).toBe(1);
  });

  it("loads any other EPCI by code, next to the CAPL", async () => {
    const result = await loadEpci(db.prisma, "200071991");
    expect(result.communes).toBeGreaterThan(0);
    expect(await db.prisma.commune.count()).toBe(38 + result.communes);
    expect(await db.prisma.commune.count({ where: { epci: { code: CAPL_EPCI_CODE } } })).toBe(38);
  });

  it("refuses unknown or malformed codes and writes nothing", async () => {
    const before = await db.prisma.commune.count();
    await expect(loadEpci(db.prisma, "999999999")).rejects.toThrow(/not in @etalab/);
    await expect(loadEpci(db.prisma, "02408")).rejects.toThrow(/9-digit SIREN/);
    expect(await db.prisma.commune.count()).toBe(before);
  });
});

describe("seedIfEmpty and the demo data", () => {
  it("seeds an empty database with the territory and flagged demo rows, and only once", async () => {
    const fresh = await createTestDatabase({ seed: false });
    try {
      expect(await seedIfEmpty(fresh.prisma, { demo: true })).toEqual({ seeded: true });
      expect(await fresh.prisma.commune.count()).toBe(38);
      const places = await fresh.prisma.place.findMany();
      expect(places.length).toBeGreaterThan(0);
      expect(places.every((p) => p.isDemo)).toBe(true);
      expect(await fresh.prisma.agent.count({ where: { isDemo: false } })).toBe(0);
      expect(await seedIfEmpty(fresh.prisma, { demo: true })).toEqual({ seeded: false });
      const again = await loadDemoData(fresh.prisma);
      expect(await fresh.prisma.place.count()).toBe(again.places);
    } finally {
      await fresh.close();
    }
  });

  it("loads no demo data when asked not to (production)", async () => {
    const fresh = await createTestDatabase({ seed: false });
    try {
      await seedIfEmpty(fresh.prisma, { demo: false });
      expect(await fresh.prisma.commune.count()).toBe(38);
      expect(await fresh.prisma.place.count()).toBe(0);
      expect(await fresh.prisma.agent.count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
