/**
 * Recording what happened in an accompaniment: after an advisor appointment (the booking gives the
 * advisor, place, resident and time) or for a walk-in. Runs in the mutation's transaction.
 */
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { ActivityTopic, AutonomyLevel, EquipmentUsed, ReferralTarget } from "../../generated/prisma/client.js";
import type { Tx } from "../../mutation.js";
import { canViewBooking } from "../booking/index.js";
import { canViewResident, type Viewer } from "../identity/index.js";
import { canRecordActivityReportAt } from "./activity-report.policy.js";

export interface ActivityReportContent {
  topics: ActivityTopic[];
  durationMinutes: number;
  equipment: EquipmentUsed[];
  autonomy: AutonomyLevel;
  referral: ReferralTarget | null;
  referralNote: string | null;
}

export interface RecordActivityReportInput extends ActivityReportContent {
  /** The appointment reported on; absent for a walk-in. */
  bookingId: string | null;
  /** Walk-ins only: the advisor (default: the viewer's own profile), the place, the resident, when. */
  advisorId: string | null;
  placeId: string | null;
  residentId: string | null;
  occurredAt: Date | null;
}

interface Recorded {
  reportId: string;
  /** The resident the report is about, for the journal. */
  onBehalfOfResidentId: string | null;
}

interface ReportOrigin {
  advisorId: string;
  bookingId: string | null;
  placeId: string;
  residentId: string | null;
  communeInseeCode: string | null;
  occurredAt: Date;
}

export async function recordActivityReport(tx: Tx, viewer: Viewer, input: RecordActivityReportInput, now = new Date()): Promise<Recorded> {
  if (viewer.kind !== "agent") throw new ForbiddenError("Only agents write activity reports");
  const origin = input.bookingId ? await fromBooking(tx, viewer, input.bookingId, now) : await fromWalkIn(tx, viewer, input, now);
  const report = await tx.activityReport.create({
    data: {
      ...origin,
      topics: input.topics,
      durationMinutes: input.durationMinutes,
      equipment: input.equipment,
      autonomy: input.autonomy,
      referral: input.referral,
      referralNote: input.referralNote,
      createdById: viewer.agentId,
    },
    select: { id: true },
  });
  return { reportId: report.id, onBehalfOfResidentId: origin.residentId };
}

/**
 * A confirmed advisor appointment that has started and has no report yet. The booking row is locked
 * first, so two reports of the same appointment sent at once are serialized: the second sees the first.
 */
async function fromBooking(tx: Tx, viewer: Viewer, bookingId: string, now: Date): Promise<ReportOrigin> {
  await tx.$queryRaw`SELECT 1 FROM "Booking" WHERE "id" = ${bookingId}::uuid FOR UPDATE`;
  const booking = await tx.booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      placeId: true,
      residentId: true,
      place: { select: { communeId: true } },
      resident: { select: { commune: { select: { inseeCode: true } } } },
      resource: { select: { kind: true, advisor: { select: { id: true } } } },
      activityReport: { select: { id: true } },
    },
  });
  if (!booking || !canViewBooking(viewer, booking)) throw new NotFoundError("Booking", bookingId);
  if (!canRecordActivityReportAt(viewer, booking.place)) throw new ForbiddenError("Your TRAINING role does not cover the commune of this appointment's place");
  if (booking.resource.kind !== "ADVISOR") {
    throw new BadUserInputError(`Activity reports are written for appointments with a digital advisor, not for a booking of a ${booking.resource.kind} resource`);
  }
  if (booking.status === "NO_SHOW") throw new ConflictError("The person did not come to this appointment (NO_SHOW): there is no accompaniment to report");
  if (booking.status !== "CONFIRMED") throw new ConflictError(`This appointment is ${booking.status}: only a confirmed appointment that took place can be reported`);
  if (booking.startsAt.getTime() > now.getTime()) throw new BadUserInputError("The appointment has not started yet: write its report once it has taken place");
  if (booking.activityReport) throw new ConflictError("This appointment already has an activity report");
  if (!booking.resource.advisor) throw new BadUserInputError("The resource of this appointment has no advisor profile");
  return {
    advisorId: booking.resource.advisor.id,
    bookingId: booking.id,
    placeId: booking.placeId,
    residentId: booking.residentId,
    communeInseeCode: booking.resident?.commune?.inseeCode ?? null,
    occurredAt: booking.startsAt,
  };
}

/** A walk-in: the advisor (by default the viewer's own profile) at a place of the viewer's communes. */
async function fromWalkIn(tx: Tx, viewer: Viewer & { kind: "agent" }, input: RecordActivityReportInput, now: Date): Promise<ReportOrigin> {
  const advisor = await tx.advisorProfile.findUnique({
    where: input.advisorId ? { id: input.advisorId } : { agentId: viewer.agentId },
    select: { id: true },
  });
  if (!advisor) {
    if (input.advisorId) throw new NotFoundError("Advisor", input.advisorId);
    throw new BadUserInputError("advisorId is required: you have no advisor profile of your own");
  }
  if (!input.placeId) throw new BadUserInputError("placeId is required for a walk-in (a report without bookingId)");
  const place = await tx.place.findUnique({ where: { id: input.placeId }, select: { id: true, communeId: true } });
  if (!place) throw new NotFoundError("Place", input.placeId);
  if (!canRecordActivityReportAt(viewer, place)) throw new ForbiddenError("Your TRAINING role does not cover the commune of this place");
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime()) throw new BadUserInputError("occurredAt is in the future: report an accompaniment once it has taken place");
  let resident: { id: string; inseeCode: string | null } | null = null;
  if (input.residentId) {
    const row = await tx.resident.findUnique({ where: { id: input.residentId }, select: { id: true, communeId: true, commune: { select: { inseeCode: true } } } });
    if (!row || !canViewResident(viewer, row)) throw new NotFoundError("Resident", input.residentId);
    resident = { id: row.id, inseeCode: row.commune?.inseeCode ?? null };
  }
  return {
    advisorId: advisor.id,
    bookingId: null,
    placeId: place.id,
    residentId: resident?.id ?? null,
    communeInseeCode: resident?.inseeCode ?? null,
    occurredAt,
  };
}
