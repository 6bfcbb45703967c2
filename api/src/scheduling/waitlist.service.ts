/**
 * Waiting lists of capacity-1 slots. A resident waits for an appointment type (on one resource, or any)
 * between two instants; when a booking in that window is cancelled, the first WAITING entry in createdAt
 * order gets the freed slot as a hold: an offer, kept until min(now + waitlistOfferHours, slot start).
 * Confirming the hold books it (entry BOOKED); letting it run out or declining it lapses the entry
 * (LAPSED) and the slot goes to the next entry (sweepSchedulingExpiries, cancelBooking).
 *
 * The offer takes the freed booking's own range (buffers included), inserted in the same transaction
 * as the cancellation: the EXCLUDE constraint still guards it, and nobody can slip in between.
 * An entry is claimed by a conditional update (WAITING → OFFERED), so two cancellations running at the
 * same time never offer two slots to one entry.
 */
import { BadUserInputError, ConflictError, NotFoundError } from "../errors.js";
import type { Tx } from "../mutation.js";
import type { Booking } from "../generated/prisma/client.js";
import { lockResourceBookings, withBookingConflicts } from "./booking-conflict.js";

export const waitlistOfferHours = 24;
const msPerHour = 3_600_000;
const msPerDay = 24 * msPerHour;

export interface JoinWaitlistInput {
  appointmentTypeId: string;
  /** Only this resource; null or absent = any resource offering the type. */
  resourceId?: string | null;
  residentId: string;
  wantedFrom: Date;
  wantedUntil: Date;
}

/** The freed range of a cancelled booking, as the offer will hold it. */
type FreedSlot = Pick<Booking, "resourceId" | "appointmentTypeId" | "startsAt" | "endsAt" | "blockedFrom" | "blockedUntil" | "placeId" | "residentId">;

/**
 * Offers a freed slot to the first matching WAITING entry: a HELD booking for its resident, the entry
 * OFFERED. Returns the offer, or null when nobody waits for it or the slot has already started.
 */
