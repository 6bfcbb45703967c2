/**
 * Who is calling: resolved once per request from the Authorization header, then read by scope-auth
 * (schema-level rules) and by policies (row-level rules such as commune limits).
 */
import type { Role } from "../../generated/prisma/client.js";

export type { Role };

export const roles = ["PORTAL", "INTRANET", "TRAINING", "TELEHEALTH", "TERRITORY", "ADMIN"] as const satisfies readonly Role[];

/** Communes a role covers: every commune, or only those listed (ids). */
export type CommuneScope = "all" | readonly string[];

export type Viewer =
  | { kind: "anonymous" }
  | { kind: "agent"; agentId: string; sessionId: string; roles: ReadonlyMap<Role, CommuneScope> }
  | { kind: "resident"; residentId: string; sessionId: string }
  | { kind: "partner"; clientId: string; scopes: ReadonlySet<string>; costCapacity: number; costRefillPerSecond: number };

export const anonymous: Viewer = { kind: "anonymous" };

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.kind === "agent" && viewer.roles.has(role);
}

/** The communes the viewer may act on through `role`; none when the role is not held. */
export function communeScope(viewer: Viewer, role: Role): CommuneScope {
  if (viewer.kind !== "agent") return [];
  return viewer.roles.get(role) ?? [];
}

export function coversCommune(scope: CommuneScope, communeId: string): boolean {
  return scope === "all" || scope.includes(communeId);
}

/** The actor recorded in the audit journal. */
export function actorOf(viewer: Viewer): { actorKind: "ANONYMOUS" | "AGENT" | "RESIDENT" | "API_CLIENT"; actorId: string | null } {
  switch (viewer.kind) {
    case "agent":
      return { actorKind: "AGENT", actorId: viewer.agentId };
    case "resident":
      return { actorKind: "RESIDENT", actorId: viewer.residentId };
    case "partner":
      return { actorKind: "API_CLIENT", actorId: viewer.clientId };
    default:
      return { actorKind: "ANONYMOUS", actorId: null };
  }
}
