/** ActivityReport, ActivityTopic, EquipmentUsed, AutonomyLevel, ReferralTarget, Booking.activityReport, Query.activityReports, Mutation.recordActivityReport */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { ActivityTopic, AutonomyLevel, EquipmentUsed, Prisma, ReferralTarget } from "../../generated/prisma/client.js";
import { runMutation } from "../../mutation.js";
import { BookingRef } from "../booking/index.js";
import { placeGlobalId } from "../territory/index.js";
import { canViewResident, type Viewer } from "../identity/index.js";
import { ResidentRef } from "../identity/resident.schema.js";
import { activityReaderRoles, canViewActivityReport, visibleActivityReports } from "./activity-report.policy.js";
import { recordActivityReport } from "./activity-report.service.js";
import { AdvisorRef } from "./advisor.schema.js";

export const ActivityTopicEnum = builder.enumType("ActivityTopic", {
  description: "What an accompaniment was about (the fixed list of the digital inclusion reports).",
  values: {
    EQUIPMENT: { description: "Getting started with a device: computer, tablet, smartphone." },
    EMAIL: { description: "Email: creating an address, sending and receiving, attachments." },
    BROWSING: { description: "Browsing the web and finding information." },
    SECURITY: { description: "Online safety: passwords, scams, personal data." },
    OFFICE_SOFTWARE: { description: "Office software: word processing, spreadsheets." },
    DIGITAL_CONTENT: { description: "Creating and managing digital content: photos, documents, files." },
    STAY_IN_TOUCH: { description: "Staying in touch with family and friends: messaging, video calls, social networks." },
    EMPLOYMENT: { description: "Looking for work or training online." },
    PARENTING: { description: "Parenting and digital life: school services, children's screen use." },
    SMALL_BUSINESS: { description: "Digital tools for an artisan, a shopkeeper or an association: online presence, selling online." },
    HEALTH: { description: "Health online: health insurance account, medical appointments." },
    BUDGET: { description: "Money online: banking, budget, online shopping." },
    ONLINE_PROCEDURES: { description: "Administrative procedures online (family allowances, taxes, identity documents…)." },
    DIAGNOSTIC: { description: "Assessment of the person's digital skills and needs." },
  } as const satisfies Record<ActivityTopic, unknown>,
});

export const EquipmentUsedEnum = builder.enumType("EquipmentUsed", {
  description: "Equipment used during an accompaniment.",
  values: {
    COMPUTER: { description: "A computer of the place." },
    TABLET: { description: "A tablet of the place." },
    SMARTPHONE: { description: "A smartphone of the place." },
    PRINTER_SCANNER: { description: "A printer or a scanner." },
    KIOSK: { description: "A self-service kiosk." },
    OWN_DEVICE: { description: "The person's own device." },
  } as const satisfies Record<EquipmentUsed, unknown>,
});

export const AutonomyLevelEnum = builder.enumType("AutonomyLevel", {
  description: "How far the person can now do alone what the accompaniment was about.",
  values: {
    NOT_AUTONOMOUS: { description: "Not yet: the advisor did it with or for the person." },
    PARTIALLY_AUTONOMOUS: { description: "In part: the person did some of it alone and needs more help." },
    AUTONOMOUS: { description: "Yes: the person can now do it alone." },
  } as const satisfies Record<AutonomyLevel, unknown>,
});

export const ReferralTargetEnum = builder.enumType("ReferralTarget", {
  description: "Where the person was referred to after the accompaniment.",
  values: {
    FRANCE_SERVICES: { description: "A France services desk." },
    TRAINING_SESSION: { description: "A training session of the catalogue." },
    SOCIAL_SERVICES: { description: "Social services." },
    EMPLOYMENT_SERVICE: { description: "An employment service (France Travail, mission locale…)." },
    OTHER_ADVISOR: { description: "Another digital advisor." },
    OTHER: { description: "Another service (see referralNote)." },
  } as const satisfies Record<ReferralTarget, unknown>,
});

/** What the row-level rule needs, loaded with every report whatever the query selects. */
const reportScopeSelect = { id: true, place: { select: { communeId: true } } } as const;

