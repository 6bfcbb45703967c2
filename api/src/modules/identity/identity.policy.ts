/** Who may see or act for whom, beyond the schema's role checks (row-level rules). */
import { ForbiddenError } from "../../errors.js";
import { communeScope, coversCommune, type CommuneScope, type Role, type Viewer } from "./viewer.js";

/** Roles whose agents serve residents (book, enrol, register on their behalf). */
export const residentServingRoles = ["PORTAL", "TRAINING", "TELEHEALTH"] as const satisfies readonly Role[];

/** Communes whose residents the viewer may see: the union of its resident-serving roles' communes. */
export function residentCommuneScope(viewer: Viewer): CommuneScope {
  if (viewer.kind !== "agent") return [];
  const scopes = residentServingRoles.map((role) => communeScope(viewer, role));
  if (scopes.includes("all")) return "all";
  return [...new Set(scopes.flatMap((scope) => (scope === "all" ? [] : scope)))];
}

export function canViewResident(viewer: Viewer, resident: { id: string; communeId: string | null }): boolean {
  if (viewer.kind === "resident") return viewer.residentId === resident.id;
  const scope = residentCommuneScope(viewer);
  return scope === "all" || (resident.communeId !== null && coversCommune(scope, resident.communeId));
}

/**
 * A resident acts for themself; an agent acts on a resident's behalf when one of its resident-serving
 * roles covers the resident's commune. Returns the resident id to journal as "on behalf of", if any.
 */
export function assertCanActForResident(viewer: Viewer, resident: { id: string; communeId: string | null }): string | null {
  if (viewer.kind === "resident" && viewer.residentId === resident.id) return null;
  if (viewer.kind === "agent" && canViewResident(viewer, resident)) return resident.id;
  throw new ForbiddenError("You may not act for this resident");
}
