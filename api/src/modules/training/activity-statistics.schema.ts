/** ActivityStatistics, ActivityStatisticsFilter, Query.activityStatistics */
import { z } from "zod";
import { builder } from "../../builder.js";
import type { ActivityTopic, AutonomyLevel, ReferralTarget } from "../../generated/prisma/client.js";
import { communeGlobalId, placeGlobalId } from "../territory/index.js";
import { activityReaderRoles } from "./activity-report.policy.js";
import { ActivityTopicEnum, AutonomyLevelEnum, ReferralTargetEnum } from "./activity-report.schema.js";
import { AdvisorRef } from "./advisor.schema.js";
import { activityStatistics, dayNumber, maxStatisticsDays, type ActivityStatistics, type Count, type Tally } from "./activity-statistics.service.js";

// findUnique calls made in the same tick are batched by Prisma into one query per selection: a list of
// rows loads its advisors (places, communes) in one statement.
const ActivityCountByAdvisor = builder.objectRef<Tally<string>>("ActivityCountByAdvisor").implement({
  description: "Accompaniments given by one advisor.",
  fields: (t) => ({
    advisor: t.prismaField({
      type: AdvisorRef,
      description: "The advisor.",
      resolve: (query, row, _args, ctx) => ctx.prisma.advisorProfile.findUniqueOrThrow({ ...query, where: { id: row.key } }),
    }),
    count: t.exposeInt("count", { description: "Number of accompaniments." }),
    minutes: t.exposeInt("minutes", { description: "Their total duration, in minutes." }),
  }),
});

const ActivityCountByPlace = builder.objectRef<Tally<string>>("ActivityCountByPlace").implement({
  description: "Accompaniments at one place.",
  fields: (t) => ({
    place: t.prismaField({
      type: "Place",
      description: "The place.",
      resolve: (query, row, _args, ctx) => ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: row.key } }),
    }),
    count: t.exposeInt("count", { description: "Number of accompaniments." }),
    minutes: t.exposeInt("minutes", { description: "Their total duration, in minutes." }),
  }),
});

const ActivityCountByCommune = builder.objectRef<Tally<string | null>>("ActivityCountByCommune").implement({
  description: "Accompaniments of residents of one commune (their commune at the time).",
  fields: (t) => ({
    commune: t.prismaField({
      type: "Commune",
      nullable: true,
      description: "The residents' commune; null: unknown (anonymous walk-ins, residents without a commune).",
      resolve: (query, row, _args, ctx) => (row.key ? ctx.prisma.commune.findUnique({ ...query, where: { inseeCode: row.key } }) : null),
    }),
    count: t.exposeInt("count", { description: "Number of accompaniments." }),
    minutes: t.exposeInt("minutes", { description: "Their total duration, in minutes." }),
  }),
});

const ActivityCountByTopic = builder.objectRef<Count<ActivityTopic>>("ActivityCountByTopic").implement({
  description: "Accompaniments about one topic (a report about several topics counts in each).",
  fields: (t) => ({
    topic: t.expose("key", { type: ActivityTopicEnum, description: "The topic." }),
    count: t.exposeInt("count", { description: "Number of accompaniments about it." }),
  }),
});

const ActivityCountByAutonomy = builder.objectRef<Count<AutonomyLevel>>("ActivityCountByAutonomy").implement({
  description: "Accompaniments that reached one level of autonomy.",
  fields: (t) => ({
    autonomy: t.expose("key", { type: AutonomyLevelEnum, description: "The level of autonomy reached." }),
    count: t.exposeInt("count", { description: "Number of accompaniments." }),
  }),
});

const ActivityCountByReferral = builder.objectRef<Count<ReferralTarget>>("ActivityCountByReferral").implement({
  description: "Accompaniments after which the person was referred to one kind of service.",
  fields: (t) => ({
    referral: t.expose("key", { type: ReferralTargetEnum, description: "Where the person was referred to." }),
    count: t.exposeInt("count", { description: "Number of accompaniments." }),
  }),
});

const ActivityStatisticsRef = builder.objectRef<ActivityStatistics>("ActivityStatistics").implement({
  description: "Counts of the accompaniments of a period (activity reports), largest first in every breakdown.",
  fields: (t) => ({
    from: t.expose("from", { type: "Date", description: "First day of the period (Europe/Paris)." }),
    to: t.expose("to", { type: "Date", description: "Last day of the period, included (Europe/Paris)." }),
    accompanimentCount: t.exposeInt("accompanimentCount", { description: "Number of accompaniments." }),
    totalMinutes: t.exposeInt("totalMinutes", { description: "Their total duration, in minutes." }),
    residentCount: t.exposeInt("residentCount", { description: "Number of distinct residents accompanied (anonymous walk-ins not counted)." }),
    byAdvisor: t.expose("byAdvisor", { type: [ActivityCountByAdvisor], description: "Per advisor." }),
    byPlace: t.expose("byPlace", { type: [ActivityCountByPlace], description: "Per place where the accompaniments took place." }),
    byCommune: t.expose("byCommune", { type: [ActivityCountByCommune], description: "Per commune of the residents (null commune: unknown)." }),
    byTopic: t.expose("byTopic", { type: [ActivityCountByTopic], description: "Per topic; their counts add up to more than accompanimentCount when reports name several topics." }),
    byAutonomy: t.expose("byAutonomy", { type: [ActivityCountByAutonomy], description: "Per level of autonomy reached." }),
    byReferral: t.expose("byReferral", { type: [ActivityCountByReferral], description: "Per referral (accompaniments without referral are not listed)." }),
  }),
});

const ActivityStatisticsFilter = builder.inputType("ActivityStatisticsFilter", {
  description: `A period of Europe/Paris calendar days (at most ${maxStatisticsDays}) and conditions on the accompaniments; all given conditions must hold.`,
  fields: (t) => ({
    from: t.field({ type: "Date", required: true, description: "First day (from 00:00 Paris time)." }),
    to: t.field({ type: "Date", required: true, description: `Last day, included (until 24:00 Paris time); at most ${maxStatisticsDays} days from \`from\`, both included.` }),
    advisorId: t.globalID({ for: [AdvisorRef], description: "Only this advisor's accompaniments." }),
    placeId: t.globalID({ description: "Only accompaniments at this place.", validate: placeGlobalId }),
    communeId: t.globalID({ description: "Only accompaniments at places of this commune.", validate: communeGlobalId }),
  }),
  validate: z
    .looseObject({ from: z.string(), to: z.string() })
    .refine((filter) => dayNumber(filter.from) <= dayNumber(filter.to), { message: "`to` may not be before `from`", path: ["to"] })
    .refine((filter) => dayNumber(filter.to) - dayNumber(filter.from) < maxStatisticsDays, {
      message: `the period may not exceed ${maxStatisticsDays} days`,
      path: ["to"],
    }),
});

builder.queryField("activityStatistics", (t) =>
  t.field({
    type: ActivityStatisticsRef,
    authScopes: { anyRole: activityReaderRoles },
    description:
      "Statistics of the accompaniments (activity reports) of a period: at places of your TRAINING communes; everywhere for administrators. Counted by the database in a fixed number of statements.",
    args: { filter: t.arg({ type: ActivityStatisticsFilter, required: true, description: "The period and conditions." }) },
    resolve: (_root, { filter }, ctx) =>
      activityStatistics(ctx.prisma, ctx.viewer, {
        from: filter.from,
        to: filter.to,
        advisorId: filter.advisorId?.id ?? null,
        placeId: filter.placeId?.id ?? null,
        communeId: filter.communeId?.id ?? null,
      }),
  }),
);
