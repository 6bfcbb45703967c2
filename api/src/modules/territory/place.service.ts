/** Places of the territory: filter rules. No GraphQL here. */
import type { Prisma, PlaceKind } from "../../generated/prisma/client.js";
import { parseInseeCode } from "./commune.service.js";

export interface PlaceFilter {
  kind?: PlaceKind | null;
  /** INSEE code of the commune the place is in. */
  communeInseeCode?: string | null;
}

/** The Prisma condition for a place filter; validates the filter first. */
export function placeWhere(filter: PlaceFilter | null | undefined): Prisma.PlaceWhereInput {
  const where: Prisma.PlaceWhereInput = {};
  if (filter?.kind != null) where.kind = filter.kind;
  if (filter?.communeInseeCode != null) {
    where.commune = { inseeCode: parseInseeCode(filter.communeInseeCode) };
  }
  return where;
}

export const placeOrderBy = [{ name: "asc" }, { id: "asc" }] satisfies Prisma.PlaceOrderByWithRelationInput[];
