/**
 * Bookings as callers make them: who books for whom, on which resource, and what they may do to a
 * booking; then the booking engine (api/src/scheduling) does the booking itself. Every function runs in
 * the mutation's transaction: a refusal after the engine has written (e.g. the slot turns out to be at
 * a place outside the agent's communes) rolls the write back.
 */
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { Booking } from "../../generated/prisma/client.js";
import type { Tx } from "../../mutation.js";
import {
  cancelBooking,
  confirmBooking,
  holdSlot,
  joinWaitlist,
  leaveWaitlist,
  markNoShow,
  rescheduleBooking,
} from "../../scheduling/index.js";
import { assertCanActForResident, canViewResident, hasRole, type Viewer } from "../identity/index.js";
import { canManageAt, canManageResource, canViewBooking, canViewWaitlistEntry, resourceKindRoles } from "./booking.policy.js";

/** What the journal records beyond the viewer: the resident acted for, if an agent acted for one. */
export interface Acting {
  onBehalfOfResidentId: string | null;
}

/**
 * The resident a booking or waitlist entry is for. A resident books for themself (residentId omitted or
 * their own); an agent books for a resident they serve (residentId required). A resident the viewer may
 * not see is NOT_FOUND, as if it did not exist.
 */
async function residentActedFor(tx: Tx, viewer: Viewer, residentId: string | null | undefined) {
  if (viewer.kind === "resident" && (!residentId || residentId === viewer.residentId)) {
    return { residentId: viewer.residentId, bookedById: null, onBehalfOfResidentId: null };
  }
  if (viewer.kind !== "agent") throw new NotFoundError("Resident", residentId ?? "");
  if (!residentId) throw new BadUserInputError("residentId is required when an agent books for a resident");
  const resident = await tx.resident.findUnique({ where: { id: residentId }, select: { id: true, communeId: true } });
  if (!resident || !canViewResident(viewer, resident)) throw new NotFoundError("Resident", residentId);
  return { residentId, bookedById: viewer.agentId, onBehalfOfResidentId: assertCanActForResident(viewer, resident) };
}

async function findResource(tx: Tx, resourceId: string) {
  const resource = await tx.schedulingResource.findUnique({
    where: { id: resourceId },
    select: { id: true, kind: true, place: { select: { communeId: true } } },
  });
  if (!resource) throw new NotFoundError("SchedulingResource", resourceId);
  return resource;
}

/** An agent may only book where their role of the resource's kind covers the booking's place. */
async function assertAgentMayBookAt(tx: Tx, viewer: Viewer, booking: Pick<Booking, "placeId">, kind: keyof typeof resourceKindRoles) {
  if (viewer.kind !== "agent") return;
  const place = await tx.place.findUniqueOrThrow({ where: { id: booking.placeId }, select: { communeId: true } });
  if (!canManageAt(viewer, kind, place)) throw new ForbiddenError("Your roles do not cover the commune of this slot's place");
}

export interface HoldInput {
  appointmentTypeId: string;
  resourceId: string;
  startsAt: Date;
  residentId?: string | null;
  note?: string | null;
}

export async function holdSlotFor(tx: Tx, viewer: Viewer, input: HoldInput, now = new Date()): Promise<{ booking: Booking } & Acting> {
  const resource = await findResource(tx, input.resourceId);
  if (viewer.kind === "agent" && !hasRole(viewer, resourceKindRoles[resource.kind])) {
    throw new ForbiddenError("Your roles do not serve this kind of resource");
  }
  const holder = await residentActedFor(tx, viewer, input.residentId);
  const booking = await holdSlot(
    tx,
    {
      resourceId: resource.id,
      appointmentTypeId: input.appointmentTypeId,
      startsAt: input.startsAt,
      holder: { residentId: holder.residentId, bookedById: holder.bookedById, note: input.note ?? null },
    },
    now,
  );
  await assertAgentMayBookAt(tx, viewer, booking, resource.kind);
  return { booking, onBehalfOfResidentId: holder.onBehalfOfResidentId };
}

/**
 * A booking the viewer is about to change. Not visible to the viewer: NOT_FOUND. Visible but not theirs
 * to change (an administrator, or an agent who may not act for its resident): FORBIDDEN.
 */
