/**
 * The audit journal: one append-only row per mutation (who, on whose behalf, what, on which records,
 * outcome, when, request id, client address). The table refuses updates and deletes (migration trigger).
 */
import type { AuditOutcome, Prisma } from "../../generated/prisma/client.js";
import type { ErrorCode } from "../../errors.js";
import { actorOf, type Viewer } from "../identity/viewer.js";

type Db = Prisma.TransactionClient;

export interface AuditEntry {
  viewer: Viewer;
  onBehalfOfResidentId?: string | null;
  operation: string;
  targetIds: readonly string[];
  outcome: AuditOutcome;
  errorCode?: ErrorCode | null;
  requestId: string;
  clientAddress: string | null;
}

export async function recordAuditEvent(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      ...actorOf(entry.viewer),
      onBehalfOfResidentId: entry.onBehalfOfResidentId ?? null,
      operation: entry.operation,
      targetIds: [...new Set(entry.targetIds)],
      outcome: entry.outcome,
      errorCode: entry.errorCode ?? null,
      requestId: entry.requestId,
      clientAddress: entry.clientAddress,
    },
  });
}

/** Outcome of a mutation that failed with `code`: refusals of access are DENIED, the rest FAILURE. */
export function outcomeOfError(code: ErrorCode): AuditOutcome {
  return code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "RATE_LIMITED" ? "DENIED" : "FAILURE";
}