export const ActivityReportRef = builder.prismaNode("ActivityReport", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "What happened in one accompaniment by a digital advisor (an appointment or a walk-in): topics, duration, equipment, autonomy reached, referral. Visible to TRAINING agents covering the place's commune and to administrators.",
  select: reportScopeSelect,
  authScopes: (report, ctx) => (canViewActivityReport(ctx.viewer, report) ? true : { $granted: "self" }),
  fields: (t) => ({
    advisor: t.relation("advisor", { description: "The advisor who gave the accompaniment." }),
    booking: t.relation("booking", { nullable: true, description: "The appointment reported on; null for a walk-in." }),
    place: t.relation("place", { description: "Where it took place." }),
    resident: t.field({
      type: ResidentRef,
      nullable: true,
      description: "The person accompanied: shown to agents serving the resident's commune; null otherwise, or for an anonymous walk-in.",
      select: { resident: true },
      resolve: (report, _args, ctx) => (report.resident && canViewResident(ctx.viewer, report.resident) ? report.resident : null),
    }),
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    commune: t.prismaField({
      type: "Commune",
      nullable: true,
      description: "The person's commune at the time of the accompaniment (kept for statistics); null when unknown.",
      select: { communeInseeCode: true },
      resolve: (query, report, _args, ctx) =>
        report.communeInseeCode ? ctx.prisma.commune.findUnique({ ...query, where: { inseeCode: report.communeInseeCode } }) : null,
    }),
    occurredAt: t.expose("occurredAt", { type: "DateTime", description: "When it took place (the appointment's start for an appointment)." }),
    topics: t.expose("topics", { type: [ActivityTopicEnum], description: "What it was about (at least one)." }),
    durationMinutes: t.exposeInt("durationMinutes", { description: "How long it lasted, in minutes." }),
    equipment: t.expose("equipment", { type: [EquipmentUsedEnum], description: "Equipment used (possibly none)." }),
    autonomy: t.expose("autonomy", { type: AutonomyLevelEnum, description: "Autonomy the person reached." }),
    referral: t.expose("referral", { type: ReferralTargetEnum, nullable: true, description: "Where the person was referred to; null: nowhere." }),
    referralNote: t.exposeString("referralNote", { nullable: true, description: "What the referral is for, in the advisor's words (in French)." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the report was written." }),
  }),
});

builder.prismaObjectFields(BookingRef, (t) => ({
  // The report shares the booking's place: the booking's own scope fields tell whether the viewer may read it.
  activityReport: t.field({
    type: ActivityReportRef,
    nullable: true,
    description: "The activity report of this appointment: for TRAINING agents covering the place and administrators; null for others, or before it is written.",
    select: (_args, _ctx, nestedSelection) => ({ activityReport: nestedSelection({ select: reportScopeSelect }) }),
    resolve: (booking, _args, ctx) => (canViewActivityReport(ctx.viewer, booking) ? booking.activityReport : null),
  }),
}));

const ActivityReportFilter = builder.inputType("ActivityReportFilter", {
  description: "Conditions on activity reports; all given conditions must hold.",
  fields: (t) => ({
    advisorId: t.globalID({ for: [AdvisorRef], description: "Reports of this advisor." }),
    placeId: t.globalID({ description: "Reports of accompaniments at this place.", validate: placeGlobalId }),
    from: t.field({ type: "DateTime", description: "Accompaniments at or after this instant." }),
    to: t.field({ type: "DateTime", description: "Accompaniments before this instant." }),
  }),
});

interface ActivityReportFilterShape {
  advisorId?: { id: string } | null;
  placeId?: { id: string } | null;
  from?: Date | null;
  to?: Date | null;
}

function reportsWhere(viewer: Viewer, filter: ActivityReportFilterShape | null | undefined): Prisma.ActivityReportWhereInput {
  return {
    AND: [
      visibleActivityReports(viewer),
      filter?.advisorId ? { advisorId: filter.advisorId.id } : {},
      filter?.placeId ? { placeId: filter.placeId.id } : {},
      filter?.from ? { occurredAt: { gte: filter.from } } : {},
      filter?.to ? { occurredAt: { lt: filter.to } } : {},
    ],
  };
}

builder.queryField("activityReports", (t) =>
  t.prismaConnection(
    {
      type: ActivityReportRef,
      cursor: "id",
      authScopes: { anyRole: activityReaderRoles },
      description: "Activity reports, newest accompaniment first: those at places of your TRAINING communes; every report for administrators.",
      args: { filter: t.arg({ type: ActivityReportFilter, required: false, description: "Narrow the list." }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.activityReport.count({ where: reportsWhere(ctx.viewer, args.filter) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.activityReport.findMany({ ...query, where: reportsWhere(ctx.viewer, args.filter), orderBy: [{ occurredAt: "desc" }, { id: "desc" }] }),
    },
    { description: "A page of activity reports." },
    { description: "An activity report and its cursor." },
  ),
);

export const maxActivityMinutes = 480;
export const maxReferralNoteLength = 1000;

const noRepeats = (what: string) =>
  z.array(z.string()).refine((values) => new Set(values).size === values.length, { message: `must not name the same ${what} twice` });

const RecordActivityReportInput = builder.inputType("RecordActivityReportInput", {
  description:
    "An activity report: of an appointment (bookingId: advisor, place, resident and time come from it) or of a walk-in (no bookingId: placeId required, advisorId defaults to your own advisor profile).",
  fields: (t) => ({
    bookingId: t.globalID({ for: [BookingRef], description: "The appointment: CONFIRMED, with a digital advisor, already started, not yet reported." }),
    advisorId: t.globalID({ for: [AdvisorRef], description: "Walk-in only: the advisor; absent: your own advisor profile." }),
    placeId: t.globalID({ description: "Walk-in only (and required then): where it took place.", validate: placeGlobalId }),
    residentId: t.globalID({ for: [ResidentRef], description: "Walk-in only: the person accompanied, if they have an account; absent: anonymous." }),
    occurredAt: t.field({ type: "DateTime", description: "Walk-in only: when it took place (not in the future); absent: now." }),
    topics: t.field({ type: [ActivityTopicEnum], required: true, description: "What it was about: at least one topic, each once.", validate: noRepeats("topic").min(1) }),
    durationMinutes: t.int({
      required: true,
      description: `How long it lasted, in minutes (1 to ${maxActivityMinutes}).`,
      validate: z.number().int().min(1).max(maxActivityMinutes),
    }),
    equipment: t.field({ type: [EquipmentUsedEnum], description: "Equipment used, each once; absent: none.", validate: noRepeats("equipment") }),
    autonomy: t.field({ type: AutonomyLevelEnum, required: true, description: "Autonomy the person reached." }),
    referral: t.field({ type: ReferralTargetEnum, description: "Where the person was referred to; absent: nowhere." }),
    referralNote: t.string({
      description: `What the referral is for (at most ${maxReferralNoteLength} characters); only with a referral.`,
      validate: z.string().trim().max(maxReferralNoteLength),
    }),
  }),
  validate: z
    .looseObject({
      bookingId: z.unknown().optional(),
      advisorId: z.unknown().optional(),
      placeId: z.unknown().optional(),
      residentId: z.unknown().optional(),
      occurredAt: z.unknown().optional(),
      referral: z.unknown().optional(),
      referralNote: z.string().nullish(),
    })
    .refine((input) => !input.bookingId || [input.advisorId, input.placeId, input.residentId, input.occurredAt].every((v) => v == null), {
      message: "advisorId, placeId, residentId and occurredAt come from the booking: leave them out when bookingId is given",
      path: ["bookingId"],
    })
    .refine((input) => input.bookingId != null || input.placeId != null, { message: "placeId is required for a walk-in (without bookingId)", path: ["placeId"] })
    .refine((input) => !input.referralNote || input.referral != null, { message: "a referral note needs a referral", path: ["referralNote"] }),
});

const RecordActivityReportSuccess = builder.objectRef<{ reportId: string }>("RecordActivityReportSuccess").implement({
  description: "The activity report is recorded.",
  fields: (f) => ({
    report: f.prismaField({
      type: ActivityReportRef,
      description: "The new report.",
      resolve: (query, payload, _args, ctx) => ctx.prisma.activityReport.findUniqueOrThrow({ ...query, where: { id: payload.reportId } }),
    }),
  }),
});

builder.mutationField("recordActivityReport", (t) =>
  t.field({
    nullable: true,
    type: RecordActivityReportSuccess,
    authScopes: { anyRole: ["TRAINING"] },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError, BadUserInputError] },
    description:
      "Records an accompaniment (TRAINING agents covering the place's commune): after an advisor appointment that has started, or for a walk-in. ConflictError when the appointment already has a report, was a no-show or is not confirmed; BadUserInputError when it has not started yet.",
    args: { input: t.arg({ type: RecordActivityReportInput, required: true, description: "The report." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        if (input.bookingId) journal.targetIds.push(input.bookingId.id);
        const { reportId, onBehalfOfResidentId } = await recordActivityReport(tx, ctx.viewer, {
          bookingId: input.bookingId?.id ?? null,
          advisorId: input.advisorId?.id ?? null,
          placeId: input.placeId?.id ?? null,
          residentId: input.residentId?.id ?? null,
          occurredAt: input.occurredAt ?? null,
          topics: input.topics,
          durationMinutes: input.durationMinutes,
          equipment: input.equipment ?? [],
          autonomy: input.autonomy,
          referral: input.referral ?? null,
          referralNote: input.referralNote?.trim() || null,
        });
        journal.targetIds.push(reportId);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { reportId };
      }),
  }),
);
