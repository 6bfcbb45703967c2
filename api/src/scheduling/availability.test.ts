import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { freeSlots, slotRejection, type AvailabilityInput, type SlotPolicy, type TimeRange, type WeeklyRule } from "./availability.js";

const paris = "Europe/Paris";
const minute = 60_000;
const noBuffers: SlotPolicy = { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 365 };

/** Wall-clock view of an instant in Paris, computed independently of the code under test. */
const parisFormat = new Intl.DateTimeFormat("en-GB", { timeZone: paris, weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
function parisClock(instant: Date): { weekday: number; date: string; minutes: number } {
  const parts = Object.fromEntries(
    parisFormat
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "") + 1;
  return { weekday, date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const hhmm = (slot: { start: Date; end: Date }) =>
  [slot.start, slot.end].map((d) => new Intl.DateTimeFormat("fr-FR", { timeZone: paris, hour: "2-digit", minute: "2-digit" }).format(d)).join("–");

function input(overrides: Partial<AvailabilityInput>): AvailabilityInput {
  return { rules: [], exceptions: [], blocked: [], appointmentType: noBuffers, timeZone: paris, now: new Date("2026-01-01T00:00:00Z"), ...overrides };
}

describe("freeSlots on daylight-saving days (Europe/Paris)", () => {
  // 2026-03-29: clocks go 02:00 → 03:00 (UTC+1 → UTC+2). 2026-10-25: 03:00 → 02:00 (UTC+2 → UTC+1). Both Sundays.
  const sundayMorning: WeeklyRule[] = [{ weekday: 7, startMinute: 9 * 60, endMinute: 12 * 60 }];

  it("gives 09:00–12:00 local on 2026-03-29, as UTC+2 instants", () => {
    const slots = freeSlots(input({ rules: sundayMorning, appointmentType: { ...noBuffers, durationMinutes: 60 } }), {
      from: new Date("2026-03-28T22:00:00Z"),
      to: new Date("2026-03-29T22:00:00Z"),
      stepMinutes: 60,
    });
    expect(slots.map(hhmm)).toEqual(["09:00–10:00", "10:00–11:00", "11:00–12:00"]);
    expect(slots[0]?.start.toISOString()).toBe("2026-03-29T07:00:00.000Z");
    expect(slots[2]?.end.toISOString()).toBe("2026-03-29T10:00:00.000Z");
  });

  it("gives 09:00–12:00 local on 2026-10-25, as UTC+1 instants", () => {
    const slots = freeSlots(input({ rules: sundayMorning, appointmentType: { ...noBuffers, durationMinutes: 60 } }), {
      from: new Date("2026-10-24T22:00:00Z"),
      to: new Date("2026-10-25T23:00:00Z"),
      stepMinutes: 60,
    });
    expect(slots.map(hhmm)).toEqual(["09:00–10:00", "10:00–11:00", "11:00–12:00"]);
    expect(slots[0]?.start.toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });

  it("a night window across the change lasts the real duration: 01:00–04:00 is 2 h in March, 4 h in October", () => {
    const night: WeeklyRule[] = [{ weekday: 7, startMinute: 60, endMinute: 240 }];
    const march = freeSlots(input({ rules: night }), { from: new Date("2026-03-28T22:00:00Z"), to: new Date("2026-03-29T22:00:00Z"), stepMinutes: 30 });
    const october = freeSlots(input({ rules: night }), { from: new Date("2026-10-24T22:00:00Z"), to: new Date("2026-10-25T23:00:00Z"), stepMinutes: 30 });
    expect(march).toHaveLength(4);
    expect(october).toHaveLength(8);
    expect(new Set(march.map((s) => s.start.getTime())).size).toBe(4);
  });

  it("in the autumn's repeated hour, a 02:30–03:00 window is offered in both passes, never 02:00–02:30", () => {
    const rules: WeeklyRule[] = [{ weekday: 7, startMinute: 150, endMinute: 180 }];
    const slots = freeSlots(input({ rules, appointmentType: { ...noBuffers, durationMinutes: 5 } }), {
      from: new Date("2026-10-24T22:00:00Z"),
      to: new Date("2026-10-25T23:00:00Z"),
      stepMinutes: 5,
    });
    expect(slots).toHaveLength(12);
    expect(slots.every((s) => parisClock(s.start).minutes >= 150)).toBe(true);
    expect(slots.map((s) => s.start.toISOString().slice(11, 16))).toEqual(
      ["00:30", "00:35", "00:40", "00:45", "00:50", "00:55", "01:30", "01:35", "01:40", "01:45", "01:50", "01:55"],
    );
  });

  it("the week around each change keeps 09:00 local every day", () => {
    const weekdays: WeeklyRule[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 540, endMinute: 570 }));
    for (const [from, to] of [["2026-03-25T00:00:00Z", "2026-04-02T00:00:00Z"], ["2026-10-21T00:00:00Z", "2026-10-29T00:00:00Z"]] as const) {
      const slots = freeSlots(input({ rules: weekdays }), { from: new Date(from), to: new Date(to) });
      expect(slots).toHaveLength(8);
      expect(slots.every((s) => parisClock(s.start).minutes === 540)).toBe(true);
    }
  });
});

describe("slotRejection", () => {
  const monday = [{ weekday: 1, startMinute: 540, endMinute: 720 }];
  const policy: SlotPolicy = { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 15, minimumNoticeMinutes: 120, horizonDays: 14 };
  const base = input({ rules: monday, appointmentType: policy, now: new Date("2026-06-01T05:00:00Z") }); // Monday 07:00 local

  it("names each reason", () => {
    // Monday 09:00 local with now = 07:30 local and 2 h of notice.
    expect(slotRejection(new Date("2026-06-01T07:00:00Z"), { ...base, now: new Date("2026-06-01T05:30:00Z") })).toBe("TOO_SOON");
    expect(slotRejection(new Date("2026-06-01T07:00:00Z"), { ...base, now: new Date("2026-06-01T04:00:00Z") })).toBeNull();
    expect(slotRejection(new Date("2026-06-22T07:00:00Z"), base)).toBe("BEYOND_HORIZON");
    expect(slotRejection(new Date("2026-06-08T09:45:00Z"), base)).toBe("OUTSIDE_RULES"); // 11:45–12:15
    expect(slotRejection(new Date("2026-06-08T09:30:00Z"), base)).toBeNull(); // 11:30–12:00; the after-buffer may leave the window
    const lunch = { start: new Date("2026-06-08T10:00:00Z"), end: new Date("2026-06-08T11:00:00Z") };
    expect(slotRejection(new Date("2026-06-08T09:30:00Z"), { ...base, exceptions: [lunch] })).toBe("EXCEPTION"); // buffer touches it
    const booked = { start: new Date("2026-06-08T08:00:00Z"), end: new Date("2026-06-08T08:30:00Z") };
    expect(slotRejection(new Date("2026-06-08T08:35:00Z"), { ...base, blocked: [booked] })).toBe("BOOKED"); // 10-min buffer before
    expect(slotRejection(new Date("2026-06-08T08:40:00Z"), { ...base, blocked: [booked] })).toBeNull(); // back to back
  });
});

// ─── Properties ───────────────────────────────────────────────────────────────────────────────────

// A four-week window containing the March change, and one containing the October change.
const windows = [new Date("2026-03-16T00:00:00Z"), new Date("2026-10-12T00:00:00Z")];
const span = 28 * 24 * 60;

// Places: null = the resource's home place (homePlace below), else one of two other places.
const homePlace = "place-home";
const ruleArb = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 40 }),
    placeId: fc.constantFrom(null, "place-a", "place-b"),
  })
  .map(({ weekday, start, length, placeId }): WeeklyRule => ({ weekday, startMinute: start * 15, endMinute: Math.min(1440, (start + length) * 15), placeId }));

