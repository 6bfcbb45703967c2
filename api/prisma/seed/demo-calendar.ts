/**
 * What every demo loader shares: stable ids (the same key always gives the same row, so a rerun upserts
 * rather than duplicates) and instants placed on the week grid around "now", in the territory's time zone.
 */
import crypto from "node:crypto";
import { fromLocal, isoWeekday, toLocal } from "../../src/scheduling/time-zone.js";

export const demoTimeZone = "Europe/Paris";

/** A stable UUID for a demo row, from a key that names it (the same key always gives the same id). */
export function demoId(key: string): string {
  const hex = crypto.createHash("sha256").update(`couronne-demo:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Minutes after local midnight of an HH:MM time (the unit of availability rules). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The instant of local `time` (HH:MM) on ISO `weekday` of the week `week` weeks from the one holding `now`. */
export function weekInstant(now: Date, week: number, weekday: number, time: string): Date {
  const today = toLocal(now, demoTimeZone).day;
  const monday = today - (isoWeekday(today) - 1);
  const instant = fromLocal(monday + 7 * week + weekday - 1, minutesOf(time), demoTimeZone);
  if (!instant) throw new Error(`Demo time ${time} falls in a daylight-saving gap`);
  return instant;
}