async function bookingToChange(tx: Tx, viewer: Viewer, bookingId: string, options: { forResident: boolean }) {
  const booking = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      residentId: true,
      resource: { select: { kind: true } },
      place: { select: { communeId: true } },
      resident: { select: { id: true, communeId: true } },
    },
  });
  if (!booking || !canViewBooking(viewer, booking)) throw new NotFoundError("Booking", bookingId);
  if (viewer.kind === "resident") return { booking, onBehalfOfResidentId: null };
  if (!canManageAt(viewer, booking.resource.kind, booking.place)) throw new ForbiddenError("Your roles do not let you change this booking");
  const onBehalfOfResidentId = options.forResident && booking.resident ? assertCanActForResident(viewer, booking.resident) : null;
  return { booking, onBehalfOfResidentId };
}

export async function confirmBookingFor(tx: Tx, viewer: Viewer, bookingId: string, now = new Date()) {
  const { onBehalfOfResidentId } = await bookingToChange(tx, viewer, bookingId, { forResident: true });
  return { booking: await confirmBooking(tx, bookingId, now), onBehalfOfResidentId };
}

export async function cancelBookingFor(tx: Tx, viewer: Viewer, bookingId: string, reason: string, now = new Date()) {
  const { onBehalfOfResidentId } = await bookingToChange(tx, viewer, bookingId, { forResident: true });
  const { booking, offer } = await cancelBooking(tx, bookingId, reason, now);
  return { booking, offer, onBehalfOfResidentId };
}

export interface RescheduleInput {
  bookingId: string;
  startsAt: Date;
  resourceId?: string | null;
}

export async function rescheduleBookingFor(tx: Tx, viewer: Viewer, input: RescheduleInput, now = new Date()) {
  const { booking: previous, onBehalfOfResidentId } = await bookingToChange(tx, viewer, input.bookingId, { forResident: true });
  const kind = input.resourceId ? (await findResource(tx, input.resourceId)).kind : previous.resource.kind;
  const booking = await rescheduleBooking(tx, { bookingId: input.bookingId, startsAt: input.startsAt, ...(input.resourceId ? { resourceId: input.resourceId } : {}) }, now);
  await assertAgentMayBookAt(tx, viewer, booking, kind);
  return { booking, onBehalfOfResidentId };
}

/** Agents only (the schema says so): recording an absence is not done on the resident's behalf. */
export async function markNoShowFor(tx: Tx, viewer: Viewer, bookingId: string, now = new Date()) {
  await bookingToChange(tx, viewer, bookingId, { forResident: false });
  return markNoShow(tx, bookingId, now);
}

export interface JoinInput {
  appointmentTypeId: string;
  resourceId?: string | null;
  wantedFrom: Date;
  wantedUntil: Date;
  residentId?: string | null;
}

export async function joinWaitlistFor(tx: Tx, viewer: Viewer, input: JoinInput, now = new Date()) {
  const type = await tx.appointmentType.findUnique({ where: { id: input.appointmentTypeId }, select: { id: true, resourceKind: true } });
  if (!type) throw new NotFoundError("AppointmentType", input.appointmentTypeId);
  if (viewer.kind === "agent" && !hasRole(viewer, resourceKindRoles[type.resourceKind])) {
    throw new ForbiddenError("Your roles do not serve this kind of appointment");
  }
  if (input.resourceId) {
    const resource = await findResource(tx, input.resourceId);
    if (viewer.kind === "agent" && !canManageResource(viewer, resource)) throw new ForbiddenError("Your roles do not cover this resource's place");
  }
  const holder = await residentActedFor(tx, viewer, input.residentId);
  const entry = await joinWaitlist(
    tx,
    {
      appointmentTypeId: type.id,
      resourceId: input.resourceId ?? null,
      residentId: holder.residentId,
      wantedFrom: input.wantedFrom,
      wantedUntil: input.wantedUntil,
    },
    now,
  );
  return { entry, onBehalfOfResidentId: holder.onBehalfOfResidentId };
}

export async function leaveWaitlistFor(tx: Tx, viewer: Viewer, entryId: string, now = new Date()) {
  const entry = await tx.waitlistEntry.findUnique({
    where: { id: entryId },
    select: { residentId: true, resident: { select: { id: true, communeId: true } }, appointmentType: { select: { resourceKind: true } } },
  });
  if (!entry || !canViewWaitlistEntry(viewer, entry)) throw new NotFoundError("WaitlistEntry", entryId);
  const onBehalfOfResidentId = viewer.kind === "agent" ? assertCanActForResident(viewer, entry.resident) : null;
  return { entry: await leaveWaitlist(tx, entryId, now), onBehalfOfResidentId };
}