const rangeArb = (origin: Date) =>
  fc.record({ at: fc.integer({ min: -60, max: span }), length: fc.integer({ min: 1, max: 600 }) })
    .map(({ at, length }): TimeRange => ({ start: new Date(origin.getTime() + at * minute), end: new Date(origin.getTime() + (at + length) * minute) }));

const policyArb = fc.record({
  durationMinutes: fc.integer({ min: 5, max: 180 }),
  bufferBeforeMinutes: fc.integer({ min: 0, max: 60 }),
  bufferAfterMinutes: fc.integer({ min: 0, max: 60 }),
  minimumNoticeMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  horizonDays: fc.integer({ min: 1, max: 30 }),
});

const scenarioArb = fc.constantFrom(...windows).chain((origin) => {
  return fc.record({
    rules: fc.array(ruleArb, { maxLength: 6 }),
    exceptions: fc.array(rangeArb(origin), { maxLength: 4 }),
    blocked: fc.array(rangeArb(origin), { maxLength: 12 }),
    appointmentType: policyArb,
    now: fc.integer({ min: -3 * 24 * 60, max: span }).map((m) => new Date(origin.getTime() + m * minute)),
    from: fc.integer({ min: 0, max: span }).map((m) => new Date(origin.getTime() + m * minute)),
    days: fc.integer({ min: 1, max: 10 }),
    stepMinutes: fc.constantFrom(5, 10, 15, 30, 60),
  });
});

