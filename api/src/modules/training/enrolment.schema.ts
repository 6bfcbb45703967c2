/** Enrolment, EnrolmentStatus, AttendanceStatus, TrainingSession.enrolments, Query.myEnrolments, Mutation.enrolInTrainingSession, cancelEnrolment, acceptEnrolmentOffer, recordAttendance */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { AttendanceStatus, GroupEnrolmentStatus } from "../../generated/prisma/client.js";
import { runMutation } from "../../mutation.js";
import { canViewResident } from "../identity/index.js";
import { ResidentRef } from "../identity/resident.schema.js";
import { acceptEnrolmentOfferFor, cancelEnrolmentFor, enrolFor, recordAttendanceFor } from "./enrolment.service.js";
import { TrainingSessionRef } from "./training-session.schema.js";
import { canViewEnrolment, canViewSessionEnrolments, trainingWriters } from "./training-session.policy.js";
import { waitlistPositionOf } from "./training-session.service.js";

export const EnrolmentStatusEnum = builder.enumType("EnrolmentStatus", {
  description: "Where an enrolment in a training session stands.",
  values: {
    ENROLLED: { description: "The resident has a seat." },
    WAITLISTED: { description: "On the waiting list (see waitlistPosition): a freed seat is offered to the first in line." },
    OFFERED: { description: "A freed seat is kept for the resident until offerExpiresAt: accept it with acceptEnrolmentOffer." },
    CANCELLED: { description: "Cancelled (by the resident, an agent, the session's cancellation, or an offer not accepted in time)." },
  } as const satisfies Record<GroupEnrolmentStatus, unknown>,
});

export const AttendanceStatusEnum = builder.enumType("AttendanceStatus", {
  description: "Whether an enrolled resident came to the session, as recorded by the trainer.",
  values: {
    PRESENT: { description: "Came." },
    ABSENT: { description: "Did not come." },
    EXCUSED: { description: "Did not come, and said so beforehand." },
  } as const satisfies Record<AttendanceStatus, unknown>,
});

/** What the row-level rule needs, loaded with every enrolment whatever the query selects. */
const enrolmentScopeSelect = {
  id: true,
  residentId: true,
  status: true,
  enrolledById: true,
  groupSession: { select: { resource: { select: { place: { select: { communeId: true } } } } } },
} as const;

const scopeOf = (enrolment: { residentId: string; groupSession: { resource: { place: { communeId: string } } } }) => ({
  residentId: enrolment.residentId,
  place: enrolment.groupSession.resource.place,
});

