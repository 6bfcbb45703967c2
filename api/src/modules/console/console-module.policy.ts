/** Which console modules a viewer may open: an agent holding the module's role (administrators: all of them). */
import type { ConsoleModule } from "../../config.js";
import { hasRole, type Viewer } from "../identity/viewer.js";

export function modulesFor(viewer: Viewer, modules: readonly ConsoleModule[]): ConsoleModule[] {
  if (viewer.kind !== "agent") return [];
  return modules.filter((module) => hasRole(viewer, "ADMIN") || hasRole(viewer, module.role));
}
