/** Seeding entry points used by the API at start, by `npm run db:seed` and by the test databases. */
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { loadDemoData } from "./demo.js";
import { CAPL_EPCI_CODE, loadEpci } from "./territory.js";

export { CAPL_EPCI_CODE, loadEpci, readEpciFromPackage } from "./territory.js";
export { loadDemoData } from "./demo.js";

export interface SeedOptions {
  /** Load the demo data set too (never in production). */
  demo: boolean;
}

/**
 * On an empty database (no commune yet): loads the CAPL's real territory, then the demo data set when
 * asked. A database that already has data is left untouched.
 */
export async function seedIfEmpty(prisma: PrismaClient, { demo }: SeedOptions): Promise<{ seeded: boolean }> {
  if ((await prisma.commune.count()) > 0) return { seeded: false };
  await loadEpci(prisma, CAPL_EPCI_CODE);
  if (demo) await loadDemoData(prisma);
  return { seeded: true };
}
