/**
 * Hold → confirm → cancel for capacity-1 resources. The database, not this code, guarantees that two
 * HELD/CONFIRMED bookings of one resource never overlap (booking_no_overlap, buffers included): the
 * service re-checks rules, exceptions, notice and horizon, then inserts, and an overlap comes back as
 * the constraint's violation, turned into ConflictError by withBookingConflicts.
 * Every transaction that changes a resource's bookings first takes the resource's lock
 * (lockResourceBookings): not to decide anything, only so that PostgreSQL never deadlocks checking it.
 *
 * Expired holds: the constraint cannot ignore them (an index predicate may not call now()), so each
 * hold first marks the resource's holds whose holdExpiresAt has passed EXPIRED, in the same transaction
 * as its insert. A stale hold therefore blocks nobody who tries to book, and its row says what happened.
 * sweepSchedulingExpiries (sweep.ts) does the same for every resource periodically, and passes lapsed
 * waiting-list offers on.
 *
 * A cancellation offers the freed slot to the waiting list (waitlist.service.ts) in the same transaction;
 * a reschedule is a new CONFIRMED booking plus the cancellation of the old one, also in one transaction,
 * so a failed reschedule leaves the original booking untouched.
 */
import { BadUserInputError, ConflictError, NotFoundError } from "../errors.js";
import type { Booking } from "../generated/prisma/client.js";
import type { Tx } from "../mutation.js";
import { blockedRange, checkSlot, type SlotRejection } from "./availability.js";
import { lockResourceBookings, withBookingConflicts } from "./booking-conflict.js";
import { offerFreedSlot } from "./waitlist.service.js";

export const holdMinutes = 10;

export interface BookingHolder {
  /** The resident the booking is for; null for an agent's own hold or an anonymous kiosk. */
  residentId?: string | null;
  /** The agent who books on the resident's behalf; null when the resident books. */
  bookedById?: string | null;
  /** What the person needs help with, in their words. */
  note?: string | null;
}

export interface HoldSlotInput {
  resourceId: string;
  appointmentTypeId: string;
  startsAt: Date;
  holder: BookingHolder;
}

export interface RescheduleBookingInput {
  bookingId: string;
  startsAt: Date;
  /** Another resource offering the same type; absent = the same resource. */
  resourceId?: string;
}

const rejectionMessages: Record<Exclude<SlotRejection, "BOOKED">, string> = {
  OUTSIDE_RULES: "This time is outside the resource's opening hours",
  TOO_SOON: "This time is too soon to be booked",
  BEYOND_HORIZON: "This time is too far ahead to be booked",
  EXCEPTION: "The resource is closed or absent at this time",
};

/** Marks the resource's holds that have run out EXPIRED, so that they no longer take part in the constraint. */
export async function expireStaleHolds(tx: Tx, resourceId: string, now: Date): Promise<number> {
  const { count } = await tx.booking.updateMany({
    where: { resourceId, status: "HELD", holdExpiresAt: { lte: now } },
    data: { status: "EXPIRED" },
  });
  return count;
}

/**
 * Everything but overlaps with other bookings, which are deliberately not checked here: the constraint
 * decides, atomically. Returns the row values of a booking at `startsAt` (range, buffers, place).
 */
