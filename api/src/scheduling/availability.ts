/**
 * Free slots of one resource: pure functions, no database. Rules are in the resource's local time;
 * slots are returned as UTC instants. One predicate (`checkSlot`) decides whether a start time is
 * bookable; `freeSlots` only walks the rule windows on a step and keeps the starts it accepts, and
 * the booking service re-checks a requested start with the same predicate.
 *
 * A resource may be at different places on different days (an advisor at the médiathèque on Monday, at
 * a town hall on Thursday): each rule carries its place (null = the resource's home place), and a slot
 * takes the place of the first rule it fits, so that the booking says where to go.
 */
import { dayOfDate, fromLocal, isoWeekday, msPerDay, toLocal } from "./time-zone.js";

const msPerMinute = 60_000;

export interface WeeklyRule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local minutes since midnight: the slot must start at or after startMinute and end by endMinute. */
  startMinute: number;
  endMinute: number;
  /** Local calendar dates (UTC midnight, as Prisma returns `@db.Date`), both inclusive. */
  validFrom?: Date | null;
  validUntil?: Date | null;
  /** Where the resource is during this window; null or absent = its home place. */
  placeId?: string | null;
}

/** A half-open range of instants [start, end). */
export interface TimeRange {
  start: Date;
  end: Date;
}

export interface SlotPolicy {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
}

export interface AvailabilityInput {
  rules: readonly WeeklyRule[];
  /** Closures and absences: a slot, buffers included, may not touch them. */
  exceptions: readonly TimeRange[];
  /** Blocked ranges (buffers included) of the resource's HELD and CONFIRMED bookings. */
  blocked: readonly TimeRange[];
  appointmentType: SlotPolicy;
  timeZone: string;
  now: Date;
  /** The resource's home place, given to slots whose rule has no place of its own. */
  homePlaceId?: string | null;
}

export interface Slot {
  start: Date;
  end: Date;
  /** The place of the rule the slot fits (its placeId, else the input's homePlaceId; null if neither is known). */
  placeId: string | null;
}

export type SlotRejection = "OUTSIDE_RULES" | "TOO_SOON" | "BEYOND_HORIZON" | "BOOKED" | "EXCEPTION";

/** [start - bufferBefore, start + duration + bufferAfter): what a booking at `start` keeps free. */
export function blockedRange(start: Date, policy: SlotPolicy): TimeRange & { slotEnd: Date } {
  const slotEnd = new Date(start.getTime() + policy.durationMinutes * msPerMinute);
  return {
    start: new Date(start.getTime() - policy.bufferBeforeMinutes * msPerMinute),
    end: new Date(slotEnd.getTime() + policy.bufferAfterMinutes * msPerMinute),
    slotEnd,
  };
}

function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

function ruleAppliesOn(rule: WeeklyRule, day: number): boolean {
  return (
    rule.weekday === isoWeekday(day) &&
    (!rule.validFrom || dayOfDate(rule.validFrom) <= day) &&
    (!rule.validUntil || day <= dayOfDate(rule.validUntil))
  );
}

/**
 * The first rule (in input order) whose window on the local day holds [start, end), or null: between the window's opening and
 * closing instants, and read on the wall clock, never before the window's start. Compared as instants,
 * so on a daylight-saving day a 09:00–12:00 window is still 09:00–12:00 local; in the autumn's repeated
 * hour, a 02:30–03:00 window offers 02:30–03:00 twice but never the second 02:00–02:30.
 */
function fittingRule(start: Date, end: Date, input: AvailabilityInput): WeeklyRule | null {
  const local = toLocal(start, input.timeZone);
  const endLocal = toLocal(end, input.timeZone);
  const wallMinutes = (endLocal.day - local.day) * 1440 + endLocal.minute - local.minute;
  const crossesChange = wallMinutes !== Math.round((end.getTime() - start.getTime()) / msPerMinute);
  for (const rule of input.rules) {
    if (!ruleAppliesOn(rule, local.day) || local.minute < rule.startMinute) continue;
    const opens = windowInstant(local.day, rule.startMinute, input.timeZone);
    const closes = windowInstant(local.day, rule.endMinute, input.timeZone);
    if (!opens || !closes || start.getTime() < opens.getTime() || closes.getTime() < end.getTime()) continue;
    if (crossesChange && !wallClockInside(start, end, rule, local.day, input.timeZone)) continue;
    return rule;
  }
  return null;
}