export async function offerFreedSlot(tx: Tx, slot: FreedSlot, now: Date): Promise<Booking | null> {
  if (slot.startsAt.getTime() <= now.getTime()) return null;
  await lockResourceBookings(tx, slot.resourceId);
  // A released offer's range may have been taken since its hold expired (an expired hold blocks nobody).
  await tx.booking.updateMany({ where: { resourceId: slot.resourceId, status: "HELD", holdExpiresAt: { lte: now } }, data: { status: "EXPIRED" } });
  const taken = await tx.booking.count({
    where: { resourceId: slot.resourceId, status: { in: ["HELD", "CONFIRMED"] }, blockedFrom: { lt: slot.blockedUntil }, blockedUntil: { gt: slot.blockedFrom } },
  });
  if (taken > 0) return null;
  const tried: string[] = [];
  for (;;) {
    const entry = await tx.waitlistEntry.findFirst({
      where: {
        status: "WAITING",
        appointmentTypeId: slot.appointmentTypeId,
        OR: [{ resourceId: null }, { resourceId: slot.resourceId }],
        wantedFrom: { lte: slot.startsAt },
        wantedUntil: { gte: slot.endsAt },
        // The person who just gave the slot up is not offered it back.
        ...(slot.residentId ? { residentId: { not: slot.residentId } } : {}),
        id: { notIn: tried },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    if (!entry) return null;
    tried.push(entry.id);
    const offer = await withBookingConflicts(() =>
      tx.booking.create({
        data: {
          resourceId: slot.resourceId,
          appointmentTypeId: slot.appointmentTypeId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          blockedFrom: slot.blockedFrom,
          blockedUntil: slot.blockedUntil,
          placeId: slot.placeId,
          status: "HELD",
          holdExpiresAt: new Date(Math.min(now.getTime() + waitlistOfferHours * msPerHour, slot.startsAt.getTime())),
          residentId: entry.residentId,
        },
      }),
    );
    // The hold exists before the entry is claimed: an OFFERED entry always names its offer (waitlist_entry_check).
    const claimed = await tx.waitlistEntry.updateMany({ where: { id: entry.id, status: "WAITING" }, data: { status: "OFFERED", offerBookingId: offer.id } });
    if (claimed.count === 1) return offer;
    // Another transaction offered this entry something in the meantime: give the hold to the next one.
    await tx.booking.delete({ where: { id: offer.id } });
  }
}

/**
 * Puts a resident on the waiting list. BAD_USER_INPUT for an empty or past window, or one that starts
 * beyond the type's booking horizon (nothing in it could be booked yet); CONFLICT when the resident
 * already waits (or has an offer) for the same type and resource.
 */
export async function joinWaitlist(tx: Tx, input: JoinWaitlistInput, now = new Date()) {
  if (input.wantedFrom.getTime() >= input.wantedUntil.getTime()) throw new BadUserInputError("The wanted window is empty");
  if (input.wantedUntil.getTime() <= now.getTime()) throw new BadUserInputError("The wanted window is over");
  const appointmentType = await tx.appointmentType.findUnique({ where: { id: input.appointmentTypeId }, include: { resources: { select: { id: true } } } });
  if (!appointmentType || appointmentType.retiredAt) throw new NotFoundError("AppointmentType", input.appointmentTypeId);
  if (appointmentType.capacity !== 1) throw new BadUserInputError("Group sessions have their own waiting list (enrolment)");
  if (input.wantedFrom.getTime() > now.getTime() + appointmentType.horizonDays * msPerDay) {
    throw new BadUserInputError(`The wanted window starts beyond the booking horizon (${appointmentType.horizonDays} days)`);
  }
  const resourceId = input.resourceId ?? null;
  if (resourceId) {
    const resource = await tx.schedulingResource.findUnique({ where: { id: resourceId }, select: { kind: true, retiredAt: true } });
    if (!resource || resource.retiredAt) throw new NotFoundError("SchedulingResource", resourceId);
    const offered = appointmentType.resources.length
      ? appointmentType.resources.some((r) => r.id === resourceId)
      : resource.kind === appointmentType.resourceKind;
    if (!offered) throw new BadUserInputError("This resource does not offer this appointment type");
  }
  // Serialises one resident's joins, so that the duplicate check below cannot be raced.
  await tx.$queryRaw`SELECT 1 FROM "Resident" WHERE "id" = ${input.residentId}::uuid FOR UPDATE`;
  const duplicate = await tx.waitlistEntry.findFirst({
    where: { residentId: input.residentId, appointmentTypeId: appointmentType.id, resourceId, status: { in: ["WAITING", "OFFERED"] } },
    select: { id: true },
  });
  if (duplicate) throw new ConflictError("This resident is already on the waiting list for this appointment");
  return tx.waitlistEntry.create({
    data: { appointmentTypeId: appointmentType.id, resourceId, residentId: input.residentId, wantedFrom: input.wantedFrom, wantedUntil: input.wantedUntil },
  });
}

/**
 * WAITING or OFFERED → CANCELLED. An offer's hold is cancelled with it and its slot passed to the next
 * entry. Leaving twice returns the entry unchanged; a BOOKED or LAPSED entry is a CONFLICT.
 */
export async function leaveWaitlist(tx: Tx, entryId: string, now = new Date()) {
  const entry = await tx.waitlistEntry.findUnique({ where: { id: entryId } });
  if (!entry) throw new NotFoundError("WaitlistEntry", entryId);
  if (entry.status === "CANCELLED") return entry;
  if (entry.status !== "WAITING" && entry.status !== "OFFERED") throw new ConflictError(`This waiting-list entry is ${entry.status}`);
  const { count } = await tx.waitlistEntry.updateMany({ where: { id: entryId, status: entry.status }, data: { status: "CANCELLED" } });
  if (count !== 1) throw new ConflictError("This waiting-list entry changed while being cancelled");
  if (entry.status === "OFFERED" && entry.offerBookingId) await releaseOffer(tx, entry.offerBookingId, "Offre de liste d'attente refusée", now);
  return tx.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } });
}

/**
 * Ends an offer's hold (CANCELLED with `reason`, or EXPIRED when `expired`) and offers its slot to the
 * next entry. The hold may already be EXPIRED (the next hold on the resource marks stale holds): its
 * slot is passed on all the same. Returns the next offer, if any.
 */
export async function releaseOffer(tx: Tx, offerBookingId: string, reason: string | null, now: Date): Promise<Booking | null> {
  const { resourceId } = await tx.booking.findUniqueOrThrow({ where: { id: offerBookingId }, select: { resourceId: true } });
  await lockResourceBookings(tx, resourceId);
  const booking = await tx.booking.findUniqueOrThrow({ where: { id: offerBookingId } });
  if (booking.status === "HELD") {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "HELD" },
      data: reason === null ? { status: "EXPIRED" } : { status: "CANCELLED", cancelReason: reason, cancelledAt: now, holdExpiresAt: null },
    });
    if (count !== 1) throw new ConflictError(`Booking ${booking.id} changed while its offer was released`);
  } else if (booking.status !== "EXPIRED" && booking.status !== "CANCELLED") {
    return null;
  }
  return offerFreedSlot(tx, booking, now);
}
