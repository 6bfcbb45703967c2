/**
 * Training sessions: a dated session of a course, held as a group session of the booking engine in a
 * room (capacity, waiting list, the room reserved by the no-overlap constraint). Scheduling and
 * cancelling, the conditions of the session list, and the counts that list shows, loaded for a whole
 * page at once (one grouped count, not one query per session).
 */
import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../errors.js";
import { Prisma, type GroupEnrolmentStatus, type PlaceKind, type PrismaClient, type TrainingAudience, type TrainingTheme } from "../../generated/prisma/client.js";
import type { Tx } from "../../mutation.js";
import { cancelGroupSession, createGroupSession } from "../../scheduling/index.js";
import type { Viewer } from "../identity/index.js";
import { canManageSessionAt } from "./training-session.policy.js";

const msPerMinute = 60_000;

/** A non-retired group appointment type (capacity > 1) of the room: listed on it, else of its kind listing no resource. */
async function groupAppointmentTypeOf(tx: Tx, room: { id: string; kind: "ROOM" }) {
  const types = await tx.appointmentType.findMany({
    where: {
      retiredAt: null,
      capacity: { gt: 1 },
      OR: [{ resources: { some: { id: room.id } } }, { resourceKind: room.kind, resources: { none: {} } }],
    },
    select: { id: true, capacity: true, resources: { where: { id: room.id }, select: { id: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return types.find((type) => type.resources.length > 0) ?? types[0] ?? null;
}

export interface ScheduleInput {
  courseId: string;
  roomId: string;
  startsAt: Date;
  capacity: number;
  trainerId?: string | null;
}

/**
 * Schedules a session of a course in a room, for the course's duration. The room must be one the agent
 * manages, and have a group appointment type (its buffers keep the room free around the session; its
 * capacity is the most the room seats). CONFLICT when the room is already booked at that time.
 */
export async function scheduleTrainingSession(tx: Tx, viewer: Viewer, input: ScheduleInput, now = new Date()) {
  const course = await tx.course.findUnique({ where: { id: input.courseId }, select: { id: true, durationMinutes: true, archivedAt: true } });
  if (!course) throw new NotFoundError("Course", input.courseId);
  const room = await tx.schedulingResource.findUnique({
    where: { id: input.roomId },
    select: { id: true, kind: true, place: { select: { communeId: true } } },
  });
  if (!room) throw new NotFoundError("SchedulingResource", input.roomId);
  if (room.kind !== "ROOM") throw new BadUserInputError("A training session takes place in a resource of kind ROOM");
  if (!canManageSessionAt(viewer, room.place)) throw new ForbiddenError("Your roles do not cover the commune of this room");
  if (course.archivedAt) throw new BadUserInputError("This course is archived: it takes no new session");
  if (input.trainerId) {
    const trainer = await tx.agent.findUnique({ where: { id: input.trainerId }, select: { disabledAt: true, roleGrants: { where: { role: "TRAINING" }, select: { id: true } } } });
    if (!trainer) throw new NotFoundError("Agent", input.trainerId);
    if (trainer.disabledAt || trainer.roleGrants.length === 0) throw new BadUserInputError("The trainer must be an active agent holding the TRAINING role");
  }
  const type = await groupAppointmentTypeOf(tx, { id: room.id, kind: room.kind });
  if (!type) throw new BadUserInputError("This room offers no group appointment type (capacity above 1): it cannot host a session");
  if (input.capacity > type.capacity) throw new BadUserInputError(`This room seats at most ${type.capacity} people`);
  const group = await createGroupSession(
    tx,
    {
      roomId: room.id,
      appointmentTypeId: type.id,
      startsAt: input.startsAt,
      endsAt: new Date(input.startsAt.getTime() + course.durationMinutes * msPerMinute),
      capacity: input.capacity,
    },
    now,
  );
  return tx.trainingSession.create({ data: { courseId: course.id, groupSessionId: group.id, trainerId: input.trainerId ?? null } });
}

/** A session and its room's place, for the checks of the agents who manage it. */
export async function findSession(tx: Tx, sessionId: string) {
  const session = await tx.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      groupSessionId: true,
      groupSession: { select: { startsAt: true, cancelledAt: true, resource: { select: { place: { select: { communeId: true } } } } } },
    },
  });
  if (!session) throw new NotFoundError("TrainingSession", sessionId);
  return { ...session, place: session.groupSession.resource.place };
}

export async function findSessionToManage(tx: Tx, viewer: Viewer, sessionId: string) {
  const session = await findSession(tx, sessionId);
  if (!canManageSessionAt(viewer, session.place)) throw new ForbiddenError("Your roles do not cover the commune of this session's place");
  return session;
}

/** Cancels a session that has not started: its room is freed and every enrolment cancelled. */
export async function cancelTrainingSession(tx: Tx, viewer: Viewer, sessionId: string, reason: string, now = new Date()) {
  const session = await findSessionToManage(tx, viewer, sessionId);
  await cancelGroupSession(tx, session.groupSessionId, reason, now);
  return session;
}

export interface SessionFilter {
  from?: Date | null;
  to?: Date | null;
  courseIds?: readonly string[] | null;
  placeIds?: readonly string[] | null;
  placeKinds?: readonly PlaceKind[] | null;
  communeIds?: readonly string[] | null;
  themes?: readonly TrainingTheme[] | null;
  audience?: TrainingAudience | null;
  hasFreePlaces?: boolean | null;
  includeCancelled?: boolean | null;
}

/**
 * Group sessions starting in [from, to) that have no free place: cancelled, or every seat ENROLLED or
 * OFFERED. One statement; the hasFreePlaces filter keeps or drops them.
 */
async function sessionsWithoutFreePlaces(prisma: PrismaClient, from: Date, to: Date | null): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT gs."id"::text AS "id" FROM "GroupSession" gs
    WHERE gs."startsAt" >= ${from} ${to ? Prisma.sql`AND gs."startsAt" < ${to}` : Prisma.empty}
      AND (gs."cancelledAt" IS NOT NULL OR gs."capacity" <= (
        SELECT count(*) FROM "GroupEnrolment" e WHERE e."groupSessionId" = gs."id" AND e."status" IN ('ENROLLED', 'OFFERED')))`;
  return rows.map((row) => row.id);
}

/** The conditions of the session list (sessions starting from `from`, default now). */
export async function sessionsWhere(prisma: PrismaClient, filter: SessionFilter | null | undefined, now = new Date()): Promise<Prisma.TrainingSessionWhereInput> {
  const from = filter?.from ?? now;
  const to = filter?.to ?? null;
  const place: Prisma.PlaceWhereInput = {
    ...(filter?.placeIds ? { id: { in: [...filter.placeIds] } } : {}),
    ...(filter?.placeKinds ? { kind: { in: [...filter.placeKinds] } } : {}),
    ...(filter?.communeIds ? { communeId: { in: [...filter.communeIds] } } : {}),
  };
  const full = filter?.hasFreePlaces == null ? null : await sessionsWithoutFreePlaces(prisma, from, to);
  return {
    AND: [
      {
        groupSession: {
          startsAt: { gte: from, ...(to ? { lt: to } : {}) },
          ...(filter?.includeCancelled ? {} : { cancelledAt: null }),
          resource: { place },
        },
      },
      filter?.courseIds ? { courseId: { in: [...filter.courseIds] } } : {},
      filter?.themes?.length ? { course: { themes: { hasSome: [...filter.themes] } } } : {},
      filter?.audience ? { course: { audience: filter.audience } } : {},
      full === null ? {} : filter?.hasFreePlaces ? { groupSessionId: { notIn: full } } : { groupSessionId: { in: full } },
    ],
  };
}

export interface SeatCounts {
  enrolled: number;
  offered: number;
  waitlisted: number;
}

const noSeats: SeatCounts = { enrolled: 0, offered: 0, waitlisted: 0 };

/** ENROLLED, OFFERED and WAITLISTED counts of the group sessions asked for together: one grouped count. */
async function loadSeatCounts(prisma: PrismaClient, groupSessionIds: string[]): Promise<Map<string, SeatCounts>> {
  const groups = await prisma.groupEnrolment.groupBy({
    by: ["groupSessionId", "status"],
    where: { groupSessionId: { in: groupSessionIds }, status: { in: ["ENROLLED", "OFFERED", "WAITLISTED"] } },
    _count: { _all: true },
  });
  const counts = new Map<string, SeatCounts>();
  const key: Record<Exclude<GroupEnrolmentStatus, "CANCELLED">, keyof SeatCounts> = { ENROLLED: "enrolled", OFFERED: "offered", WAITLISTED: "waitlisted" };
  for (const group of groups) {
    if (group.status === "CANCELLED") continue;
    const current = counts.get(group.groupSessionId) ?? { ...noSeats };
    current[key[group.status]] = group._count._all;
    counts.set(group.groupSessionId, current);
  }
  return counts;
}

/** Per request, the seat counts of every session of the page, asked for together (one grouped count). */
const seatLoader = createContextCache((ctx: { prisma: PrismaClient }) =>
  new DataLoader<string, SeatCounts>(async (ids) => {
    const counts = await loadSeatCounts(ctx.prisma, [...ids]);
    return ids.map((id) => counts.get(id) ?? noSeats);
  }),
);

export function seatCountsOf(ctx: { prisma: PrismaClient }, groupSessionId: string): Promise<SeatCounts> {
  return seatLoader(ctx).load(groupSessionId);
}

/** 1-based places on their session's waiting list (createdAt, then id: the engine's offer order) of WAITLISTED enrolments. */
async function loadWaitlistPositions(prisma: PrismaClient, enrolmentIds: string[]): Promise<Map<string, number | null>> {
  const ids = Prisma.join(enrolmentIds.map((id) => Prisma.sql`${id}::uuid`));
  const rows = await prisma.$queryRaw<{ id: string; position: number }[]>`
    SELECT ranked."id"::text AS "id", ranked."position"::int AS "position" FROM (
      SELECT e."id", row_number() OVER (PARTITION BY e."groupSessionId" ORDER BY e."createdAt", e."id") AS "position"
      FROM "GroupEnrolment" e
      WHERE e."status" = 'WAITLISTED' AND e."groupSessionId" IN (SELECT "groupSessionId" FROM "GroupEnrolment" WHERE "id" IN (${ids}))
    ) ranked
    WHERE ranked."id" IN (${ids})`;
  return new Map(rows.map((row) => [row.id, Number(row.position)]));
}

/** Per request, the waiting-list positions of every enrolment of the list, in one query. */
const positionLoader = createContextCache((ctx: { prisma: PrismaClient }) =>
  new DataLoader<string, number | null>(async (ids) => {
    const positions = await loadWaitlistPositions(ctx.prisma, [...ids]);
    return ids.map((id) => positions.get(id) ?? null);
  }),
);

export function waitlistPositionOf(ctx: { prisma: PrismaClient }, enrolmentId: string): Promise<number | null> {
  return positionLoader(ctx).load(enrolmentId);
}
