/** Audit: the append-only journal of every mutation. */
import "./audit-event.schema.js";

export { outcomeOfError, recordAuditEvent, type AuditEntry } from "./audit.service.js";
