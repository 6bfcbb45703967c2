/**
 * Who may see and write activity reports (row-level rules of the training module). A report is about a
 * resident met at a place: TRAINING agents covering the place's commune see and write reports there;
 * administrators read every report; residents and partners never see them.
 */
import type { Prisma } from "../../generated/prisma/client.js";
import { canManageAt } from "../booking/index.js";
import { communeScope, hasRole, type Viewer } from "../identity/index.js";
import type { CommuneScope } from "../identity/index.js";

/** Who may read reports and statistics: TRAINING agents (their communes) and administrators (all). */
export const activityReaderRoles = ["TRAINING", "ADMIN"] as const;

/** Communes of the places whose reports the viewer may read: every commune for administrators. */
export function activityReportCommuneScope(viewer: Viewer): CommuneScope {
  return hasRole(viewer, "ADMIN") ? "all" : communeScope(viewer, "TRAINING");
}

export function canViewActivityReport(viewer: Viewer, report: { place: { communeId: string } }): boolean {
  return hasRole(viewer, "ADMIN") || canManageAt(viewer, "ADVISOR", report.place);
}

/** TRAINING agents covering the commune of the place where the accompaniment took place. */
export function canRecordActivityReportAt(viewer: Viewer, place: { communeId: string }): boolean {
  return canManageAt(viewer, "ADVISOR", place);
}

/** The reports the viewer may list, as a Prisma condition (the same rule as canViewActivityReport). */
export function visibleActivityReports(viewer: Viewer): Prisma.ActivityReportWhereInput {
  const scope = activityReportCommuneScope(viewer);
  return scope === "all" ? {} : { place: { communeId: { in: [...scope] } } };
}
