/**
 * Enrolments in training sessions as callers make them: a resident for themself, or an agent who manages
 * the session on a resident's behalf (journaled as such); then the booking engine's group-session
 * functions do the seat counting under the session's row lock. Attendance is recorded by those agents
 * once the session has started.
 */
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { AttendanceStatus } from "../../generated/prisma/client.js";
import type { Tx } from "../../mutation.js";
import { acceptGroupOffer, cancelGroupEnrolment, enrolInGroupSession } from "../../scheduling/index.js";
import { assertCanActForResident, canViewResident, type Viewer } from "../identity/index.js";
import { canManageSessionAt, canViewEnrolment } from "./training-session.policy.js";
import { findSession, findSessionToManage } from "./training-session.service.js";

/**
 * The resident enrolled: the resident themself (residentId omitted or their own), or, for an agent, the
 * resident named (required), whom the agent must be allowed to act for. A resident the viewer may not
 * see is NOT_FOUND, as if it did not exist.
 */
async function residentActedFor(tx: Tx, viewer: Viewer, residentId: string | null | undefined) {
  if (viewer.kind === "resident" && (!residentId || residentId === viewer.residentId)) {
    return { residentId: viewer.residentId, enrolledById: null, onBehalfOfResidentId: null };
  }
  if (viewer.kind !== "agent") throw new NotFoundError("Resident", residentId ?? "");
  if (!residentId) throw new BadUserInputError("residentId is required when an agent enrols a resident");
  const resident = await tx.resident.findUnique({ where: { id: residentId }, select: { id: true, communeId: true } });
  if (!resident || !canViewResident(viewer, resident)) throw new NotFoundError("Resident", residentId);
  return { residentId, enrolledById: viewer.agentId, onBehalfOfResidentId: assertCanActForResident(viewer, resident) };
}

export interface EnrolInput {
  sessionId: string;
  residentId?: string | null;
}

/** ENROLLED while seats remain, else WAITLISTED (at the end of the waiting list). */
export async function enrolFor(tx: Tx, viewer: Viewer, input: EnrolInput, now = new Date()) {
  const session = await findSession(tx, input.sessionId);
  const holder = await residentActedFor(tx, viewer, input.residentId);
  if (viewer.kind === "agent" && !canManageSessionAt(viewer, session.place)) {
    throw new ForbiddenError("Your roles do not cover the commune of this session's place");
  }
  const enrolment = await enrolInGroupSession(
    tx,
    { groupSessionId: session.groupSessionId, residentId: holder.residentId, enrolledById: holder.enrolledById },
    now,
  );
  return { enrolment, onBehalfOfResidentId: holder.onBehalfOfResidentId };
}

/**
 * An enrolment the viewer is about to change. Not visible to the viewer: NOT_FOUND. Visible but not
 * theirs to change (an administrator, or an agent who may not act for its resident): FORBIDDEN.
 */
async function enrolmentToChange(tx: Tx, viewer: Viewer, enrolmentId: string) {
  const enrolment = await tx.groupEnrolment.findUnique({
    where: { id: enrolmentId },
    select: {
      id: true,
      residentId: true,
      resident: { select: { id: true, communeId: true } },
      groupSession: { select: { startsAt: true, resource: { select: { place: { select: { communeId: true } } } } } },
    },
  });
  const place = enrolment?.groupSession.resource.place;
  if (!enrolment || !place || !canViewEnrolment(viewer, { residentId: enrolment.residentId, place })) throw new NotFoundError("Enrolment", enrolmentId);
  if (viewer.kind === "resident") return { enrolment, onBehalfOfResidentId: null };
  if (!canManageSessionAt(viewer, place)) throw new ForbiddenError("Your roles do not let you change this enrolment");
  return { enrolment, onBehalfOfResidentId: assertCanActForResident(viewer, enrolment.resident) };
}

/** Cancels an enrolment before its session starts; a freed seat is offered to the first on the waiting list. */
export async function cancelEnrolmentFor(tx: Tx, viewer: Viewer, enrolmentId: string, reason: string, now = new Date()) {
  const { enrolment, onBehalfOfResidentId } = await enrolmentToChange(tx, viewer, enrolmentId);
  if (enrolment.groupSession.startsAt.getTime() <= now.getTime()) {
    throw new ConflictError("This session has already started: record the attendance instead");
  }
  const { cancelled, offered } = await cancelGroupEnrolment(tx, enrolmentId, reason, now);
  return { cancelled, offered, place: enrolment.groupSession.resource.place, onBehalfOfResidentId };
}

/** OFFERED → ENROLLED, before the offer expires. */
export async function acceptEnrolmentOfferFor(tx: Tx, viewer: Viewer, enrolmentId: string, now = new Date()) {
  const { onBehalfOfResidentId } = await enrolmentToChange(tx, viewer, enrolmentId);
  return { enrolment: await acceptGroupOffer(tx, enrolmentId, now), onBehalfOfResidentId };
}

export interface AttendanceInput {
  enrolmentId: string;
  attendance: AttendanceStatus;
}

/**
 * Records who came, once the session has started (BAD_USER_INPUT before), for ENROLLED enrolments of
 * this session only. All or nothing: an enrolment cancelled meanwhile is a CONFLICT and nothing is written.
 */
export async function recordAttendanceFor(tx: Tx, viewer: Viewer, sessionId: string, attendances: readonly AttendanceInput[], now = new Date()) {
  const session = await findSessionToManage(tx, viewer, sessionId);
  if (session.groupSession.cancelledAt) throw new BadUserInputError("This session was cancelled");
  if (session.groupSession.startsAt.getTime() > now.getTime()) throw new BadUserInputError("Attendance can be recorded once the session has started");
  const ids = attendances.map((a) => a.enrolmentId);
  if (new Set(ids).size !== ids.length) throw new BadUserInputError("An enrolment is listed twice");
  const enrolments = await tx.groupEnrolment.findMany({ where: { id: { in: ids } }, select: { id: true, groupSessionId: true, status: true } });
  for (const id of ids) {
    const enrolment = enrolments.find((e) => e.id === id);
    if (!enrolment || enrolment.groupSessionId !== session.groupSessionId) throw new BadUserInputError(`Enrolment ${id} is not an enrolment of this session`);
    if (enrolment.status !== "ENROLLED") throw new BadUserInputError(`Enrolment ${id} is ${enrolment.status}: only ENROLLED residents have an attendance`);
  }
  const byStatus = new Map<AttendanceStatus, string[]>();
  for (const { enrolmentId, attendance } of attendances) byStatus.set(attendance, [...(byStatus.get(attendance) ?? []), enrolmentId]);
  for (const [attendance, enrolmentIds] of byStatus) {
    const { count } = await tx.groupEnrolment.updateMany({
      where: { id: { in: enrolmentIds }, groupSessionId: session.groupSessionId, status: "ENROLLED" },
      data: { attendance },
    });
    if (count !== enrolmentIds.length) throw new ConflictError("An enrolment changed while the attendance was recorded");
  }
  return session;
}
