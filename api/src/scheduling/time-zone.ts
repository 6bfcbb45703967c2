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

/** The local date and time of `instant` in `timeZone` (seconds dropped). */
export function toLocal(instant: Date | number, timeZone: string): LocalDateTime {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  const day = Date.UTC(parts.year, parts.month - 1, parts.day) / msPerDay;
  return { day, minute: parts.hour * 60 + parts.minute };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in winter: +3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  const { day, minute } = toLocal(instant, timeZone);
  const wholeMinute = instant - (((instant % msPerMinute) + msPerMinute) % msPerMinute);
  return day * msPerDay + minute * msPerMinute - wholeMinute;
}

/**
 * The instant at which local `day` + `minute` happens in `timeZone`. In the autumn's repeated hour,
 * the first occurrence; in the spring's skipped hour, null (that wall-clock time does not exist).
 * Assumes at most one offset change within a day either side, which holds for every real zone.
 */
export function fromLocal(day: number, minute: number, timeZone: string): Date | null {
  const asIfUtc = day * msPerDay + minute * msPerMinute;
  const candidates = [offsetAt(asIfUtc - msPerDay, timeZone), offsetAt(asIfUtc + msPerDay, timeZone)]
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
