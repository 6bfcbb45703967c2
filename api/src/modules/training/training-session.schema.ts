/** TrainingSession, TrainingSessionFilter, Query.trainingSessions, Mutation.scheduleTrainingSession, cancelTrainingSession */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import { runMutation } from "../../mutation.js";
import { SchedulingResourceRef } from "../booking/index.js";
import { communeGlobalId, placeGlobalId } from "../territory/index.js";
import { AgentRef } from "../identity/agent.schema.js";
import { PlaceKind } from "../territory/place.schema.js";
import { CourseRef, TrainingAudienceEnum, TrainingThemeEnum } from "./course.schema.js";
import { trainingReaders, trainingWriters } from "./training-session.policy.js";
import { cancelTrainingSession, scheduleTrainingSession, seatCountsOf, sessionsWhere, type SessionFilter } from "./training-session.service.js";

export const TrainingSessionRef = builder.prismaNode("TrainingSession", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "A dated session of a course in a room, with its seats and waiting list. Public, and readable with read:training: seats are counted, never named (enrolments are for the agents who manage the session).",
  authScopes: trainingReaders,
  select: { id: true, groupSessionId: true, groupSession: { select: { capacity: true, cancelledAt: true } } },
  fields: (t) => ({
    course: t.relation("course", { description: "The course taught." }),
    startsAt: t.field({
      type: "DateTime",
      description: "Start of the session.",
      select: { groupSession: { select: { startsAt: true } } },
      resolve: (session) => session.groupSession.startsAt,
    }),
    endsAt: t.field({
      type: "DateTime",
      description: "End of the session (start + the course's duration when it was scheduled).",
      select: { groupSession: { select: { endsAt: true } } },
      resolve: (session) => session.groupSession.endsAt,
    }),
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    place: t.prismaField({
      type: "Place",
      description: "Where it takes place: the place of its room.",
      select: { groupSession: { select: { resource: { select: { placeId: true } } } } },
      resolve: (query, session, _args, ctx) => ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: session.groupSession.resource.placeId } }),
    }),
    room: t.field({
      type: SchedulingResourceRef,
      description: "The room (a resource of kind ROOM), reserved for the session.",
      select: (_args, _ctx, nestedSelection) => ({ groupSession: { select: { resource: nestedSelection() } } }),
      resolve: (session) => session.groupSession.resource,
    }),
    capacity: t.int({ description: "Seats.", resolve: (session) => session.groupSession.capacity }),
    enrolledCount: t.int({
      description: "Residents enrolled (ENROLLED).",
      resolve: async (session, _args, ctx) => (await seatCountsOf(ctx, session.groupSessionId)).enrolled,
    }),
    waitlistCount: t.int({
      description: "Residents on the waiting list (WAITLISTED).",
      resolve: async (session, _args, ctx) => (await seatCountsOf(ctx, session.groupSessionId)).waitlisted,
    }),
    freePlaces: t.int({
      description: "Seats still free: capacity − ENROLLED − OFFERED (a seat offered to the waiting list is taken), never below 0; 0 for a cancelled session.",
      resolve: async (session, _args, ctx) => {
        if (session.groupSession.cancelledAt) return 0;
        const seats = await seatCountsOf(ctx, session.groupSessionId);
        return Math.max(0, session.groupSession.capacity - seats.enrolled - seats.offered);
      },
    }),
    isCancelled: t.boolean({ description: "True when the session is cancelled.", resolve: (session) => session.groupSession.cancelledAt !== null }),
    cancelReason: t.string({
      nullable: true,
      description: "Why it was cancelled.",
      select: { groupSession: { select: { cancelReason: true } } },
      resolve: (session) => session.groupSession.cancelReason,
    }),
    trainer: t.field({
      type: AgentRef,
      nullable: true,
      description: "Who trains (agents only: null for residents, partners and anonymous callers, and when nobody is named).",
      select: (_args, _ctx, nestedSelection) => ({ trainer: nestedSelection() }),
      resolve: (session, _args, ctx) => (ctx.viewer.kind === "agent" ? session.trainer : null),
    }),
  }),
});

const TrainingSessionFilter = builder.inputType("TrainingSessionFilter", {
  description: "Conditions on training sessions; all given conditions must hold.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "Sessions starting at or after this instant (default: now)." }),
    to: t.field({ type: "DateTime", description: "Sessions starting before this instant, after `from`." }),
    courseIds: t.globalIDList({ for: [CourseRef], description: "Sessions of any of these courses.", validate: z.array(z.unknown()).max(100) }),
    placeIds: t.globalIDList({ description: "Sessions at any of these places.", validate: z.array(placeGlobalId).max(100) }),
    placeKinds: t.field({ type: [PlaceKind], description: "Sessions at places of any of these kinds (e.g. MEDIATHEQUE for libraries).", validate: z.array(z.string()).max(20) }),
    communeIds: t.globalIDList({ description: "Sessions at places in any of these communes.", validate: z.array(communeGlobalId).max(100) }),
    themes: t.field({ type: [TrainingThemeEnum], description: "Sessions of courses teaching any of these themes.", validate: z.array(z.string()).max(10) }),
    audience: t.field({ type: TrainingAudienceEnum, description: "Sessions of courses for this audience." }),
    hasFreePlaces: t.boolean({ description: "true: only sessions with a free seat; false: only full (or cancelled) ones." }),
    includeCancelled: t.boolean({ description: "Also list cancelled sessions (default: false)." }),
  }),
  validate: z
    .looseObject({ from: z.date().nullish(), to: z.date().nullish() })
    .refine((filter) => !filter.from || !filter.to || filter.from.getTime() < filter.to.getTime(), { message: "must be after from", path: ["to"] }),
});

