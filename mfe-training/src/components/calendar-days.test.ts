import { describe, expect, it } from 'vitest';
import { daysBetween, firstDayOfMonth, isCalendarDay, lastDayOfMonth, minutesBetween } from './calendar-days.ts';

describe('periods of calendar days', () => {
  it('counts days across months and years', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('gives the first and last day of a month, leap years included', () => {
    expect(firstDayOfMonth('2026-02-17')).toBe('2026-02-01');
    expect(lastDayOfMonth('2026-02-17')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02-01')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12-05')).toBe('2026-12-31');
  });

  it('tells a real day from anything else', () => {
    expect(isCalendarDay('2026-03-11')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay(null)).toBe(false);
  });

  it('measures an appointment in minutes', () => {
    expect(minutesBetween('2026-03-11T09:00:00Z', '2026-03-11T09:45:00Z')).toBe(45);
  });
});
