/**
 * Who may do what with courses, training sessions and enrolments. The catalogue and the sessions are
 * public (partners read them with read:training); sessions are managed by the agents who manage their
 * room (TRAINING, at places of the communes their role covers); an enrolment is seen by its resident, by
 * those agents and by administrators, and nothing personal ever reaches a partner.
 */
import { canManageAt } from "../booking/index.js";
import { hasRole, type Viewer } from "../identity/index.js";

/** Catalogue and sessions: anyone but partner keys, and keys with read:training. */
export const trainingReaders = { public: true, partner: "read:training" } as const;

/** Catalogue and session changes, enrolments on a resident's behalf, attendance. */
export const trainingWriters = { anyRole: ["TRAINING"] } as const;

export interface SessionPlace {
  communeId: string;
}

/** A TRAINING agent whose role covers the commune of the session's room. */
export function canManageSessionAt(viewer: Viewer, place: SessionPlace): boolean {
  return canManageAt(viewer, "ROOM", place);
}

/** Who may list a session's enrolments: the agents who manage it, and administrators. */
export function canViewSessionEnrolments(viewer: Viewer, place: SessionPlace): boolean {
  return hasRole(viewer, "ADMIN") || canManageSessionAt(viewer, place);
}

export interface EnrolmentScope {
  residentId: string;
  place: SessionPlace;
}

/** Its resident; the agents who manage its session; administrators. */
export function canViewEnrolment(viewer: Viewer, enrolment: EnrolmentScope): boolean {
  if (viewer.kind === "resident") return enrolment.residentId === viewer.residentId;
  return canViewSessionEnrolments(viewer, enrolment.place);
}