interface FilterArgs {
  from?: Date | null;
  to?: Date | null;
  courseIds?: { id: string }[] | null;
  placeIds?: { id: string }[] | null;
  placeKinds?: SessionFilter["placeKinds"];
  communeIds?: { id: string }[] | null;
  themes?: SessionFilter["themes"];
  audience?: SessionFilter["audience"];
  hasFreePlaces?: boolean | null;
  includeCancelled?: boolean | null;
}

function sessionFilterOf(filter: FilterArgs | null | undefined): SessionFilter | null {
  if (!filter) return null;
  const ids = (list: { id: string }[] | null | undefined) => list?.map((item) => item.id) ?? null;
  return { ...filter, courseIds: ids(filter.courseIds), placeIds: ids(filter.placeIds), communeIds: ids(filter.communeIds) };
}

builder.queryField("trainingSessions", (t) =>
  t.prismaConnection(
    {
      type: "TrainingSession",
      cursor: "id",
      authScopes: trainingReaders,
      description:
        "Training sessions by start, from now on (or from `filter.from`), not cancelled unless asked: e.g. sessions with free seats at libraries. Counts, never names.",
      args: { filter: t.arg({ type: TrainingSessionFilter, required: false, description: "Narrow the list." }) },
      totalCount: async (_parent, args, ctx) => ctx.prisma.trainingSession.count({ where: await sessionsWhere(ctx.prisma, sessionFilterOf(args.filter)) }),
      resolve: async (query, _parent, args, ctx) =>
        ctx.prisma.trainingSession.findMany({
          ...query,
          where: await sessionsWhere(ctx.prisma, sessionFilterOf(args.filter)),
          orderBy: [{ groupSession: { startsAt: "asc" } }, { id: "asc" }],
        }),
    },
    { description: "A page of training sessions." },
    { description: "A training session and its cursor." },
  ),
);

const sessionSuccess = (name: string, description: string, field: string) =>
  builder.objectRef<{ sessionId: string }>(name).implement({
    description,
    fields: (f) => ({
      session: f.prismaField({
        type: "TrainingSession",
        description: field,
        resolve: (query, payload, _args, ctx) => ctx.prisma.trainingSession.findUniqueOrThrow({ ...query, where: { id: payload.sessionId } }),
      }),
    }),
  });

const sessionErrors = [NotFoundError, ForbiddenError, ConflictError, BadUserInputError];

const ScheduleTrainingSessionInput = builder.inputType("ScheduleTrainingSessionInput", {
  description: "A session of a course to schedule in a room.",
  fields: (t) => ({
    courseId: t.globalID({ required: true, for: [CourseRef], description: "The course (not archived); the session lasts its durationMinutes." }),
    roomId: t.globalID({ required: true, for: [SchedulingResourceRef], description: "The room: a resource of kind ROOM with a group appointment type, at a place of your communes." }),
    startsAt: t.field({ type: "DateTime", required: true, description: "Start of the session, in the future." }),
    capacity: t.int({ required: true, description: "Seats: 1 to 500, at most what the room's group appointment type seats.", validate: z.number().int().min(1).max(500) }),
    trainerId: t.globalID({ for: [AgentRef], description: "The agent who trains (holding the TRAINING role); absent: nobody named yet." }),
  }),
});

builder.mutationField("scheduleTrainingSession", (t) =>
  t.field({
    nullable: true,
    type: sessionSuccess("ScheduleTrainingSessionSuccess", "The session is scheduled and its room reserved.", "The new session."),
    authScopes: trainingWriters,
    errors: { types: sessionErrors },
    description:
      "Schedules a session of a course in a room (training agents covering the room's commune). ConflictError when the room is already booked at that time; BadUserInputError for an archived course, a room without a group appointment type, or a start in the past.",
    args: { input: t.arg({ type: ScheduleTrainingSessionInput, required: true, description: "The session." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const session = await scheduleTrainingSession(tx, ctx.viewer, {
          courseId: input.courseId.id,
          roomId: input.roomId.id,
          startsAt: input.startsAt,
          capacity: input.capacity,
          trainerId: input.trainerId?.id,
        });
        journal.targetIds.push(session.id, session.groupSessionId);
        return { sessionId: session.id };
      }),
  }),
);

const CancelTrainingSessionInput = builder.inputType("CancelTrainingSessionInput", {
  description: "A session to cancel, and why.",
  fields: (t) => ({
    sessionId: t.globalID({ required: true, for: [TrainingSessionRef], description: "The session, not started yet." }),
    reason: t.string({ required: true, description: "Why it is cancelled (kept with the session).", validate: z.string().trim().min(1).max(500) }),
  }),
});

builder.mutationField("cancelTrainingSession", (t) =>
  t.field({
    nullable: true,
    type: sessionSuccess("CancelTrainingSessionSuccess", "The session is cancelled: its room is free again and every enrolment is cancelled.", "The cancelled session."),
    authScopes: trainingWriters,
    errors: { types: sessionErrors },
    description: "Cancels a session that has not started (training agents covering its place). Cancelling twice changes nothing; ConflictError once it has started.",
    args: { input: t.arg({ type: CancelTrainingSessionInput, required: true, description: "The session and the reason." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const sessionId = input.sessionId.id;
        journal.targetIds.push(sessionId);
        await cancelTrainingSession(tx, ctx.viewer, sessionId, input.reason);
        return { sessionId };
      }),
  }),
);
