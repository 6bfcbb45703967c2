/** Identity: agents and their roles, residents, sessions (login, logout, viewer). */
import "./agent.schema.js";
import "./resident.schema.js";
import "./session.schema.js";

export { viewerFromAuthorization } from "./request-viewer.js";
export { assertCanActForResident, canViewResident, residentCommuneScope } from "./identity.policy.js";
export { communeScope, coversCommune, hasRole, type CommuneScope, type Role, type Viewer } from "./viewer.js";
