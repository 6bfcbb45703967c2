/**
 * Wall-clock time in an IANA time zone, without a date library: Node's Intl (full ICU) knows the
 * rules. Local dates are handled as day numbers (days since 1970-01-01 of the civil calendar), so
 * "next day" never goes through an instant and daylight-saving days have nothing special.
 */

const msPerMinute = 60_000;
export const msPerDay = 86_400_000;

export interface LocalDateTime {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  /** Minutes since local midnight, 0–1439. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at `instant` (a whole second), from Intl: local wall clock minus the instant. */
function exactOffset(instant: number, timeZone: string): number {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - instant;
}

const msPerQuarterHour = 15 * msPerMinute;
/** Offsets by zone, then by quarter hour since 1970; cleared when large (a year is 35,040 quarters). */
const offsetsByQuarter = new Map<string, Map<number, number>>();
const maxCachedQuarters = 200_000;

/**
 * Offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in winter: +3,600,000). Intl is
 * slow and a slot search asks thousands of times, so Intl is asked once per quarter hour and the answer
 * kept: every offset change of every zone since 1970 falls on a quarter hour of UTC (time-zone.test.ts).
 */
function offsetOf(instant: number, timeZone: string): number {
  let offsets = offsetsByQuarter.get(timeZone);
  if (!offsets) offsetsByQuarter.set(timeZone, (offsets = new Map()));
  const quarter = Math.floor(instant / msPerQuarterHour);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    offset = exactOffset(quarter * msPerQuarterHour, timeZone);
    if (offsets.size >= maxCachedQuarters) offsets.clear();
    offsets.set(quarter, offset);
  }
  return offset;
}

/** The local date and time of `instant` in `timeZone` (seconds dropped). */
export function toLocal(instant: Date | number, timeZone: string): LocalDateTime {
  const time = typeof instant === "number" ? instant : instant.getTime();
  const local = time + offsetOf(time, timeZone);
  const day = Math.floor(local / msPerDay);
  return { day, minute: Math.floor((local - day * msPerDay) / msPerMinute) };
}

/**
 * The instant at which local `day` + `minute` happens in `timeZone`. In the autumn's repeated hour,
 * the first occurrence; in the spring's skipped hour, null (that wall-clock time does not exist).
 * Assumes at most one offset change within a day either side, which holds for every real zone.
 */
export function fromLocal(day: number, minute: number, timeZone: string): Date | null {
  const asIfUtc = day * msPerDay + minute * msPerMinute;
  const candidates = [offsetOf(asIfUtc - msPerDay, timeZone), offsetOf(asIfUtc + msPerDay, timeZone)]
    .map((offset) => asIfUtc - offset)
    .filter((instant) => {
      const local = toLocal(instant, timeZone);
      return local.day === day && local.minute === minute;
    });
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Day number of a calendar date stored as UTC midnight (Prisma's `@db.Date`). */
export function dayOfDate(date: Date): number {
  return Math.floor(date.getTime() / msPerDay);
}