const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;

describe("freeSlots properties", () => {
  it("never returns a slot that overlaps a booking or exception, breaks buffers, notice or horizon, or leaves the rules", () => {
    let checked = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const to = new Date(s.from.getTime() + s.days * 24 * 60 * minute);
        const availability: AvailabilityInput = { ...s, timeZone: paris, homePlaceId: homePlace };
        const slots = freeSlots(availability, { from: s.from, to, stepMinutes: s.stepMinutes });
        const p = s.appointmentType;
        checked += slots.length;
        for (const slot of slots) {
          expect(slot.end.getTime() - slot.start.getTime()).toBe(p.durationMinutes * minute);
          expect(slot.start >= s.from && slot.start < to).toBe(true);
          const withBuffers = { start: new Date(slot.start.getTime() - p.bufferBeforeMinutes * minute), end: new Date(slot.end.getTime() + p.bufferAfterMinutes * minute) };
          for (const booking of s.blocked) expect(overlaps(withBuffers, booking)).toBe(false);
          for (const exception of s.exceptions) expect(overlaps(withBuffers, exception)).toBe(false);
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(s.now.getTime() + p.minimumNoticeMinutes * minute);
          expect(slot.start.getTime()).toBeLessThanOrEqual(s.now.getTime() + p.horizonDays * 24 * 60 * minute);
          // Inside one rule, read on the Paris wall clock: same local day, start and end within the window.
          const start = parisClock(slot.start);
          const end = parisClock(slot.end);
          const endMinutes = end.date === start.date ? end.minutes : end.minutes + 1440;
          // A window said to close in the spring's skipped hour (02:00–03:00 on 2026-03-29) closes at 03:00.
          const closesAt = (r: WeeklyRule) => (start.date === "2026-03-29" && r.endMinute > 120 && r.endMinute < 180 ? 180 : r.endMinute);
          const fitting = s.rules.filter((r) => r.weekday === start.weekday && start.minutes >= r.startMinute && endMinutes <= closesAt(r));
          expect(fitting.length, `${slot.start.toISOString()} fits no rule`).toBeGreaterThan(0);
          // It carries the place of a rule it fits: the first one, a null place meaning the home place.
          expect(slot.placeId).toBe(fitting[0]!.placeId ?? homePlace);
          expect(slotRejection(slot.start, availability)).toBeNull();
        }
        // Slots are sorted and distinct.
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.start > slots[i - 1]!.start).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(checked, "the generated scenarios must offer slots, or the property proves nothing").toBeGreaterThan(1000);
  });

  it("with nothing booked and no constraints, every step of every window inside the range is offered", () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...windows), (rules, from) => {
        const to = new Date(from.getTime() + 14 * 24 * 60 * minute);
        const policy = { ...noBuffers, durationMinutes: 15 };
        const slots = freeSlots(input({ rules, appointmentType: policy, now: new Date(from.getTime() - 1) }), { from, to, stepMinutes: 15 });
        // Count expected slots on the wall clock: each window of n quarter-hours gives n slots per matching day,
        // minus the quarter-hours that do not exist (the spring's skipped hour) or exist twice (autumn).
        const offered = new Set(slots.map((slot) => slot.start.getTime()));
        for (let t = from.getTime(); t < to.getTime(); t += 15 * minute) {
          const clock = parisClock(new Date(t));
          const inRule = rules.some((r) => r.weekday === clock.weekday && clock.minutes >= r.startMinute && clock.minutes + 15 <= r.endMinute);
          if (inRule && !offered.has(t)) {
            // Only acceptable in the autumn's repeated hour, where the first occurrence is the one offered.
            expect(clock.minutes >= 120 && clock.minutes < 180 && clock.date === "2026-10-25", new Date(t).toISOString()).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("places", () => {
  it("a slot takes the place of its rule; without a rule place, the home place; without either, null", () => {
    const rules: WeeklyRule[] = [
      { weekday: 1, startMinute: 540, endMinute: 720, placeId: "mediatheque" },
      { weekday: 4, startMinute: 540, endMinute: 720 },
    ];
    const week = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-06T00:00:00Z"), stepMinutes: 60 };
    const slots = freeSlots(input({ rules, homePlaceId: "mairie" }), week);
    expect(slots.map((slot) => [parisClock(slot.start).weekday, slot.placeId])).toEqual([
      [1, "mediatheque"], [1, "mediatheque"], [1, "mediatheque"],
      [4, "mairie"], [4, "mairie"], [4, "mairie"],
    ]);
    expect(freeSlots(input({ rules }), week).at(-1)?.placeId).toBeNull();
  });
});
