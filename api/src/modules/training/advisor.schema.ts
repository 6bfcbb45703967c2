/** Advisor, Query.advisors, Agent.advisor, SchedulingResource.advisor */
import { builder } from "../../builder.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { dayOfDate, toLocal } from "../../scheduling/index.js";
import { SchedulingResourceRef } from "../booking/index.js";
import { communeGlobalId, placeGlobalId } from "../territory/index.js";
import { AgentRef } from "../identity/agent.schema.js";

/** Logged-in agents and residents (a resident chooses an advisor); never partners: advisors are people. */
const advisorReaders = { session: true } as const;

export const AdvisorRef = builder.prismaNode("AdvisorProfile", {
  name: "Advisor",
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "A digital advisor (conseiller numérique): an agent who gives appointments through a booking resource of kind ADVISOR, at a home place and the places of its weekly rules. Visible to logged-in agents and residents, not to partners.",
  authScopes: advisorReaders,
  fields: (t) => ({
    name: t.string({
      description: "The advisor's name (the agent's display name).",
      select: { agent: { select: { displayName: true } } },
      resolve: (advisor) => advisor.agent.displayName,
    }),
    jobTitle: t.string({
      nullable: true,
      description: "Job title, e.g. « Conseillère numérique ».",
      select: { agent: { select: { jobTitle: true } } },
      resolve: (advisor) => advisor.agent.jobTitle,
    }),
    presentation: t.exposeString("presentation", { nullable: true, description: "Shown to residents choosing an advisor: languages spoken, specialities (in French)." }),
    resource: t.relation("resource", { description: "The booking resource of the advisor's appointments (slots, bookings, iCalendar feed)." }),
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    homePlace: t.prismaField({
      type: "Place",
      description: "The advisor's home place (the resource's).",
      select: { resource: { select: { placeId: true } } },
      resolve: (query, advisor, _args, ctx) => ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: advisor.resource.placeId } }),
    }),
    places: t.prismaField({
      type: ["Place"],
      description: "Where the advisor receives, by name: the home place and the places of the weekly rules still in force.",
      select: {
        resource: {
          select: {
            timeZone: true,
            place: { select: { id: true, name: true } },
            rules: { select: { validUntil: true, place: { select: { id: true, name: true } } } },
          },
        },
      },
      resolve: (query, advisor, _args, ctx) => {
        // A rule ends on a local calendar day of the resource's time zone.
        const today = toLocal(new Date(), advisor.resource.timeZone).day;
        const places = new Map([[advisor.resource.place.id, advisor.resource.place.name]]);
        for (const rule of advisor.resource.rules) {
          if (rule.place && (!rule.validUntil || dayOfDate(rule.validUntil) >= today)) places.set(rule.place.id, rule.place.name);
        }
        const ids = [...places].sort(([, a], [, b]) => a.localeCompare(b, "fr")).map(([id]) => id);
        return Promise.all(ids.map((id) => ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id } })));
      },
    }),
  }),
});

builder.prismaObjectFields(AgentRef, (t) => ({
  advisor: t.relation("advisorProfile", {
    nullable: true,
    description: "The agent's advisor profile, when the agent is a digital advisor (their agenda is its resource's bookings).",
  }),
}));

builder.prismaObjectFields(SchedulingResourceRef, (t) => ({
  advisor: t.relation("advisor", {
    nullable: true,
    authScopes: advisorReaders,
    description: "For an ADVISOR resource: the advisor who gives its appointments (logged-in agents and residents only).",
  }),
}));

function advisorsWhere(args: { placeId?: { id: string } | null; communeId?: { id: string } | null }): Prisma.AdvisorProfileWhereInput {
  const placeId = args.placeId?.id;
  const communeId = args.communeId?.id;
  return {
    agent: { disabledAt: null },
    resource: {
      retiredAt: null,
      AND: [
        placeId ? { OR: [{ placeId }, { rules: { some: { placeId } } }] } : {},
        communeId ? { OR: [{ place: { communeId } }, { rules: { some: { place: { communeId } } } }] } : {},
      ],
    },
  };
}

builder.queryField("advisors", (t) =>
  t.prismaField({
    type: [AdvisorRef],
    authScopes: advisorReaders,
    description:
      "Digital advisors in service, by name: all, or those receiving at a place or in a commune (at their home place or a place of their weekly rules).",
    args: {
      placeId: t.arg.globalID({ description: "Only advisors receiving at this place.", validate: placeGlobalId }),
      communeId: t.arg.globalID({ description: "Only advisors receiving at a place of this commune.", validate: communeGlobalId }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.advisorProfile.findMany({ ...query, where: advisorsWhere(args), orderBy: [{ agent: { displayName: "asc" } }, { id: "asc" }] }),
  }),
);
