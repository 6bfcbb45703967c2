import { TIME_ZONE } from '@couronne/console-kit';

/** Calendar days (`YYYY-MM-DD`) and wall-clock times of Europe/Paris, whatever the browser's zone. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris wall clock of an instant, as if it were UTC (milliseconds): the difference is the zone's offset. */
function wallClock(instant: number): number {
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.formatToParts(instant).find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

function parseDay(day: string): [number, number, number] {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`Not a calendar day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const iso = (utc: number) => new Date(utc).toISOString().slice(0, 10);

/** The Paris calendar day of an instant. */
export function parisDayOf(instant: Date | string): string {
  return iso(wallClock(new Date(instant).getTime()));
}

/** Paris clock time of an instant in hours since midnight: 10:30 → 10.5. */
export function parisHours(instant: Date | string): number {
  return (wallClock(new Date(instant).getTime()) % 86_400_000) / 3_600_000;
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = parseDay(day);
  return iso(Date.UTC(year, month - 1, date + days));
}

/** The Monday of the week of `day` (weeks run Monday to Sunday in France). */
export function mondayOf(day: string): string {
  const [year, month, date] = parseDay(day);
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/**
 * The instant (ISO) when Paris clocks show `time` on `day`. Across the spring change, a time that does not
 * exist (02:30) is taken one hour later, as clocks move; in autumn, the first of the two 02:30 is taken.
 */
export function parisInstant(day: string, time = '00:00'): string {
  const [year, month, date] = parseDay(day);
  const clock = TIME.exec(time);
  if (!clock) throw new RangeError(`Not a time HH:MM: ${time}`);
  const wanted = Date.UTC(year, month - 1, date, Number(clock[1]), Number(clock[2]));
  // The zone's offsets a day before and a day after: they differ only around a change of time.
  const offsetBefore = wallClock(wanted - 86_400_000) - (wanted - 86_400_000);
  const offsetAfter = wallClock(wanted + 86_400_000) - (wanted + 86_400_000);
  const candidate = [wanted - offsetBefore, wanted - offsetAfter].find((instant) => wallClock(instant) === wanted) ?? wanted - offsetBefore;
  return new Date(candidate).toISOString();
}

// Periods of calendar days: a search window, a month of statistics.

const utcMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

export function todayInParis(): string {
  return parisDayOf(new Date());
}

/** A real day `YYYY-MM-DD` (not 2026-02-30), e.g. from a date picker being typed in. */
export function isCalendarDay(value: string | null | undefined): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = utcMidnight(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / 86_400_000);
}

export function firstDayOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function lastDayOfMonth(day: string): string {
  const next = utcMidnight(firstDayOfMonth(day));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return addDays(next.toISOString().slice(0, 10), -1);
}

/** Minutes from one instant to another. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((new Date(end).getTime() - new Date(start).getTime()) / 60_000);
}