async function bookableSlot(tx: Tx, resourceId: string, appointmentTypeId: string, startsAt: Date, now: Date) {
  const resource = await tx.schedulingResource.findUnique({
    where: { id: resourceId },
    select: { id: true, kind: true, timeZone: true, placeId: true, retiredAt: true },
  });
  if (!resource) throw new NotFoundError("SchedulingResource", resourceId);
  const appointmentType = await tx.appointmentType.findUnique({ where: { id: appointmentTypeId }, include: { resources: { select: { id: true } } } });
  if (!appointmentType) throw new NotFoundError("AppointmentType", appointmentTypeId);
  if (appointmentType.capacity !== 1) throw new BadUserInputError("Group sessions are booked by enrolment, not by slot");
  if (appointmentType.retiredAt) throw new BadUserInputError("This appointment type is no longer offered");
  if (resource.retiredAt) throw new BadUserInputError("This resource is no longer in service");
  const offered = appointmentType.resources.length
    ? appointmentType.resources.some((r) => r.id === resource.id)
    : resource.kind === appointmentType.resourceKind;
  if (!offered) throw new BadUserInputError("This resource does not offer this appointment type");

  const { slotEnd, ...blocked } = blockedRange(startsAt, appointmentType);
  const [rules, exceptions] = await Promise.all([
    tx.availabilityRule.findMany({ where: { resourceId: resource.id }, orderBy: { id: "asc" } }),
    tx.availabilityException.findMany({
      where: { resourceId: resource.id, startsAt: { lt: blocked.end }, endsAt: { gt: blocked.start } },
      select: { startsAt: true, endsAt: true },
    }),
  ]);
  const check = checkSlot(startsAt, {
    rules,
    exceptions: exceptions.map((e) => ({ start: e.startsAt, end: e.endsAt })),
    blocked: [],
    appointmentType,
    timeZone: resource.timeZone,
    now,
    homePlaceId: resource.placeId,
  });
  if (check.rejection !== null) throw new BadUserInputError(rejectionMessages[check.rejection as Exclude<SlotRejection, "BOOKED">]);
  return {
    resourceId: resource.id,
    appointmentTypeId: appointmentType.id,
    startsAt,
    endsAt: slotEnd,
    blockedFrom: blocked.start,
    blockedUntil: blocked.end,
    placeId: check.placeId ?? resource.placeId,
  };
}

/** Holds a slot for `holdMinutes`: HELD, or ConflictError when it is taken, BAD_USER_INPUT when not bookable. */
export async function holdSlot(tx: Tx, input: HoldSlotInput, now = new Date()): Promise<Booking> {
  const slot = await bookableSlot(tx, input.resourceId, input.appointmentTypeId, input.startsAt, now);
  await lockResourceBookings(tx, slot.resourceId);
  await expireStaleHolds(tx, slot.resourceId, now);
  return withBookingConflicts(() =>
    tx.booking.create({
      data: {
        ...slot,
        status: "HELD",
        holdExpiresAt: new Date(now.getTime() + holdMinutes * 60_000),
        residentId: input.holder.residentId ?? null,
        bookedById: input.holder.bookedById ?? null,
        note: input.holder.note ?? null,
      },
    }),
  );
}

async function findBooking(tx: Tx, bookingId: string) {
  const booking = await tx.booking.findUnique({ where: { id: bookingId } });
  if (!booking) throw new NotFoundError("Booking", bookingId);
  return booking;
}

/** The booking, read again once its resource's bookings are locked (lockResourceBookings) for this transaction. */
async function findBookingLocked(tx: Tx, bookingId: string, ...otherResourceIds: string[]) {
  const { resourceId } = await findBooking(tx, bookingId);
  await lockResourceBookings(tx, resourceId, ...otherResourceIds);
  return findBooking(tx, bookingId);
}

/**
 * HELD (and not expired) → CONFIRMED; a confirmed waiting-list offer makes its entry BOOKED.
 * Confirming a confirmed booking returns it unchanged.
 */
export async function confirmBooking(tx: Tx, bookingId: string, now = new Date()): Promise<Booking> {
  const booking = await findBookingLocked(tx, bookingId);
  if (booking.status === "CONFIRMED") return booking;
  if (booking.status !== "HELD") throw new ConflictError(`Booking ${bookingId} is ${booking.status}, it cannot be confirmed`);
  if (booking.holdExpiresAt && booking.holdExpiresAt <= now) {
    await tx.booking.updateMany({ where: { id: bookingId, status: "HELD" }, data: { status: "EXPIRED" } });
    throw new ConflictError(`The hold on booking ${bookingId} has expired`);
  }
  // Conditional on HELD: a concurrent cancel or expiry between the read and this write wins.
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: "HELD", holdExpiresAt: { gt: now } },
    data: { status: "CONFIRMED", holdExpiresAt: null },
  });
  if (count !== 1) throw new ConflictError(`Booking ${bookingId} changed while being confirmed`);
  await tx.waitlistEntry.updateMany({ where: { offerBookingId: bookingId, status: "OFFERED" }, data: { status: "BOOKED" } });
  return findBooking(tx, bookingId);
}

