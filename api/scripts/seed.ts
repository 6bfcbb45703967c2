/**
 * npm run db:seed                   → migrates, loads the CA du Pays de Laon and (outside production) the demo data
 * npm run db:seed -- --epci <SIREN> → migrates, loads that EPCI and its communes (idempotent)
 */
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/database.js";
import { CAPL_EPCI_CODE, loadDemoData, loadEpci } from "../prisma/seed/index.js";

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { epci: { type: "string" } } });
  const production = process.env.NODE_ENV === "production";
  const db = await openDatabase({ migrate: true });
  try {
    const result = await loadEpci(db.prisma, values.epci ?? CAPL_EPCI_CODE);
    console.log(`${result.epciName} (${result.epciCode}): ${result.communes} communes, population ${result.population}`);
    if (!values.epci && !production) {
      const demo = await loadDemoData(db.prisma);
      console.log(`Demo data: ${demo.places} places, ${demo.agents} agents, ${demo.residents} residents, ${demo.apiClients} partner key`);
    }
  } finally {
    await db.close();
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("seed failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
