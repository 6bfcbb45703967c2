/**
 * The one place where the database's refusal of an overlapping booking becomes a CONFLICT.
 * PostgreSQL raises SQLSTATE 23P01 (exclusion_violation) for the booking_no_overlap constraint. Prisma
 * 7.10 wraps it, on PGlite and on @prisma/adapter-pg alike (observed), as PrismaClientKnownRequestError
 * P2039 with the SQLSTATE in `meta.driverAdapterError.cause.originalCode` (and `.code`). Read by shape,
 * never by message: a raw query or a future adapter may put the code elsewhere on the same object.
 */
import { ConflictError } from "../errors.js";

export const exclusionViolation = "23P01";

function driverCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const meta = (error as { meta?: Record<string, unknown> }).meta;
  const cause = (meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined)?.cause;
  for (const code of [cause?.originalCode, cause?.code, meta?.code, (error as { code?: unknown }).code]) {
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isExclusionViolation(error: unknown): boolean {
  return driverCode(error) === exclusionViolation;
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