/**
 * HELD or CONFIRMED → CANCELLED (cancelledAt = now), which frees the range at once; the freed slot is
 * offered to the waiting list (`offer`). Cancelling a waiting-list offer declines it: its entry LAPSES.
 * Cancelling twice returns the booking unchanged and offers nothing.
 */
export async function cancelBooking(tx: Tx, bookingId: string, reason: string, now = new Date()): Promise<{ booking: Booking; offer: Booking | null }> {
  const booking = await findBookingLocked(tx, bookingId);
  if (booking.status === "CANCELLED") return { booking, offer: null };
  if (booking.status !== "HELD" && booking.status !== "CONFIRMED") {
    throw new ConflictError(`Booking ${bookingId} is ${booking.status}, it cannot be cancelled`);
  }
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: { in: ["HELD", "CONFIRMED"] } },
    data: { status: "CANCELLED", cancelReason: reason, cancelledAt: now, holdExpiresAt: null },
  });
  if (count !== 1) throw new ConflictError(`Booking ${bookingId} changed while being cancelled`);
  await tx.waitlistEntry.updateMany({ where: { offerBookingId: bookingId, status: "OFFERED" }, data: { status: "LAPSED" } });
  const offer = await offerFreedSlot(tx, booking, now);
  return { booking: await findBooking(tx, bookingId), offer };
}

/**
 * Moves a CONFIRMED booking: a new CONFIRMED booking (rescheduledFromId = the old one, same holder),
 * then the old one CANCELLED ("rescheduled"), in the caller's transaction. The old booking is cancelled
 * first so that the new time may overlap it; a CONFLICT on the new time rolls both back. The old slot
 * goes to the waiting list unless the new booking covers part of it.
 */
export async function rescheduleBooking(tx: Tx, input: RescheduleBookingInput, now = new Date()): Promise<Booking> {
  const old = await findBookingLocked(tx, input.bookingId, ...(input.resourceId ? [input.resourceId] : []));
  if (old.status !== "CONFIRMED") throw new ConflictError(`Booking ${old.id} is ${old.status}, only a confirmed booking can be rescheduled`);
  const slot = await bookableSlot(tx, input.resourceId ?? old.resourceId, old.appointmentTypeId, input.startsAt, now);
  const { count } = await tx.booking.updateMany({
    where: { id: old.id, status: "CONFIRMED" },
    data: { status: "CANCELLED", cancelReason: "rescheduled", cancelledAt: now },
  });
  if (count !== 1) throw new ConflictError(`Booking ${old.id} changed while being rescheduled`);
  await expireStaleHolds(tx, slot.resourceId, now);
  const moved = await withBookingConflicts(() =>
    tx.booking.create({
      data: { ...slot, status: "CONFIRMED", residentId: old.residentId, bookedById: old.bookedById, note: old.note, rescheduledFromId: old.id },
    }),
  );
  const overlapsOld = moved.resourceId === old.resourceId && moved.blockedFrom < old.blockedUntil && old.blockedFrom < moved.blockedUntil;
  if (!overlapsOld) await offerFreedSlot(tx, old, now);
  return moved;
}

/** A CONFIRMED booking whose start has passed → NO_SHOW. Marking twice returns it unchanged. */
export async function markNoShow(tx: Tx, bookingId: string, now = new Date()): Promise<Booking> {
  const booking = await findBooking(tx, bookingId);
  if (booking.status === "NO_SHOW") return booking;
  if (booking.status !== "CONFIRMED") throw new ConflictError(`Booking ${bookingId} is ${booking.status}, it cannot be marked as a no-show`);
  if (booking.startsAt.getTime() > now.getTime()) throw new BadUserInputError("The appointment has not started yet");
  const { count } = await tx.booking.updateMany({ where: { id: bookingId, status: "CONFIRMED" }, data: { status: "NO_SHOW" } });
  if (count !== 1) throw new ConflictError(`Booking ${bookingId} changed while being marked`);
  return findBooking(tx, bookingId);
}

