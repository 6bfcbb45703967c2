import { addDays, parisDayOf } from './paris-time.ts';

/** Periods of Paris calendar days (`YYYY-MM-DD`): a search window, a month of statistics. */

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
