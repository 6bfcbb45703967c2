/**
 * Group sessions (capacity N): enrol → ENROLLED while seats remain, else WAITLISTED; a cancelled seat
 * goes at once to the first resident on the waiting list. Every change locks the session row first
 * (SELECT … FOR UPDATE), so concurrent enrolments of one session run one after another and the seat
 * count read under the lock is exact. On PGlite (one connection) transactions are serial anyway; the
 * lock is what makes PostgreSQL with several API instances right.
 */
import { ConflictError, NotFoundError } from "../errors.js";
import type { Tx } from "../mutation.js";

/** Locks the session row for the rest of the transaction; returns its capacity. */
async function lockGroupSession(tx: Tx, groupSessionId: string): Promise<{ capacity: number }> {
  const rows = await tx.$queryRaw<{ capacity: number }[]>`
    SELECT "capacity" FROM "GroupSession" WHERE "id" = ${groupSessionId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFoundError("GroupSession", groupSessionId);
  return row;
}

export async function enrolInGroupSession(tx: Tx, input: { groupSessionId: string; residentId: string }) {
  const { capacity } = await lockGroupSession(tx, input.groupSessionId);
  const existing = await tx.groupEnrolment.findUnique({
    where: { groupSessionId_residentId: { groupSessionId: input.groupSessionId, residentId: input.residentId } },
  });
  if (existing && existing.status !== "CANCELLED") throw new ConflictError("This resident is already enrolled or waitlisted");
  const enrolled = await tx.groupEnrolment.count({ where: { groupSessionId: input.groupSessionId, status: "ENROLLED" } });
  const status = enrolled < capacity ? "ENROLLED" : "WAITLISTED";
  if (existing) {
    // Coming back after a cancellation: back of the queue.
    return tx.groupEnrolment.update({ where: { id: existing.id }, data: { status, cancelReason: null, createdAt: new Date() } });
  }
  return tx.groupEnrolment.create({ data: { ...input, status } });
}

/** Cancels an enrolment; a freed seat is given to the longest-waiting resident. Returns who was promoted. */
export async function cancelGroupEnrolment(tx: Tx, enrolmentId: string, reason: string) {
  const enrolment = await tx.groupEnrolment.findUnique({ where: { id: enrolmentId } });
  if (!enrolment) throw new NotFoundError("GroupEnrolment", enrolmentId);
  await lockGroupSession(tx, enrolment.groupSessionId);
  const current = await tx.groupEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
  if (current.status === "CANCELLED") return { cancelled: current, promoted: null };
  const cancelled = await tx.groupEnrolment.update({ where: { id: enrolmentId }, data: { status: "CANCELLED", cancelReason: reason } });
  if (current.status !== "ENROLLED") return { cancelled, promoted: null };
  const next = await tx.groupEnrolment.findFirst({
    where: { groupSessionId: enrolment.groupSessionId, status: "WAITLISTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const promoted = next ? await tx.groupEnrolment.update({ where: { id: next.id }, data: { status: "ENROLLED" } }) : null;
  return { cancelled, promoted };
}
