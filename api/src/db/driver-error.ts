/**
 * The SQLSTATE of a database error as Prisma 7.10 hands it over. On PGlite and @prisma/adapter-pg alike
 * (observed) a driver error arrives as PrismaClientKnownRequestError with the SQLSTATE in
 * `meta.driverAdapterError.cause.originalCode` (and `.code`). Read by shape, never by message: a raw query
 * or a future adapter may put the code elsewhere on the same object.
 */
export function driverErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const meta = (error as { meta?: Record<string, unknown> }).meta;
  const cause = (meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause;
  for (const code of [cause?.originalCode, cause?.code, meta?.code, (error as { code?: unknown }).code]) {
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Prisma's code for "Transaction failed due to a write conflict or a deadlock. Please retry your transaction". */
const prismaRetryCode = "P2034";
/** deadlock_detected, serialization_failure. */
const retrySqlStates = new Set(["40P01", "40001"]);

/**
 * PostgreSQL aborted the transaction to resolve a deadlock or a serialization failure between
 * concurrent transactions: nothing of it was written, and running it again is the documented answer.
 * Concurrent inserts that conflict on an EXCLUDE constraint deadlock this way on PostgreSQL (seen in
 * bench/scheduling.bench.ts: 50 confirmations of one slot, 2 to 4 of them aborted per round).
 */
export function isRetryableTransactionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === prismaRetryCode || retrySqlStates.has(driverErrorCode(error) ?? "");
}
