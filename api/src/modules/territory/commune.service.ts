/** Communes: reading rules (INSEE code format, name search). No GraphQL here. */
import { BadUserInputError, NotFoundError } from "../../errors.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { foldForSearch } from "../../lib/search-text.js";

/** Code officiel géographique: 2 digits of département (2A/2B in Corsica) + 3 digits. */
const inseeCodePattern = /^(?:\d{2}|2[AB])\d{3}$/;
const inseeCodePrefixPattern = /^[0-9AB]{1,5}$/;

export function parseInseeCode(code: string): string {
  if (!inseeCodePattern.test(code)) {
    throw new BadUserInputError(`"${code}" is not an INSEE code (5 characters, e.g. 02408)`);
  }
  return code;
}

export interface CommuneFilter {
  /** Part of the name; case, accents, hyphens and apostrophes are ignored. */
  name?: string | null;
  /** Start of the INSEE code (the whole code selects one commune). */
  inseeCode?: string | null;
}

/** The Prisma condition for a commune filter; validates the filter first. */
export function communeWhere(filter: CommuneFilter | null | undefined): Prisma.CommuneWhereInput {
  const where: Prisma.CommuneWhereInput = {};
  const inseeCode = filter?.inseeCode;
  if (inseeCode != null) {
    if (!inseeCodePrefixPattern.test(inseeCode)) {
      throw new BadUserInputError(`"${inseeCode}" is not the start of an INSEE code (digits, A or B)`);
    }
    where.inseeCode = { startsWith: inseeCode };
  }
  const name = foldForSearch(filter?.name ?? "");
  // Prisma passes `contains` to LIKE unescaped: a "%" typed by a user must not match everything.
  if (name) where.searchName = { contains: name.replace(/[\\%_]/g, "\\$&") };
  return where;
}

/** Alphabetical as a French reader expects (Étouvelles among the E), whatever the database collation. */
export const communeOrderBy = [{ searchName: "asc" }, { id: "asc" }] satisfies Prisma.CommuneOrderByWithRelationInput[];

/**
 * One commune by INSEE code. `query` is the include/select planned by the caller (Pothos), so the
 * relations the client asked for come in the same query.
 */
export async function findCommuneByInseeCode<Query extends { include?: Prisma.CommuneInclude; select?: Prisma.CommuneSelect }>(
  prisma: PrismaClient,
  inseeCode: string,
  query: Query,
) {
  const commune = await prisma.commune.findUnique({ ...query, where: { inseeCode: parseInseeCode(inseeCode) } });
  if (!commune) throw new NotFoundError("Commune", inseeCode);
  return commune;
}
