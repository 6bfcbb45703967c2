/**
 * Who may manage which bookable resource and see which booking (row-level rules of the booking module).
 * A resource kind is served by one module role; an agent holding it manages the resources and bookings
 * at places in the communes of that role. Residents see and act on their own bookings only.
 */
import type { Prisma, SchedulingResourceKind } from "../../generated/prisma/client.js";
import { canViewResident, communeScope, coversCommune, hasRole, type Role, type Viewer } from "../identity/index.js";

/** The module role serving each resource kind. */
export const resourceKindRoles = {
  ADVISOR: "TRAINING",
  ROOM: "TRAINING",
  MACHINE: "TRAINING",
  COMPUTER: "TRAINING",
  KIOSK: "TRAINING",
  PRACTITIONER: "TELEHEALTH",
  DESK: "INTRANET",
} as const satisfies Record<SchedulingResourceKind, Role>;

/** Roles serving at least one resource kind: they may book, manage availability and see bookings. */
export const schedulingRoles = [...new Set(Object.values(resourceKindRoles))] as ("TRAINING" | "TELEHEALTH" | "INTRANET")[];

/** Who may list bookings: the scheduling roles, and administrators (every booking). */
export const bookingReaderRoles = [...schedulingRoles, "ADMIN"] as const;

export function kindsServedBy(role: Role): SchedulingResourceKind[] {
  return (Object.keys(resourceKindRoles) as SchedulingResourceKind[]).filter((kind) => resourceKindRoles[kind] === role);
}

/** Whether the viewer holds the role of this kind for the commune of this place. */
function servesKindAt(viewer: Viewer, kind: SchedulingResourceKind, communeId: string): boolean {
  const role = resourceKindRoles[kind];
  return hasRole(viewer, role) && coversCommune(communeScope(viewer, role), communeId);
}

/** An agent with the kind's role covering the commune of the resource's home place. */
export function canManageResource(viewer: Viewer, resource: { kind: SchedulingResourceKind; place: { communeId: string } }): boolean {
  return servesKindAt(viewer, resource.kind, resource.place.communeId);
}

/** A place (of a booking or an availability rule) where the agent may manage this kind of resource. */
export function canManageAt(viewer: Viewer, kind: SchedulingResourceKind, place: { communeId: string }): boolean {
  return servesKindAt(viewer, kind, place.communeId);
}

export interface BookingScope {
  residentId: string | null;
  resource: { kind: SchedulingResourceKind };
  place: { communeId: string };
}

/** Its resident; agents with the kind's role covering the booking's place; administrators. */
export function canViewBooking(viewer: Viewer, booking: BookingScope): boolean {
  if (viewer.kind === "resident") return booking.residentId !== null && booking.residentId === viewer.residentId;
  return hasRole(viewer, "ADMIN") || canManageAt(viewer, booking.resource.kind, booking.place);
}

/** The bookings the viewer may list, as a Prisma condition (the same rule as canViewBooking). */
export function visibleBookings(viewer: Viewer): Prisma.BookingWhereInput {
  if (viewer.kind === "resident") return { residentId: viewer.residentId };
  if (hasRole(viewer, "ADMIN")) return {};
  const served = schedulingRoles.flatMap((role): Prisma.BookingWhereInput[] => {
    if (!hasRole(viewer, role)) return [];
    const scope = communeScope(viewer, role);
    return [{ resource: { kind: { in: kindsServedBy(role) } }, ...(scope === "all" ? {} : { place: { communeId: { in: [...scope] } } }) }];
  });
  return served.length ? { OR: served } : { id: { in: [] } };
}

export interface WaitlistEntryScope {
  residentId: string;
  resident: { id: string; communeId: string | null };
  appointmentType: { resourceKind: SchedulingResourceKind };
}

/** Its resident; agents with the kind's role who may see the resident. */
export function canViewWaitlistEntry(viewer: Viewer, entry: WaitlistEntryScope): boolean {
  if (viewer.kind === "resident") return entry.residentId === viewer.residentId;
  return hasRole(viewer, resourceKindRoles[entry.appointmentType.resourceKind]) && canViewResident(viewer, entry.resident);
}