/** Minute by minute, for the rare slot during which the clocks change: every minute reads inside the rule. */
function wallClockInside(start: Date, end: Date, rule: WeeklyRule, day: number, timeZone: string): boolean {
  for (let t = start.getTime(); t < end.getTime(); t += msPerMinute) {
    const local = toLocal(t, timeZone);
    if (local.day !== day || local.minute < rule.startMinute || local.minute >= rule.endMinute) return false;
  }
  return true;
}

/**
 * The instant local `day` + `minute` happens (1440 = next local midnight). A time in the spring's
 * skipped hour is moved to the first wall-clock minute that exists after it (03:00 in Paris).
 */
function windowInstant(day: number, minute: number, timeZone: string): Date | null {
  for (let m = minute; m <= minute + 120; m++) {
    const instant = m >= 1440 ? fromLocal(day + 1, m - 1440, timeZone) : fromLocal(day, m, timeZone);
    if (instant) return instant;
  }
  return null;
}

export type SlotCheck = { rejection: SlotRejection; placeId?: undefined } | { rejection: null; placeId: string | null };

/** Whether a booking starting at `start` is possible and, when it is, at which place. */
export function checkSlot(start: Date, input: AvailabilityInput): SlotCheck {
  const policy = input.appointmentType;
  const { slotEnd, ...blocked } = blockedRange(start, policy);
  if (start.getTime() < input.now.getTime() + policy.minimumNoticeMinutes * msPerMinute) return { rejection: "TOO_SOON" };
  if (start.getTime() > input.now.getTime() + policy.horizonDays * msPerDay) return { rejection: "BEYOND_HORIZON" };
  const rule = fittingRule(start, slotEnd, input);
  if (!rule) return { rejection: "OUTSIDE_RULES" };
  if (input.exceptions.some((exception) => overlaps(blocked, exception))) return { rejection: "EXCEPTION" };
  if (input.blocked.some((booking) => overlaps(blocked, booking))) return { rejection: "BOOKED" };
  return { rejection: null, placeId: rule.placeId ?? input.homePlaceId ?? null };
}

/** Why a booking starting at `start` is not possible, or null when it is. */
export function slotRejection(start: Date, input: AvailabilityInput): SlotRejection | null {
  return checkSlot(start, input).rejection;
}

export interface FreeSlotsQuery {
  /** Slots starting in [from, to). */
  from: Date;
  to: Date;
  /** Candidate starts: each rule window's opening, then every stepMinutes (default 15). */
  stepMinutes?: number;
}

/** The free slots of a resource starting in [from, to), in chronological order. */
export function freeSlots(input: AvailabilityInput, query: FreeSlotsQuery): Slot[] {
  const step = (query.stepMinutes ?? 15) * msPerMinute;
  if (step <= 0) throw new RangeError("stepMinutes must be positive");
  const duration = input.appointmentType.durationMinutes * msPerMinute;
  const firstDay = toLocal(query.from, input.timeZone).day;
  const lastDay = toLocal(query.to, input.timeZone).day;
  const starts = new Set<number>();
  for (let day = firstDay; day <= lastDay; day++) {
    for (const rule of input.rules) {
      if (!ruleAppliesOn(rule, day)) continue;
      const opens = windowInstant(day, rule.startMinute, input.timeZone);
      const closes = windowInstant(day, rule.endMinute, input.timeZone);
      if (!opens || !closes) continue;
      for (let start = opens.getTime(); start + duration <= closes.getTime(); start += step) {
        if (start >= query.from.getTime() && start < query.to.getTime()) starts.add(start);
      }
    }
  }
  return [...starts]
    .sort((a, b) => a - b)
    .flatMap((time) => {
      const start = new Date(time);
      const check = checkSlot(start, input);
      return check.rejection === null ? [{ start, end: new Date(time + duration), placeId: check.placeId }] : [];
    });
}
