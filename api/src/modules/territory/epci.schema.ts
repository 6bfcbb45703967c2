/** Epci */
import { builder } from "../../builder.js";

builder.prismaNode("Epci", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "Établissement public de coopération intercommunale (EPCI): the grouping of communes the platform serves, e.g. the Communauté d'Agglomération du Pays de Laon.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "SIREN of the EPCI, its official code (e.g. 200043495)." }),
    name: t.exposeString("name", { description: "Official name (e.g. CA du Pays de Laon)." }),
    kind: t.exposeString("kind", {
      description: "Legal form: CA (communauté d'agglomération), CC (communauté de communes), CU, METRO…",
    }),
    populationTotal: t.exposeInt("populationTotal", {
      description: "Population totale (INSEE legal population, double counts included).",
    }),
    populationMunicipal: t.exposeInt("populationMunicipal", {
      description: "Population municipale (INSEE legal population, each resident counted once).",
    }),
  }),
});
