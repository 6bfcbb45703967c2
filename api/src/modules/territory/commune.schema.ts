/** Commune, CommuneFilter, Query.communes, Query.commune */
import { z } from "zod";
import { builder } from "../../builder.js";
import { territoryReaders } from "./territory.policy.js";
import { communeOrderBy, communeWhere, findCommuneByInseeCode } from "./commune.service.js";
import { placeOrderBy } from "./place.service.js";

builder.prismaNode("Commune", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "A commune (municipality) member of the EPCI, from the official geographic code (INSEE).",
  fields: (t) => ({
    inseeCode: t.exposeString("inseeCode", {
      description: "Code officiel géographique (INSEE), 5 characters (e.g. 02408 for Laon).",
    }),
    name: t.exposeString("name", { description: "Official name, with accents (e.g. Chivy-lès-Étouvelles)." }),
    siren: t.exposeString("siren", { description: "SIREN of the commune as a local authority (9 digits)." }),
    postalCodes: t.exposeStringList("postalCodes", { description: "Postal codes serving the commune." }),
    population: t.exposeInt("population", { description: "Population municipale (INSEE legal population)." }),
    epci: t.relation("epci", { description: "The EPCI the commune belongs to." }),
    places: t.relatedConnection(
      "places",
      {
        cursor: "id",
        totalCount: true,
        query: { orderBy: placeOrderBy },
        description: "Public places in the commune, ordered by name.",
      },
      { description: "A page of places of a commune." },
      { description: "A place of the commune and its cursor." },
    ),
  }),
});

const CommuneFilter = builder.inputType("CommuneFilter", {
  description: "Conditions on communes; all given conditions must hold.",
  fields: (t) => ({
    name: t.string({
      validate: z.string().max(100),
      description: "Part of the name; case, accents, hyphens and apostrophes are ignored (« chivy les etouvelles » finds Chivy-lès-Étouvelles).",
    }),
    inseeCode: t.string({ description: "Start of the INSEE code; the full code selects one commune.", validate: z.string().max(5) }),
  }),
});

builder.queryFields((t) => ({
  communes: t.prismaConnection(
    {
      type: "Commune",
      cursor: "id",
      authScopes: territoryReaders,
      description: "Communes of the territory, ordered by name.",
      args: { filter: t.arg({ type: CommuneFilter, required: false, description: "Narrow the list." }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.commune.count({ where: communeWhere(args.filter) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.commune.findMany({ ...query, where: communeWhere(args.filter), orderBy: communeOrderBy }),
    },
    { description: "A page of communes." },
    { description: "A commune and its cursor." },
  ),
  commune: t.prismaField({
    type: "Commune",
    authScopes: territoryReaders,
    description: "One commune by INSEE code. Errors: NOT_FOUND for an unknown code, BAD_USER_INPUT for a malformed one.",
    args: { inseeCode: t.arg.string({ required: true, description: "INSEE code, e.g. 02408." }) },
    resolve: (query, _parent, args, ctx) => findCommuneByInseeCode(ctx.prisma, args.inseeCode, query),
  }),
}));
