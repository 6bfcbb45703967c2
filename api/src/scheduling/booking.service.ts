/**
 * Hold → confirm → cancel for capacity-1 resources. The database, not this code, guarantees that two
 * HELD/CONFIRMED bookings of one resource never overlap (booking_no_overlap, buffers included): the
 * service re-checks rules, exceptions, notice and horizon, then inserts, and an overlap comes back as
 * the constraint's violation, turned into ConflictError by withBookingConflicts.
 *
 * Expired holds: the constraint cannot ignore them (an index predicate may not call now()), so each
 * hold first marks the resource's holds whose holdExpiresAt has passed EXPIRED, in the same transaction
 * as its insert. A stale hold therefore blocks nobody who tries to book, and its row says what happened.
 */
import { BadUserInputError, ConflictError, NotFoundError } from "../errors.js";
import type { Tx } from "../mutation.js";
import { blockedRange, slotRejection, type SlotRejection } from "./availability.js";
import { withBookingConflicts } from "./booking-conflict.js";

export const holdMinutes = 10;

export interface BookingHolder {
  /** The resident the booking is for; null for an agent's own hold or an anonymous kiosk. */
  residentId?: string | null;
}

export interface HoldSlotInput {
  resourceId: string;
  appointmentTypeId: string;
  startsAt: Date;
  holder: BookingHolder;
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

/** Holds a slot for `holdMinutes`: HELD, or ConflictError when it is taken, BAD_USER_INPUT when not bookable. */
export async function holdSlot(tx: Tx, input: HoldSlotInput, now = new Date()) {
  const resource = await tx.schedulingResource.findUnique({
    where: { id: input.resourceId },
    select: { id: true, timeZone: true, placeId: true },
  });
  if (!resource) throw new NotFoundError("SchedulingResource", input.resourceId);
  const appointmentType = await tx.appointmentType.findUnique({ where: { id: input.appointmentTypeId } });
  if (!appointmentType) throw new NotFoundError("AppointmentType", input.appointmentTypeId);
  if (appointmentType.capacity !== 1) throw new BadUserInputError("Group sessions are booked by enrolment, not by slot");

  const { slotEnd, ...blocked } = blockedRange(input.startsAt, appointmentType);
  const [rules, exceptions] = await Promise.all([
    tx.availabilityRule.findMany({ where: { resourceId: resource.id } }),
    tx.availabilityException.findMany({
      where: { resourceId: resource.id, startsAt: { lt: blocked.end }, endsAt: { gt: blocked.start } },
      select: { startsAt: true, endsAt: true },
    }),
  ]);
  // Overlaps with other bookings are deliberately not checked here: the constraint decides, atomically.
  const rejection = slotRejection(input.startsAt, {
    rules,
    exceptions: exceptions.map((e) => ({ start: e.startsAt, end: e.endsAt })),
    blocked: [],
    appointmentType,
    timeZone: resource.timeZone,
    now,
  });
  if (rejection && rejection !== "BOOKED") throw new BadUserInputError(rejectionMessages[rejection]);

  await expireStaleHolds(tx, resource.id, now);
  return withBookingConflicts(() =>
    tx.booking.create({
      data: {
        resourceId: resource.id,
        appointmentTypeId: appointmentType.id,
        startsAt: input.startsAt,
        endsAt: slotEnd,
        blockedFrom: blocked.start,
        blockedUntil: blocked.end,
        status: "HELD",
        holdExpiresAt: new Date(now.getTime() + holdMinutes * 60_000),
        placeId: resource.placeId,
        residentId: input.holder.residentId ?? null,
      },
    }),
  );
}

async function findBooking(tx: Tx, bookingId: string) {
  const booking = await tx.booking.findUnique({ where: { id: bookingId } });
  if (!booking) throw new NotFoundError("Booking", bookingId);
  return booking;
}

/** HELD (and not expired) → CONFIRMED. Confirming a confirmed booking returns it unchanged. */
export async function confirmBooking(tx: Tx, bookingId: string, now = new Date()) {
  const booking = await findBooking(tx, bookingId);
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
  return findBooking(tx, bookingId);
}

/** HELD or CONFIRMED → CANCELLED, which frees the range at once. Cancelling twice is a no-op. */
export async function cancelBooking(tx: Tx, bookingId: string, reason: string) {
  const booking = await findBooking(tx, bookingId);
  if (booking.status === "CANCELLED") return booking;
  if (booking.status !== "HELD" && booking.status !== "CONFIRMED") {
    throw new ConflictError(`Booking ${bookingId} is ${booking.status}, it cannot be cancelled`);
  }
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: { in: ["HELD", "CONFIRMED"] } },
    data: { status: "CANCELLED", cancelReason: reason, holdExpiresAt: null },
  });
  if (count !== 1) throw new ConflictError(`Booking ${bookingId} changed while being cancelled`);
  return findBooking(tx, bookingId);
}
