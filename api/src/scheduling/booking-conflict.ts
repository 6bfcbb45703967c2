/**
 * The one place where the database's refusal of an overlapping booking becomes a CONFLICT.
 * PostgreSQL raises SQLSTATE 23P01 (exclusion_violation) for the booking_no_overlap constraint; Prisma
 * wraps it as P2039 with the SQLSTATE inside (db/driver-error.ts).
 */
import { driverErrorCode } from "../db/driver-error.js";
import { ConflictError } from "../errors.js";
import type { Tx } from "../mutation.js";

export const exclusionViolation = "23P01";

export function isExclusionViolation(error: unknown): boolean {
  return driverErrorCode(error) === exclusionViolation;
}

/** Runs `work`; an exclusion violation becomes ConflictError("…already booked"), anything else passes. */
export async function withBookingConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExclusionViolation(error)) throw new ConflictError("This time is already booked on this resource", { cause: error });
    throw error;
  }
}

/**
 * Queues the transactions that change one resource's bookings, in id order when there are several.
 * The constraint still decides who gets a range; this lock only keeps PostgreSQL from deadlocking while
 * it checks the constraint: two transactions inserting overlapping ranges each wait for the other's
 * index entry (seen in bench/scheduling.bench.ts: 2 to 4 of 50 simultaneous confirmations of one slot
 * aborted per round). Queued, the second sees the first's committed row and gets its CONFLICT at once.
 * FOR NO KEY UPDATE does not block the foreign-key checks of rows that merely reference the resource.
 */
export async function lockResourceBookings(tx: Tx, ...resourceIds: string[]): Promise<void> {
  for (const id of [...new Set(resourceIds)].sort()) {
    await tx.$queryRaw`SELECT 1 FROM "SchedulingResource" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
  }
}
