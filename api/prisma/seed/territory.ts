/**
 * Loads an EPCI and its member communes from @etalab/decoupage-administratif (official INSEE/DGCL data),
 * never typed by hand. Idempotent: running it again updates the same rows. Any EPCI can be loaded, so the
 * platform can be mutualised with the neighbouring intercommunalities.
 */
import { createRequire } from "node:module";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { foldForSearch } from "../../src/lib/search-text.js";

/** SIREN of the Communauté d'Agglomération du Pays de Laon. */
export const CAPL_EPCI_CODE = "200043495";

interface EpciRecord {
  code: string;
  nom: string;
  type: string;
  populationTotale: number;
  populationMunicipale: number;
  membres: { code: string; siren: string; nom: string }[];
}

interface CommuneRecord {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
}

export interface TerritoryData {
  epci: EpciRecord;
  communes: CommuneRecord[];
}

const require = createRequire(import.meta.url);

/** The package's records for one EPCI and its current communes. Throws when the code is unknown. */
export function readEpciFromPackage(code: string): TerritoryData {
  if (!/^\d{9}$/.test(code)) throw new Error(`An EPCI code is its 9-digit SIREN, got "${code}"`);
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as EpciRecord[];
  const epci = epcis.find((e) => e.code === code);
  if (!epci) throw new Error(`EPCI ${code} is not in @etalab/decoupage-administratif`);
  const members = new Set(epci.membres.map((m) => m.code));
  const all = require("@etalab/decoupage-administratif/data/communes.json") as CommuneRecord[];
  const communes = all.filter((c) => c.type === "commune-actuelle" && members.has(c.code));
  const missing = [...members].filter((m) => !communes.some((c) => c.code === m));
  if (missing.length) throw new Error(`EPCI ${code}: members without a current commune record: ${missing.join(", ")}`);
  return { epci, communes };
}

export interface LoadEpciResult {
  epciCode: string;
  epciName: string;
  communes: number;
  population: number;
}

export async function loadEpci(prisma: PrismaClient, code: string): Promise<LoadEpciResult> {
  const { epci, communes } = readEpciFromPackage(code);
  const sirenOf = new Map(epci.membres.map((m) => [m.code, m.siren]));
  return prisma.$transaction(async (tx) => {
    const epciData = {
      name: epci.nom,
      kind: epci.type,
      populationTotal: epci.populationTotale,
      populationMunicipal: epci.populationMunicipale,
    };
    const row = await tx.epci.upsert({ where: { code }, create: { code, ...epciData }, update: epciData });
    for (const c of communes) {
      const siren = c.siren ?? sirenOf.get(c.code);
      if (!siren) throw new Error(`Commune ${c.code} has no SIREN in the package`);
      const data = {
        name: c.nom,
        searchName: foldForSearch(c.nom),
        siren,
        postalCodes: c.codesPostaux ?? [],
        population: c.population ?? 0,
        departmentCode: c.departement,
        regionCode: c.region,
        epciId: row.id,
      };
      await tx.commune.upsert({ where: { inseeCode: c.code }, create: { inseeCode: c.code, ...data }, update: data });
    }
    return {
      epciCode: code,
      epciName: epci.nom,
      communes: communes.length,
      population: communes.reduce((sum, c) => sum + (c.population ?? 0), 0),
    };
  });
}
