import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, firstDayOfMonth, isCalendarDay, lastDayOfMonth, minutesBetween, mondayOf, parisDayOf, parisHours, parisInstant } from './paris-time.ts';

describe('Paris days and times', () => {
  it('gives the Paris day of an instant, which may be the next UTC day', () => {
    expect(parisDayOf('2026-03-07T23:30:00Z')).toBe('2026-03-08');
    expect(parisDayOf('2026-07-14T21:59:00Z')).toBe('2026-07-14');
    expect(parisDayOf('2026-07-14T22:00:00Z')).toBe('2026-07-15');
  });

  it('gives the Paris clock time of an instant in hours', () => {
    expect(parisHours('2026-03-03T09:30:00Z')).toBe(10.5);
    expect(parisHours('2026-07-14T05:15:00Z')).toBe(7.25);
  });

  it('finds the Monday of a week and moves by days across months', () => {
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(addDays('2026-02-23', 7)).toBe('2026-03-02');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
  });

  it('turns a Paris wall-clock time into an instant, in winter, in summer and on the change days', () => {
    expect(parisInstant('2026-03-03', '09:00')).toBe('2026-03-03T08:00:00.000Z');
    expect(parisInstant('2026-07-14', '09:00')).toBe('2026-07-14T07:00:00.000Z');
    expect(parisInstant('2026-03-02')).toBe('2026-03-01T23:00:00.000Z');
    // 29 March 2026: 02:00 → 03:00. 03:00 exists once; 02:30 does not and is taken as 03:30.
    expect(parisInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(parisInstant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(parisInstant('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z');
    // 25 October 2026: 03:00 → 02:00; 02:30 happens twice, the first is taken.
    expect(parisInstant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(parisInstant('2026-10-25', '03:30')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses what is not a day or a time', () => {
    expect(() => parisInstant('03/03/2026', '09:00')).toThrow(RangeError);
    expect(() => parisInstant('2026-03-03', '9h')).toThrow(RangeError);
  });
});

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
