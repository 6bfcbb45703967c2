import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromLocal, msPerDay, toLocal } from "./time-zone.js";

/** What Intl says, minute by minute, without any cache: the reference toLocal must agree with. */
function intlLocal(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return { day: Date.UTC(parts.year!, parts.month! - 1, parts.day!) / msPerDay, minute: parts.hour! * 60 + parts.minute! };
}

// Paris, and zones whose offsets or changes are not whole hours: the quarter-hour cache must hold for them too.
const zones = ["Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo", "Africa/Casablanca"];
const since1970 = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });

describe("toLocal", () => {
  it("agrees with Intl at any instant since 1970, in zones with half- and quarter-hour offsets or changes", () => {
    fc.assert(
      fc.property(since1970, fc.constantFrom(...zones), (instant, zone) => {
        expect(toLocal(instant, zone)).toEqual(intlLocal(instant, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with Intl on every minute around the 2026 daylight-saving changes in Paris", () => {
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let instant = change - 3 * 3_600_000; instant < change + 3 * 3_600_000; instant += 60_000) {
        expect(toLocal(instant, "Europe/Paris")).toEqual(intlLocal(instant, "Europe/Paris"));
      }
    }
  });
});

describe("fromLocal", () => {
  it("is toLocal's inverse on wall-clock times that exist, and null in the spring's skipped hour", () => {
    const day = Date.UTC(2026, 2, 29) / msPerDay;
    expect(fromLocal(day, 2 * 60 + 30, "Europe/Paris")).toBeNull();
    expect(fromLocal(day, 3 * 60, "Europe/Paris")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    const autumn = Date.UTC(2026, 9, 25) / msPerDay;
    // The repeated hour: the first occurrence (still summer time, UTC+2).
    expect(fromLocal(autumn, 2 * 60 + 30, "Europe/Paris")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    fc.assert(
      fc.property(since1970, fc.constantFrom(...zones), (instant, zone) => {
        const local = toLocal(instant, zone);
        const back = fromLocal(local.day, local.minute, zone);
        expect(back && toLocal(back, zone)).toEqual(local);
      }),
      { numRuns: 1000 },
    );
  });
});
