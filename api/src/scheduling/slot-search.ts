/**
 * Slot search across resources and places ("any advisor at any library next Tuesday"). Everything the
 * availability of all candidate resources depends on is read in a fixed number of statements (type,
 * resources, rules, exceptions, blocking bookings, places), whatever the number of resources; then
 * `freeSlots` computes each resource's slots in memory, with the same rules as the booking service.
 */
import { BadUserInputError, NotFoundError } from "../errors.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Tx } from "../mutation.js";
import { freeSlots, type AvailabilityInput, type TimeRange, type WeeklyRule } from "./availability.js";

const msPerMinute = 60_000;

export interface SlotSearchInput {
  appointmentTypeId: string;
  /** Only these resources; null or absent: every resource offering the type. An empty list matches nothing. */
  resourceIds?: readonly string[] | null;
  /** Only slots at these places. */
  placeIds?: readonly string[] | null;
  /** Only slots at places in these communes (ids). */
  communeIds?: readonly string[] | null;
  /** Slots starting in [from, to). */
  from: Date;
  to: Date;
  /** At most this many slots, the earliest ones. */
  limit?: number;
}

export interface FoundSlot {
  startsAt: Date;
  endsAt: Date;
  resourceId: string;
  placeId: string;
}

/** Free slots of every resource offering the type, sorted by start then resource id. */
export async function searchSlots(db: PrismaClient | Tx, input: SlotSearchInput, now = new Date()): Promise<FoundSlot[]> {
  if (input.from.getTime() >= input.to.getTime()) throw new BadUserInputError("The search window must end after it starts");
  const type = await db.appointmentType.findUnique({
    where: { id: input.appointmentTypeId },
    include: { resources: { select: { id: true } } },
  });
  if (!type) throw new NotFoundError("AppointmentType", input.appointmentTypeId);
  if (type.capacity !== 1) throw new BadUserInputError("Group sessions are booked by enrolment, not by slot");
  if (type.retiredAt || input.limit === 0) return [];

  const resources = await db.schedulingResource.findMany({
    where: {
      retiredAt: null,
      ...(type.resources.length ? { id: { in: type.resources.map((r) => r.id) } } : { kind: type.resourceKind }),
      AND: [
        input.resourceIds ? { id: { in: [...input.resourceIds] } } : {},
        input.placeIds ? atAnyPlace({ id: { in: [...input.placeIds] } }) : {},
        input.communeIds ? atAnyPlace({ communeId: { in: [...input.communeIds] } }) : {},
      ],
    },
    select: { id: true, placeId: true, timeZone: true },
  });
  if (resources.length === 0) return [];
  const resourceIds = resources.map((r) => r.id);

  // What can touch a slot starting in [from, to): its buffers reach before `from` and after `to`.
  const reach: TimeRange = {
    start: new Date(input.from.getTime() - type.bufferBeforeMinutes * msPerMinute),
    end: new Date(input.to.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * msPerMinute),
  };
  const [rules, exceptions, bookings] = await Promise.all([
    // Ordered as the booking service orders them, so that a slot gets the same place here and there.
    db.availabilityRule.findMany({ where: { resourceId: { in: resourceIds } }, orderBy: { id: "asc" } }),
    db.availabilityException.findMany({
      where: { resourceId: { in: resourceIds }, startsAt: { lt: reach.end }, endsAt: { gt: reach.start } },
      select: { resourceId: true, startsAt: true, endsAt: true },
    }),
    db.booking.findMany({
      where: {
        resourceId: { in: resourceIds },
        blockedFrom: { lt: reach.end },
        blockedUntil: { gt: reach.start },
        // An expired hold blocks nobody, even before a hold or the sweep marks it EXPIRED.
        OR: [{ status: "CONFIRMED" }, { status: "HELD", holdExpiresAt: { gt: now } }],
      },
      select: { resourceId: true, blockedFrom: true, blockedUntil: true },
    }),
  ]);
  const communeOfPlace = input.communeIds
    ? await placeCommunes(db, [...new Set([...resources.map((r) => r.placeId), ...rules.flatMap((r) => (r.placeId ? [r.placeId] : []))])])
    : null;
  const placeFilter = input.placeIds ? new Set(input.placeIds) : null;
  const communeFilter = input.communeIds ? new Set(input.communeIds) : null;

  const rulesOf = groupBy<WeeklyRule & { resourceId: string }>(rules, (r) => r.resourceId);
  const exceptionsOf = groupBy(exceptions, (e) => e.resourceId);
  const bookingsOf = groupBy(bookings, (b) => b.resourceId);
  const found: FoundSlot[] = [];
  for (const resource of resources) {
    const availability: AvailabilityInput = {
      rules: rulesOf.get(resource.id) ?? [],
      exceptions: (exceptionsOf.get(resource.id) ?? []).map((e) => ({ start: e.startsAt, end: e.endsAt })),
      blocked: (bookingsOf.get(resource.id) ?? []).map((b) => ({ start: b.blockedFrom, end: b.blockedUntil })),
      appointmentType: type,
      timeZone: resource.timeZone,
      now,
      homePlaceId: resource.placeId,
    };
    for (const slot of freeSlots(availability, { from: input.from, to: input.to })) {
      const placeId = slot.placeId ?? resource.placeId;
      if (placeFilter && !placeFilter.has(placeId)) continue;
      if (communeFilter && !communeFilter.has(communeOfPlace?.get(placeId) ?? "")) continue;
      found.push({ startsAt: slot.start, endsAt: slot.end, resourceId: resource.id, placeId });
    }
  }
  found.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0));
  return input.limit === undefined ? found : found.slice(0, input.limit);
}

/** A resource is at a place when it is its home place or the place of one of its rules. */
function atAnyPlace(place: Prisma.PlaceWhereInput): Prisma.SchedulingResourceWhereInput {
  return { OR: [{ place }, { rules: { some: { place } } }] };
}

async function placeCommunes(db: PrismaClient | Tx, placeIds: string[]): Promise<Map<string, string>> {
  const places = await db.place.findMany({ where: { id: { in: placeIds } }, select: { id: true, communeId: true } });
  return new Map(places.map((p) => [p.id, p.communeId]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