export const EnrolmentRef = builder.prismaNode("GroupEnrolment", {
  name: "Enrolment",
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "A resident's seat, or place on the waiting list, in a training session. Visible to the resident, to training agents covering the session's place and to administrators (never to partners).",
  select: enrolmentScopeSelect,
  authScopes: (enrolment, ctx) => (canViewEnrolment(ctx.viewer, scopeOf(enrolment)) ? true : { $granted: "self" }),
  fields: (t) => ({
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    session: t.prismaField({
      type: TrainingSessionRef,
      description: "The session.",
      select: { groupSessionId: true },
      resolve: (query, enrolment, _args, ctx) => ctx.prisma.trainingSession.findUniqueOrThrow({ ...query, where: { groupSessionId: enrolment.groupSessionId } }),
    }),
    resident: t.field({
      type: ResidentRef,
      nullable: true,
      description: "Who is enrolled: shown to the resident and to agents serving the resident's commune; null otherwise.",
      select: { resident: true },
      resolve: (enrolment, _args, ctx) => (canViewResident(ctx.viewer, enrolment.resident) ? enrolment.resident : null),
    }),
    status: t.expose("status", { type: EnrolmentStatusEnum, description: "Where the enrolment stands." }),
    waitlistPosition: t.int({
      nullable: true,
      description: "For a WAITLISTED enrolment: its place on the waiting list, 1 = next to be offered a seat; null otherwise.",
      resolve: (enrolment, _args, ctx) => (enrolment.status === "WAITLISTED" ? waitlistPositionOf(ctx, enrolment.id) : null),
    }),
    offerExpiresAt: t.expose("offerExpiresAt", { type: "DateTime", nullable: true, description: "For an OFFERED enrolment: when the offer runs out unless accepted." }),
    attendance: t.expose("attendance", { type: AttendanceStatusEnum, nullable: true, description: "Whether the resident came, once recorded." }),
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    enrolledBy: t.prismaField({
      type: "Agent",
      nullable: true,
      description: "The agent who enrolled the resident on their behalf (shown to agents only); null when the resident enrolled.",
      resolve: (query, enrolment, _args, ctx) =>
        ctx.viewer.kind === "agent" && enrolment.enrolledById ? ctx.prisma.agent.findUnique({ ...query, where: { id: enrolment.enrolledById } }) : null,
    }),
    cancelReason: t.exposeString("cancelReason", { nullable: true, description: "Why it was cancelled." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the resident enrolled (or came back after a cancellation): the order of the waiting list." }),
  }),
});

/** Seats first, then the waiting list in its order, then cancelled enrolments; by createdAt within each. */
const listRank: Record<GroupEnrolmentStatus, number> = { ENROLLED: 0, OFFERED: 0, WAITLISTED: 1, CANCELLED: 2 };

builder.prismaObjectFields(TrainingSessionRef, (t) => ({
  enrolments: t.prismaField({
    type: [EnrolmentRef],
    authScopes: { anyRole: ["TRAINING", "ADMIN"] },
    description:
      "Its enrolments: ENROLLED and OFFERED by enrolment time, then WAITLISTED by waitlistPosition (then CANCELLED, when asked for). Training agents covering the session's place and administrators only; refused to others.",
    args: {
      statuses: t.arg({
        type: [EnrolmentStatusEnum],
        description: "Only enrolments in these statuses (default: ENROLLED, OFFERED and WAITLISTED).",
      }),
    },
    select: { groupSession: { select: { resource: { select: { place: { select: { communeId: true } } } } } } },
    resolve: async (query, session, args, ctx) => {
      if (!canViewSessionEnrolments(ctx.viewer, session.groupSession.resource.place)) {
        throw new ForbiddenError("Only the training agents covering this session's place see its enrolments");
      }
      const enrolments = await ctx.prisma.groupEnrolment.findMany({
        ...query,
        where: { groupSessionId: session.groupSessionId, status: { in: args.statuses ?? ["ENROLLED", "OFFERED", "WAITLISTED"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return enrolments.sort((a, b) => listRank[a.status] - listRank[b.status]);
    },
  }),
}));

builder.queryField("myEnrolments", (t) =>
  t.prismaField({
    type: [EnrolmentRef],
    authScopes: { resident: true },
    description: "The resident's enrolments not cancelled, by session start, then their last 50 cancelled ones, newest first.",
    resolve: async (query, _root, _args, ctx) => {
      const residentId = ctx.viewer.kind === "resident" ? ctx.viewer.residentId : "";
      const [open, cancelled] = await Promise.all([
        ctx.prisma.groupEnrolment.findMany({
          ...query,
          where: { residentId, status: { not: "CANCELLED" }, groupSession: { trainingSession: { isNot: null } } },
          orderBy: [{ groupSession: { startsAt: "asc" } }, { id: "asc" }],
        }),
        ctx.prisma.groupEnrolment.findMany({
          ...query,
          where: { residentId, status: "CANCELLED", groupSession: { trainingSession: { isNot: null } } },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: 50,
        }),
      ]);
      return [...open, ...cancelled];
    },
  }),
);

const enrolmentSuccess = (name: string, description: string, field: string) =>
  builder.objectRef<{ enrolmentId: string }>(name).implement({
    description,
    fields: (f) => ({
      enrolment: f.prismaField({
        type: EnrolmentRef,
        description: field,
        resolve: (query, payload, _args, ctx) => ctx.prisma.groupEnrolment.findUniqueOrThrow({ ...query, where: { id: payload.enrolmentId } }),
      }),
    }),
  });

const enrolmentErrors = [NotFoundError, ForbiddenError, ConflictError, BadUserInputError];
const enrollers = { resident: true, ...trainingWriters } as const;

const EnrolInTrainingSessionInput = builder.inputType("EnrolInTrainingSessionInput", {
  description: "A session to enrol in, and who.",
  fields: (t) => ({
    sessionId: t.globalID({ required: true, for: [TrainingSessionRef], description: "The session, not started yet." }),
    residentId: t.globalID({ for: [ResidentRef], description: "The resident: required for an agent enrolling a resident on their behalf; omitted by a resident." }),
  }),
});

builder.mutationField("enrolInTrainingSession", (t) =>
  t.field({
    nullable: true,
    type: enrolmentSuccess("EnrolInTrainingSessionSuccess", "The resident is enrolled, or on the waiting list when every seat is taken.", "The ENROLLED or WAITLISTED enrolment."),
    authScopes: enrollers,
    errors: { types: enrolmentErrors },
    description:
      "Enrols a resident in a training session: by the resident, or by a training agent covering the session's place on the resident's behalf. ENROLLED while seats remain, else WAITLISTED. ConflictError when already enrolled or the session is cancelled.",
    args: { input: t.arg({ type: EnrolInTrainingSessionInput, required: true, description: "The session and the resident." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        journal.targetIds.push(input.sessionId.id);
        const { enrolment, onBehalfOfResidentId } = await enrolFor(tx, ctx.viewer, { sessionId: input.sessionId.id, residentId: input.residentId?.id });
        journal.targetIds.push(enrolment.id);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { enrolmentId: enrolment.id };
      }),
  }),
);

const CancelEnrolmentInput = builder.inputType("CancelEnrolmentInput", {
  description: "An enrolment to cancel, and why.",
  fields: (t) => ({
    enrolmentId: t.globalID({ required: true, for: [EnrolmentRef], description: "The enrolment, of a session not started yet." }),
    reason: t.string({ required: true, description: "Why it is cancelled.", validate: z.string().trim().min(1).max(500) }),
  }),
});

const CancelEnrolmentSuccess = builder.objectRef<{ enrolmentId: string; offeredToId: string | null }>("CancelEnrolmentSuccess").implement({
  description: "The enrolment is cancelled; a freed seat went, as an offer, to the first resident on the waiting list.",
  fields: (f) => ({
    enrolment: f.prismaField({
      type: EnrolmentRef,
      description: "The CANCELLED enrolment.",
      resolve: (query, payload, _args, ctx) => ctx.prisma.groupEnrolment.findUniqueOrThrow({ ...query, where: { id: payload.enrolmentId } }),
    }),
    offeredTo: f.prismaField({
      type: EnrolmentRef,
      nullable: true,
      description: "The waiting-list enrolment now OFFERED the freed seat; null when nobody was waiting, no seat was freed, or you may not see it.",
      // An empty id list reads nothing; the query is used either way.
      resolve: (query, payload, _args, ctx) => ctx.prisma.groupEnrolment.findFirst({ ...query, where: { id: { in: payload.offeredToId ? [payload.offeredToId] : [] } } }),
    }),
  }),
});

builder.mutationField("cancelEnrolment", (t) =>
  t.field({
    nullable: true,
    type: CancelEnrolmentSuccess,
    authScopes: enrollers,
    errors: { types: enrolmentErrors },
    description:
      "Cancels an enrolment before its session starts, by its resident or by a training agent on the resident's behalf. A freed seat is offered to the first resident on the waiting list (OFFERED, to accept with acceptEnrolmentOffer).",
    args: { input: t.arg({ type: CancelEnrolmentInput, required: true, description: "The enrolment and the reason." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const enrolmentId = input.enrolmentId.id;
        journal.targetIds.push(enrolmentId);
        const { offered, place, onBehalfOfResidentId } = await cancelEnrolmentFor(tx, ctx.viewer, enrolmentId, input.reason);
        if (offered) journal.targetIds.push(offered.id);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        // A resident who gives up a seat is not shown who gets it.
        const visible = offered && canViewEnrolment(ctx.viewer, { residentId: offered.residentId, place });
        return { enrolmentId, offeredToId: visible ? offered.id : null };
      }),
  }),
);

const AcceptEnrolmentOfferInput = builder.inputType("AcceptEnrolmentOfferInput", {
  description: "An offered seat to accept.",
  fields: (t) => ({ enrolmentId: t.globalID({ required: true, for: [EnrolmentRef], description: "The OFFERED enrolment." }) }),
});

builder.mutationField("acceptEnrolmentOffer", (t) =>
  t.field({
    nullable: true,
    type: enrolmentSuccess("AcceptEnrolmentOfferSuccess", "The offered seat is the resident's.", "The ENROLLED enrolment."),
    authScopes: enrollers,
    errors: { types: enrolmentErrors },
    description: "Accepts a seat offered from the waiting list, by the resident or by a training agent on their behalf. ConflictError when the offer has expired or there is none.",
    args: { input: t.arg({ type: AcceptEnrolmentOfferInput, required: true, description: "The enrolment." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const enrolmentId = input.enrolmentId.id;
        journal.targetIds.push(enrolmentId);
        const { onBehalfOfResidentId } = await acceptEnrolmentOfferFor(tx, ctx.viewer, enrolmentId);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { enrolmentId };
      }),
  }),
);

const AttendanceInput = builder.inputType("AttendanceInput", {
  description: "Whether one enrolled resident came.",
  fields: (t) => ({
    enrolmentId: t.globalID({ required: true, for: [EnrolmentRef], description: "An ENROLLED enrolment of the session." }),
    attendance: t.field({ type: AttendanceStatusEnum, required: true, description: "Present, absent or excused." }),
  }),
});

const RecordAttendanceInput = builder.inputType("RecordAttendanceInput", {
  description: "The attendance of a session's enrolled residents (all of them or some; others keep theirs).",
  fields: (t) => ({
    sessionId: t.globalID({ required: true, for: [TrainingSessionRef], description: "The session, already started." }),
    attendances: t.field({
      type: [AttendanceInput],
      required: true,
      description: "One entry per enrolment (each at most once), 1 to 500 entries.",
      validate: z.array(z.unknown()).min(1).max(500),
    }),
  }),
});

builder.mutationField("recordAttendance", (t) =>
  t.field({
    nullable: true,
    type: builder.objectRef<{ sessionId: string }>("RecordAttendanceSuccess").implement({
      description: "The attendance is recorded.",
      fields: (f) => ({
        session: f.prismaField({
          type: "TrainingSession",
          description: "The session (see enrolments { attendance }).",
          resolve: (query, payload, _args, ctx) => ctx.prisma.trainingSession.findUniqueOrThrow({ ...query, where: { id: payload.sessionId } }),
        }),
      }),
    }),
    authScopes: trainingWriters,
    errors: { types: enrolmentErrors },
    description:
      "Records who came to a session (training agents covering its place), once it has started: BadUserInputError before, or for an enrolment that is not ENROLLED in this session.",
    args: { input: t.arg({ type: RecordAttendanceInput, required: true, description: "The session and the attendances." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const sessionId = input.sessionId.id;
        const attendances = input.attendances.map((a) => ({ enrolmentId: a.enrolmentId.id, attendance: a.attendance }));
        journal.targetIds.push(sessionId, ...attendances.map((a) => a.enrolmentId));
        await recordAttendanceFor(tx, ctx.viewer, sessionId, attendances);
        return { sessionId };
      }),
  }),
);
