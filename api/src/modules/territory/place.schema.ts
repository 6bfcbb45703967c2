/** Place, PlaceKind, PlaceFilter, Query.places */
import { z } from "zod";
import { builder } from "../../builder.js";
import { territoryReaders } from "./territory.policy.js";
import { placeOrderBy, placeWhere } from "./place.service.js";

export const PlaceKind = builder.enumType("PlaceKind", {
  description: "What a place is.",
  values: {
    MEDIATHEQUE: { description: "Médiathèque (public library)." },
    TIERS_LIEU: { description: "Tiers-lieu (third place)." },
    MAIRIE: { description: "Mairie (town hall)." },
    HEALTH_CENTRE: { description: "Health centre (maison de santé)." },
    COWORKING: { description: "Coworking space." },
    MAKERSPACE: { description: "Makerspace / fab lab." },
    FRANCE_SERVICES: { description: "France services (one-stop public service desk)." },
    VISIO_ROOM: { description: "Videoconference room." },
    SCHOOL: { description: "School." },
    CRECHE: { description: "Crèche (nursery)." },
    LEISURE_CENTRE: { description: "Accueil de loisirs (leisure centre)." },
  } as const,
});

builder.prismaNode("Place", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "A public place of the territory: médiathèque, third place, town hall, health centre…",
  fields: (t) => ({
    kind: t.expose("kind", { type: PlaceKind, description: "What the place is." }),
    name: t.exposeString("name", { description: "Name of the place, unique within its commune." }),
    street: t.exposeString("street", { description: "Street address (number and street)." }),
    postalCode: t.exposeString("postalCode", { description: "Postal code of the address." }),
    commune: t.relation("commune", { description: "The commune the place is in." }),
    isDemo: t.exposeBoolean("isDemo", {
      description: "True for demonstration data (never present in production).",
    }),
  }),
});

const PlaceFilter = builder.inputType("PlaceFilter", {
  description: "Conditions on places; all given conditions must hold.",
  fields: (t) => ({
    kind: t.field({ type: PlaceKind, description: "Only places of this kind." }),
    communeInseeCode: t.string({ description: "Only places in the commune with this INSEE code.", validate: z.string().max(5) }),
  }),
});

builder.queryFields((t) => ({
  places: t.prismaConnection(
    {
      authScopes: territoryReaders,
      type: "Place",
      cursor: "id",
      description: "Public places of the territory, ordered by name.",
      args: { filter: t.arg({ type: PlaceFilter, required: false, description: "Narrow the list." }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.place.count({ where: placeWhere(args.filter) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.place.findMany({ ...query, where: placeWhere(args.filter), orderBy: placeOrderBy }),
    },
    { description: "A page of places." },
    { description: "A place and its cursor." },
  ),
}));
