/**
 * Group sessions (capacity N) in a room: enrol → ENROLLED while seats remain, else WAITLISTED. A freed
 * seat is not given outright: the first waitlisted resident gets an offer (OFFERED, kept until
 * min(now + groupOfferHours, session start)), which they accept (ENROLLED) or let lapse (CANCELLED
 * "offer expired", and the seat goes to the next, by sweepSchedulingExpiries). An OFFERED seat counts as
 * taken, so a newcomer cannot take the seat someone has been offered.
 *
 * Every change to a session's seats locks the session row first (SELECT … FOR UPDATE), so concurrent
 * enrolments of one session run one after another and the seat count read under the lock is exact.
 * On PGlite (one connection) transactions are serial anyway; the lock is what makes PostgreSQL with
 * several API instances right.
 *
 * The room itself is reserved by an ordinary CONFIRMED booking of the room resource (session ± the
 * type's buffers), so the booking_no_overlap constraint keeps two sessions, or a session and a
 * capacity-1 booking, off the same room at the same time.
 */
import { BadUserInputError, ConflictError, NotFoundError } from "../errors.js";
import type { GroupEnrolment, GroupSession } from "../generated/prisma/client.js";
import type { Tx } from "../mutation.js";
import { lockResourceBookings, withBookingConflicts } from "./booking-conflict.js";

export const groupOfferHours = 48;
const msPerHour = 3_600_000;
const msPerMinute = 60_000;

/** People, not rooms: these kinds cannot host a group session. */
const nonRoomKinds = new Set(["ADVISOR", "PRACTITIONER"]);

