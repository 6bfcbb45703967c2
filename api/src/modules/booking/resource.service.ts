/**
 * Availability of a bookable resource as agents manage it: its weekly rules (replaced as a whole, in
 * local "HH:MM" times) and its exceptions (closures, absences). The slot search and the booking
 * service read them; existing bookings are never moved by a change here, only reported.
 */
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { SchedulingResourceKind } from "../../generated/prisma/client.js";
import type { Tx } from "../../mutation.js";
import type { Viewer } from "../identity/index.js";
import { canManageAt, canManageResource } from "./booking.policy.js";

/** "HH:MM", 00:00 to 24:00 (24:00: the end of the day). */
export const timeOfDayPattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

export function parseTimeOfDay(value: string): number {
  const match = timeOfDayPattern.exec(value);
  if (!match) throw new BadUserInputError(`Not a time of day HH:MM: ${value}`);
  return match[1] === undefined ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A calendar date "YYYY-MM-DD" as Prisma stores `@db.Date` (UTC midnight), and back. */
export const dateOfCalendarDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const calendarDayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The resource an agent is about to change: it must exist and be theirs to manage. */
export async function findManageableResource(tx: Tx, viewer: Viewer, resourceId: string) {
  const resource = await tx.schedulingResource.findUnique({
    where: { id: resourceId },
    select: { id: true, kind: true, place: { select: { communeId: true } } },
  });
  if (!resource) throw new NotFoundError("SchedulingResource", resourceId);
  if (!canManageResource(viewer, resource)) throw new ForbiddenError("Your roles do not cover this resource's place");
  return resource;
}

export interface RuleInput {
  weekday: number;
  startTime: string;
  endTime: string;
  placeId?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
}

/**
 * Replaces every weekly rule of the resource. Two windows of one weekday may not overlap while both are
 * valid: the resource cannot be in two places (or open twice) at once. Each rule's place must exist and
 * be in a commune the agent manages.
 */
export async function replaceAvailabilityRules(tx: Tx, viewer: Viewer, resourceId: string, rules: readonly RuleInput[]) {
  const resource = await findManageableResource(tx, viewer, resourceId);
  const parsed = rules.map((rule) => {
    const startMinute = parseTimeOfDay(rule.startTime);
    const endMinute = parseTimeOfDay(rule.endTime);
    if (startMinute >= endMinute) throw new BadUserInputError(`A rule must end after it starts (${rule.startTime}–${rule.endTime})`);
    if (rule.validFrom && rule.validUntil && rule.validFrom > rule.validUntil) {
      throw new BadUserInputError(`A rule's validity must end after it starts (${rule.validFrom}–${rule.validUntil})`);
    }
    return { ...rule, startMinute, endMinute };
  });
  for (const [i, a] of parsed.entries()) {
    for (const b of parsed.slice(i + 1)) {
      const sameTime = a.weekday === b.weekday && a.startMinute < b.endMinute && b.startMinute < a.endMinute;
      const sameDays = (a.validFrom ?? "") <= (b.validUntil ?? "9999") && (b.validFrom ?? "") <= (a.validUntil ?? "9999");
      if (sameTime && sameDays) {
        throw new BadUserInputError(`Two rules overlap on weekday ${a.weekday} (${a.startTime}–${a.endTime} and ${b.startTime}–${b.endTime})`);
      }
    }
  }
  const placeIds = [...new Set(parsed.flatMap((rule) => (rule.placeId ? [rule.placeId] : [])))];
  const places = await tx.place.findMany({ where: { id: { in: placeIds } }, select: { id: true, communeId: true } });
  for (const placeId of placeIds) {
    const place = places.find((p) => p.id === placeId);
    if (!place) throw new NotFoundError("Place", placeId);
    if (!canManageAt(viewer, resource.kind, place)) throw new ForbiddenError("Your roles do not cover the commune of a rule's place");
  }
  await tx.availabilityRule.deleteMany({ where: { resourceId } });
  await tx.availabilityRule.createMany({
    data: parsed.map((rule) => ({
      resourceId,
      weekday: rule.weekday,
      startMinute: rule.startMinute,
      endMinute: rule.endMinute,
      placeId: rule.placeId ?? null,
      validFrom: rule.validFrom ? dateOfCalendarDay(rule.validFrom) : null,
      validUntil: rule.validUntil ? dateOfCalendarDay(rule.validUntil) : null,
    })),
  });
  return resource;
}

export interface ExceptionInput {
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/**
 * Closes the resource over [startsAt, endsAt). Bookings already made in that range stay as they are
 * (someone has to tell the residents): their ids are returned so that the agent sees whom to call.
 */
export async function addAvailabilityException(tx: Tx, viewer: Viewer, input: ExceptionInput) {
  await findManageableResource(tx, viewer, input.resourceId);
  if (input.startsAt.getTime() >= input.endsAt.getTime()) throw new BadUserInputError("An exception must end after it starts");
  const exception = await tx.availabilityException.create({
    data: { resourceId: input.resourceId, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason },
  });
  const affected = await tx.booking.findMany({
    where: { resourceId: input.resourceId, status: { in: ["HELD", "CONFIRMED"] }, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
    select: { id: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return { exception, affectedBookingIds: affected.map((b) => b.id) };
}

export interface CreateResourceInput {
  kind: SchedulingResourceKind;
  name: string;
  description?: string | null;
  placeId: string;
}

/**
 * A new bookable resource (a machine, a public computer, a kiosk, a room…) at a place where the agent
 * serves its kind. It has no weekly rule yet, so no slot until setAvailabilityRules gives it some.
 */
export async function createResource(tx: Tx, viewer: Viewer, input: CreateResourceInput) {
  const place = await tx.place.findUnique({ where: { id: input.placeId }, select: { id: true, communeId: true } });
  if (!place) throw new NotFoundError("Place", input.placeId);
  if (!canManageAt(viewer, input.kind, place)) throw new ForbiddenError("Your roles do not serve this kind of resource in this place's commune");
  return tx.schedulingResource.create({
    data: { kind: input.kind, name: input.name, description: input.description || null, placeId: place.id },
  });
}

/**
 * Takes a resource out of service: it keeps its history but offers no slot. Refused (CONFLICT) while
 * bookings to come are held or confirmed on it, a group session's room booking included: they must be
 * moved or cancelled first, so that nobody is left with an appointment on a machine that is gone.
 * Retiring twice keeps the first date.
 */
export async function retireResource(tx: Tx, viewer: Viewer, resourceId: string, now = new Date()) {
  await findManageableResource(tx, viewer, resourceId);
  const current = await tx.schedulingResource.findUniqueOrThrow({ where: { id: resourceId }, select: { retiredAt: true } });
  if (current.retiredAt) return;
  const upcoming = await tx.booking.count({
    where: { resourceId, status: { in: ["HELD", "CONFIRMED"] }, endsAt: { gt: now }, OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] },
  });
  if (upcoming > 0) throw new ConflictError(`This resource still has ${upcoming} booking(s) to come: move or cancel them first`);
  await tx.schedulingResource.update({ where: { id: resourceId }, data: { retiredAt: now } });
}
