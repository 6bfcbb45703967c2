/**
 * How every mutation changes data: its work and its audit row commit together in one transaction;
 * when the work fails, the transaction rolls back and a FAILURE (or DENIED) row is written instead.
 * A transaction PostgreSQL aborts to break a deadlock between concurrent ones is run again (db/driver-error.ts).
 * Validation and role checks run before (validation and scope-auth plugins); mutations refused there
 * are journaled by plugins/audit-journal.ts, so every mutation call leaves exactly one row.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "./builder.js";
import { isRetryableTransactionFailure } from "./db/driver-error.js";
import { classifyError } from "./errors.js";
import type { Prisma } from "./generated/prisma/client.js";
import { outcomeOfError, recordAuditEvent } from "./modules/audit/audit.service.js";
import type { Viewer } from "./modules/identity/viewer.js";

export type Tx = Prisma.TransactionClient;

export interface MutationJournal {
  /** Ids of the records the mutation created or changed, for the journal. */
  targetIds: string[];
  /** Set when an agent acts for a resident. */
  onBehalfOfResidentId: string | null;
  /** Who to journal as the actor when it is not the request's viewer (a login journals who logged in). */
  actor?: Viewer;
}

/** Key of a root mutation field in one request (aliases make the same mutation appear twice). */
export function mutationKey(info: Pick<GraphQLResolveInfo, "path">): string {
  return String(info.path.key);
}

/** A transaction PostgreSQL aborted for a deadlock or a serialization failure is run again, at most this often in all. */
const maxAttempts = 3;

export async function runMutation<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  work: (tx: Tx, journal: MutationJournal) => Promise<T>,
): Promise<T> {
  const entry = { viewer: ctx.viewer, operation: info.fieldName, requestId: ctx.requestId, clientAddress: ctx.clientAddress };
  ctx.audited.add(mutationKey(info));
  for (let attempt = 1; ; attempt++) {
    // Each attempt starts afresh: what a rolled-back attempt noted must not reach the journal.
    const journal: MutationJournal = { targetIds: [], onBehalfOfResidentId: null };
    try {
      return await ctx.prisma.$transaction(async (tx) => {
        const result = await work(tx, journal);
        await recordAuditEvent(tx, { ...entry, ...journal, viewer: journal.actor ?? ctx.viewer, outcome: "SUCCESS" });
        return result;
      });
    } catch (error) {
      if (attempt < maxAttempts && isRetryableTransactionFailure(error)) {
        ctx.logger.warn({ operation: info.fieldName, attempt }, "transaction aborted by the database (deadlock or serialization failure), run again");
        continue;
      }
      const code = classifyError(error);
      await recordAuditEvent(ctx.prisma, { ...entry, ...journal, outcome: outcomeOfError(code), errorCode: code });
      throw error;
    }
  }
}