export interface CreateGroupSessionInput {
  roomId: string;
  appointmentTypeId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface EnrolInGroupSessionInput {
  groupSessionId: string;
  residentId: string;
  /** The agent who enrols the resident on their behalf; null when the resident enrols. */
  enrolledById?: string | null;
}

interface LockedSession {
  capacity: number;
  startsAt: Date;
  cancelledAt: Date | null;
}

/** Locks the session row for the rest of the transaction. */
async function lockGroupSession(tx: Tx, groupSessionId: string): Promise<LockedSession> {
  const rows = await tx.$queryRaw<LockedSession[]>`
    SELECT "capacity", "startsAt", "cancelledAt" FROM "GroupSession" WHERE "id" = ${groupSessionId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFoundError("GroupSession", groupSessionId);
  return row;
}

/** Reserves the room (CONFLICT if it is taken) and creates the session. */
export async function createGroupSession(tx: Tx, input: CreateGroupSessionInput, now = new Date()): Promise<GroupSession> {
  if (!Number.isInteger(input.capacity) || input.capacity < 1) throw new BadUserInputError("The capacity must be a whole number of at least 1");
  if (input.startsAt.getTime() >= input.endsAt.getTime()) throw new BadUserInputError("A session must end after it starts");
  if (input.startsAt.getTime() <= now.getTime()) throw new BadUserInputError("A session cannot start in the past");
  const room = await tx.schedulingResource.findUnique({ where: { id: input.roomId }, select: { id: true, kind: true, placeId: true, retiredAt: true } });
  if (!room) throw new NotFoundError("SchedulingResource", input.roomId);
  if (nonRoomKinds.has(room.kind)) throw new BadUserInputError("A group session takes place in a room or on equipment, not with a person as its resource");
  if (room.retiredAt) throw new BadUserInputError("This room is no longer in service");
  const appointmentType = await tx.appointmentType.findUnique({ where: { id: input.appointmentTypeId } });
  if (!appointmentType) throw new NotFoundError("AppointmentType", input.appointmentTypeId);
  if (appointmentType.retiredAt) throw new BadUserInputError("This appointment type is no longer offered");

  const blockedFrom = new Date(input.startsAt.getTime() - appointmentType.bufferBeforeMinutes * msPerMinute);
  const blockedUntil = new Date(input.endsAt.getTime() + appointmentType.bufferAfterMinutes * msPerMinute);
  const closure = await tx.availabilityException.findFirst({
    where: { resourceId: room.id, startsAt: { lt: blockedUntil }, endsAt: { gt: blockedFrom } },
    select: { reason: true },
  });
  if (closure) throw new BadUserInputError(`The room is closed at this time (${closure.reason})`);
  await lockResourceBookings(tx, room.id);
  // A stale hold of the room must not block the session (see booking.service.ts).
  await tx.booking.updateMany({ where: { resourceId: room.id, status: "HELD", holdExpiresAt: { lte: now } }, data: { status: "EXPIRED" } });
  const roomBooking = await withBookingConflicts(() =>
    tx.booking.create({
      data: {
        resourceId: room.id,
        appointmentTypeId: appointmentType.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        blockedFrom,
        blockedUntil,
        placeId: room.placeId,
        status: "CONFIRMED",
      },
    }),
  );
  return tx.groupSession.create({
    data: {
      resourceId: room.id,
      appointmentTypeId: appointmentType.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      capacity: input.capacity,
      roomBookingId: roomBooking.id,
    },
  });
}

/** Cancels a session that has not started: frees the room, cancels every enrolment. Twice = unchanged. */
export async function cancelGroupSession(tx: Tx, groupSessionId: string, reason: string, now = new Date()): Promise<GroupSession> {
  const session = await lockGroupSession(tx, groupSessionId);
  if (session.cancelledAt) return tx.groupSession.findUniqueOrThrow({ where: { id: groupSessionId } });
  if (session.startsAt.getTime() <= now.getTime()) throw new ConflictError("This session has already started, it cannot be cancelled");
  const cancelled = await tx.groupSession.update({ where: { id: groupSessionId }, data: { cancelledAt: now, cancelReason: reason } });
  if (cancelled.roomBookingId) {
    await tx.booking.updateMany({
      where: { id: cancelled.roomBookingId, status: { in: ["HELD", "CONFIRMED"] } },
      data: { status: "CANCELLED", cancelReason: reason, cancelledAt: now, holdExpiresAt: null },
    });
  }
  await tx.groupEnrolment.updateMany({
    where: { groupSessionId, status: { not: "CANCELLED" } },
    data: { status: "CANCELLED", cancelReason: reason, offerExpiresAt: null },
  });
  return cancelled;
}

/** ENROLLED while ENROLLED + OFFERED < capacity, else WAITLISTED. A cancelled or started session refuses. */
export async function enrolInGroupSession(tx: Tx, input: EnrolInGroupSessionInput, now = new Date()): Promise<GroupEnrolment> {
  const session = await lockGroupSession(tx, input.groupSessionId);
  if (session.cancelledAt) throw new ConflictError("This session has been cancelled");
  if (session.startsAt.getTime() <= now.getTime()) throw new BadUserInputError("This session has already started");
  const existing = await tx.groupEnrolment.findUnique({
    where: { groupSessionId_residentId: { groupSessionId: input.groupSessionId, residentId: input.residentId } },
  });
  if (existing && existing.status !== "CANCELLED") throw new ConflictError("This resident is already enrolled or waitlisted");
  const taken = await tx.groupEnrolment.count({ where: { groupSessionId: input.groupSessionId, status: { in: ["ENROLLED", "OFFERED"] } } });
  const status = taken < session.capacity ? "ENROLLED" : "WAITLISTED";
  const enrolledById = input.enrolledById ?? null;
  if (existing) {
    // Coming back after a cancellation: back of the queue.
    return tx.groupEnrolment.update({
      where: { id: existing.id },
      data: { status, enrolledById, cancelReason: null, offerExpiresAt: null, attendance: null, createdAt: now },
    });
  }
  return tx.groupEnrolment.create({ data: { groupSessionId: input.groupSessionId, residentId: input.residentId, enrolledById, status } });
}

/**
 * Offers the session's free seat to the first WAITLISTED resident (createdAt order), if the session is
 * still to come. The caller holds the session lock.
 */
async function offerSeat(tx: Tx, groupSessionId: string, session: LockedSession, now: Date): Promise<GroupEnrolment | null> {
  if (session.cancelledAt || session.startsAt.getTime() <= now.getTime()) return null;
  const taken = await tx.groupEnrolment.count({ where: { groupSessionId, status: { in: ["ENROLLED", "OFFERED"] } } });
  if (taken >= session.capacity) return null;
  const next = await tx.groupEnrolment.findFirst({
    where: { groupSessionId, status: "WAITLISTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (!next) return null;
  const offerExpiresAt = new Date(Math.min(now.getTime() + groupOfferHours * msPerHour, session.startsAt.getTime()));
  return tx.groupEnrolment.update({ where: { id: next.id }, data: { status: "OFFERED", offerExpiresAt } });
}

async function lockEnrolment(tx: Tx, enrolmentId: string) {
  const enrolment = await tx.groupEnrolment.findUnique({ where: { id: enrolmentId }, select: { groupSessionId: true } });
  if (!enrolment) throw new NotFoundError("GroupEnrolment", enrolmentId);
  const session = await lockGroupSession(tx, enrolment.groupSessionId);
  // Read again under the lock: what was read before it may have changed.
  const current = await tx.groupEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
  return { session, current };
}

/** Cancels an enrolment; a freed seat (ENROLLED or OFFERED) is offered to the first waitlisted resident. */
export async function cancelGroupEnrolment(
  tx: Tx,
  enrolmentId: string,
  reason: string,
  now = new Date(),
): Promise<{ cancelled: GroupEnrolment; offered: GroupEnrolment | null }> {
  const { session, current } = await lockEnrolment(tx, enrolmentId);
  if (current.status === "CANCELLED") return { cancelled: current, offered: null };
  const cancelled = await tx.groupEnrolment.update({
    where: { id: enrolmentId },
    data: { status: "CANCELLED", cancelReason: reason, offerExpiresAt: null },
  });
  const freedSeat = current.status === "ENROLLED" || current.status === "OFFERED";
  return { cancelled, offered: freedSeat ? await offerSeat(tx, current.groupSessionId, session, now) : null };
}

/** OFFERED and not expired → ENROLLED; accepting twice returns the enrolment; anything else is a CONFLICT. */
export async function acceptGroupOffer(tx: Tx, enrolmentId: string, now = new Date()): Promise<GroupEnrolment> {
  const { current } = await lockEnrolment(tx, enrolmentId);
  if (current.status === "ENROLLED") return current;
  if (current.status !== "OFFERED") throw new ConflictError(`This enrolment is ${current.status}, there is no offer to accept`);
  if (!current.offerExpiresAt || current.offerExpiresAt.getTime() <= now.getTime()) throw new ConflictError("This offer has expired");
  return tx.groupEnrolment.update({ where: { id: enrolmentId }, data: { status: "ENROLLED", offerExpiresAt: null } });
}

/**
 * An OFFERED enrolment whose offer has run out → CANCELLED ("offer expired"), and the seat offered to
 * the next. Returns null when it was no longer an expired offer (accepted or cancelled meanwhile).
 */
export async function lapseGroupOffer(tx: Tx, enrolmentId: string, now: Date): Promise<{ lapsed: GroupEnrolment; offered: GroupEnrolment | null } | null> {
  const { session, current } = await lockEnrolment(tx, enrolmentId);
  if (current.status !== "OFFERED" || !current.offerExpiresAt || current.offerExpiresAt.getTime() > now.getTime()) return null;
  const lapsed = await tx.groupEnrolment.update({
    where: { id: enrolmentId },
    data: { status: "CANCELLED", cancelReason: "offer expired", offerExpiresAt: null },
  });
  return { lapsed, offered: await offerSeat(tx, current.groupSessionId, session, now) };
}
