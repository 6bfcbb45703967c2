/**
 * Booking-engine benchmark (api/src/scheduling): the time to compute the free slots of 50 digital advisors
 * over 90 days, and the booking throughput (hold + confirm, confirmations per second), on PGlite and on
 * PostgreSQL. Prints medians, p95, slots found and SQL statements; never asserts a time. It exits non-zero
 * when it cannot run, or when the contended case does not end with exactly one booking (that is a double
 * booking or a lost one, not a figure).
 *
 * Each database gets the same generated data set (fixed seed): 50 advisors with weekly rules (mornings and
 * afternoons, 4–5 days a week, half of them one day a week at a second place), absences and a bank-holiday
 * closure, and confirmed bookings filling 40 % of what each advisor could take, for a 45-minute appointment
 * type with buffers and 24 h notice. "now" is fixed (Monday 4 January 2027, 07:00 in Paris) so every run
 * sees the same calendar, the spring daylight-saving change included.
 *
 * Env: BENCH_RUNS (repeats of each availability measure, default 10), BENCH_CONFIRMATIONS (per concurrency
 * level, default 200), BENCH_CLIENTS (concurrency levels, default "1,8,32"), BENCH_CONTENDED_ROUNDS
 * (default 5), BENCH_POSTGRES_URL (a database on the server used to create and drop a throwaway one,
 * default postgresql://postgres@127.0.0.1:5432/postgres; "off" skips PostgreSQL).
 */
import crypto from "node:crypto";
import os from "node:os";
import { numberFromEnv } from "./support/settings.js";

// The API reads NODE_ENV when its modules load, so it is set before they are imported: measured as deployed.
process.env.NODE_ENV ||= "production";
const { createTestDatabase } = await import("../api/src/testing/test-database.js");
const { testContext } = await import("../api/src/testing/context.js");
const { createLogger } = await import("../api/src/logger.js");
const { runMutation } = await import("../api/src/mutation.js");
const { classifyError } = await import("../api/src/errors.js");
const { confirmBooking, freeSlots, holdSlot, blockedRange } = await import("../api/src/scheduling/index.js");
const { isoWeekday, toLocal } = await import("../api/src/scheduling/time-zone.js");

type Database = Awaited<ReturnType<typeof createTestDatabase>>;
type Prisma = Database["prisma"];
type Context = ReturnType<typeof testContext>;
type AvailabilityInput = Parameters<typeof freeSlots>[0];
type Slot = ReturnType<typeof freeSlots>[number];
type MutationInfo = Parameters<typeof runMutation>[1];

// ---------------------------------------------------------------------------------------------- settings

const clientLevels = (process.env.BENCH_CLIENTS || "1,8,32").split(",").map((level) => Number(level.trim()));
if (clientLevels.some((level) => !Number.isInteger(level) || level < 1)) {
  console.error(`BENCH_CLIENTS must list positive integers, got "${process.env.BENCH_CLIENTS}"`);
  process.exit(2);
}

const settings = {
  runs: numberFromEnv("BENCH_RUNS", 10, 1),
  confirmations: numberFromEnv("BENCH_CONFIRMATIONS", 200, 1),
  clientLevels,
  contendedRounds: numberFromEnv("BENCH_CONTENDED_ROUNDS", 5, 1),
  contendedClients: 50,
  postgresUrl: process.env.BENCH_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
};

const machine = [
  `Node ${process.version} on ${os.platform()} ${os.arch()}`,
  `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? "unknown model"})`,
  `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
  `NODE_ENV=${process.env.NODE_ENV}`,
].join(", ");
const loadAverage = () => `load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")} (1, 5, 15 min)`;

// ------------------------------------------------------------------------------------------ the data set

const minute = 60_000;
const day = 86_400_000;
const advisorCount = 50;
const windowDays = 90;
const bookedShare = 0.4;
const timeZone = "Europe/Paris";
// Monday 07:00 in Paris: the window runs to 4 April 2027, across the change to summer time (28 March).
const now = new Date("2027-01-04T06:00:00Z");
const windowEnd = new Date(now.getTime() + windowDays * day);
const appointmentPolicy = {
  durationMinutes: 45,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 24 * 60,
  // Beyond the window, so that the whole 90 days are bookable.
  horizonDays: windowDays + 2,
};

/** mulberry32: a small seeded generator, so every run and both databases get the same calendars. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface GeneratedRule {
  weekday: number;
  startMinute: number;
  endMinute: number;
  placeId: string | null;
}

interface Advisor {
  id: string;
  homePlaceId: string;
  rules: GeneratedRule[];
  exceptions: { start: Date; end: Date }[];
  blocked: { start: Date; end: Date }[];
}

interface DataSet {
  appointmentTypeId: string;
  advisors: Advisor[];
  residentIds: string[];
  bookings: number;
  capacity: number;
  exceptions: number;
  rules: number;
}

function parisInstant(date: string, time: string): Date {
  // Winter dates only (UTC+1), which is all this data set needs for its fixed absences.
  return new Date(`${date}T${time}:00+01:00`);
}

function availabilityInput(advisor: Advisor, blocked = advisor.blocked): AvailabilityInput {
  return { rules: advisor.rules, exceptions: advisor.exceptions, blocked, appointmentType: appointmentPolicy, timeZone, now };
}

/** The place of a slot: the rule window it lies in decides (rule.placeId, else the advisor's home place). */
function placeOfSlot(advisor: Advisor, start: Date): string {
  const local = toLocal(start, timeZone);
  const rule = advisor.rules.find(
    (r) =>
      r.weekday === isoWeekday(local.day) && r.startMinute <= local.minute && local.minute + appointmentPolicy.durationMinutes <= r.endMinute,
  );
  return rule?.placeId ?? advisor.homePlaceId;
}

function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** Greedy chronological packing: the most bookings of this type that fit among `slots`, buffers included. */
function packed(slots: readonly Slot[]): Slot[] {
  const kept: Slot[] = [];
  let freeFrom = -Infinity;
  for (const slot of slots) {
    const range = blockedRange(slot.start, appointmentPolicy);
    if (range.start.getTime() < freeFrom) continue;
    kept.push(slot);
    freeFrom = range.end.getTime();
  }
  return kept;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

async function createDataSet(prisma: Prisma): Promise<DataSet> {
  const random = seededRandom(20270104);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const places = (await prisma.place.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const residentIds = (await prisma.resident.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
  if (places.length < 2 || residentIds.length === 0) throw new Error("The seeded database needs at least 2 places and a resident");

  const advisors: Advisor[] = [];
  for (let i = 0; i < advisorCount; i++) {
    const homePlaceId = places[i % places.length] as string;
    const secondPlaceId = places[(i + 1 + Math.floor(random() * (places.length - 1))) % places.length] as string;
    // 4 or 5 working days among Monday–Saturday; Saturday only ever as a morning.
    const days = shuffled([1, 2, 3, 4, 5, 6], random).slice(0, random() < 0.5 ? 4 : 5).sort();
    const awayDay = random() < 0.5 ? pick(days.filter((d) => d !== 6)) : null;
    const earlyBird = random() < 0.5;
    const rules: GeneratedRule[] = [];
    for (const weekday of days) {
      const placeId = weekday === awayDay ? secondPlaceId : null;
      rules.push({ weekday, startMinute: earlyBird ? 8 * 60 + 30 : 9 * 60, endMinute: earlyBird ? 12 * 60 : 12 * 60 + 30, placeId });
      if (weekday !== 6 && random() < 0.85) {
        rules.push({ weekday, startMinute: earlyBird ? 13 * 60 + 30 : 14 * 60, endMinute: earlyBird ? 17 * 60 : 17 * 60 + 30, placeId });
      }
    }
    const exceptions: { start: Date; end: Date; reason: string }[] = [
      // Easter Monday: every place closed.
      { start: new Date("2027-03-28T22:00:00Z"), end: new Date("2027-03-29T22:00:00Z"), reason: "Lundi de Pâques" },
    ];
    if (random() < 0.5) {
      const startDay = 7 + Math.floor(random() * 40);
      const start = new Date(Date.UTC(2027, 0, 4 + startDay) - 3_600_000);
      exceptions.push({ start, end: new Date(start.getTime() + 7 * day), reason: "Congés" });
    }
    const trainingDay = new Date(Date.UTC(2027, 0, 11 + Math.floor(random() * 40))).toISOString().slice(0, 10);
    exceptions.push({ start: parisInstant(trainingDay, "13:00"), end: parisInstant(trainingDay, "18:00"), reason: "Formation" });
    advisors.push({ id: crypto.randomUUID(), homePlaceId, rules, exceptions, blocked: [] });
  }

  await prisma.schedulingResource.createMany({
    data: advisors.map((a, i) => ({ id: a.id, kind: "ADVISOR" as const, name: `Conseiller numérique ${i + 1} (bench)`, placeId: a.homePlaceId, timeZone })),
  });
  await prisma.availabilityRule.createMany({ data: advisors.flatMap((a) => a.rules.map((rule) => ({ resourceId: a.id, ...rule }))) });
  await prisma.availabilityException.createMany({
    data: advisors.flatMap((a) => a.exceptions.map((e) => ({ resourceId: a.id, startsAt: e.start, endsAt: e.end, reason: "Absence" }))),
  });
  const { id: appointmentTypeId } = await prisma.appointmentType.create({
    data: {
      name: "Accompagnement numérique (bench)",
      resourceKind: "ADVISOR",
      ...appointmentPolicy,
      resources: { connect: advisors.map((a) => ({ id: a.id })) },
    },
    select: { id: true },
  });

  // Bookings at random free starts (not on a grid, as people book), until 40 % of the packed capacity is taken.
  let capacity = 0;
  const bookingRows = [];
  for (const advisor of advisors) {
    const empty = freeSlots(availabilityInput(advisor, []), { from: now, to: windowEnd });
    const advisorCapacity = packed(empty).length;
    capacity += advisorCapacity;
    const target = Math.round(advisorCapacity * bookedShare);
    const taken: { start: Date; end: Date }[] = [];
    for (const slot of shuffled(empty, random)) {
      if (taken.length >= target) break;
      const range = blockedRange(slot.start, appointmentPolicy);
      if (taken.some((t) => overlaps(t, range))) continue;
      taken.push({ start: range.start, end: range.end });
      bookingRows.push({
        resourceId: advisor.id,
        appointmentTypeId,
        startsAt: slot.start,
        endsAt: range.slotEnd,
        blockedFrom: range.start,
        blockedUntil: range.end,
        status: "CONFIRMED" as const,
        placeId: placeOfSlot(advisor, slot.start),
        residentId: pick(residentIds),
      });
    }
    advisor.blocked = taken.sort((a, b) => a.start.getTime() - b.start.getTime());
    advisor.exceptions = advisor.exceptions.map(({ start, end }) => ({ start, end }));
  }
  for (let i = 0; i < bookingRows.length; i += 1000) await prisma.booking.createMany({ data: bookingRows.slice(i, i + 1000) });

  return {
    appointmentTypeId,
    advisors,
    residentIds,
    bookings: bookingRows.length,
    capacity,
    exceptions: advisors.reduce((sum, a) => sum + a.exceptions.length, 0),
    rules: advisors.reduce((sum, a) => sum + a.rules.length, 0),
  };
}

// ----------------------------------------------------------------------------------------------- helpers

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The API's error code; for INTERNAL, the driver's own code too (a Prisma Pxxxx), which says what went wrong. */
function errorCode(error: unknown): string {
  const code = classifyError(error);
  if (code !== "INTERNAL") return code;
  const detail = (error as { code?: unknown }).code;
  if (typeof detail === "string") return `INTERNAL(${detail})`;
  if (!reportedInternal) {
    reportedInternal = true;
    console.error("  first INTERNAL error:", error);
  }
  return code;
}
let reportedInternal = false;

function countCodes(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${code}×${count}`).join(" ") || "none";
}

// ---------------------------------------------------------------------------------------- availability

interface AvailabilityFigures {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  slots: number;
  statements: number;
}

async function timeRuns(runs: number, work: () => Promise<{ slots: number; statements: number }>): Promise<AvailabilityFigures> {
  await work(); // warm-up: JIT, Intl formatters, query plans
  const times: number[] = [];
  let last = { slots: 0, statements: 0 };
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    last = await work();
    times.push(performance.now() - started);
  }
  return { medianMs: percentile(times, 50), p95Ms: percentile(times, 95), minMs: Math.min(...times), ...last };
}

/** (a) The pure computation: freeSlots for each advisor over the 90 days, inputs already in memory. */
function computeAll(data: DataSet): Slot[][] {
  return data.advisors.map((advisor) => freeSlots(availabilityInput(advisor), { from: now, to: windowEnd }));
}

/**
 * (b) The whole search through the database: the loading queries then the computation.
 * searchSlots (slot-search.ts) had not landed when this bench was written; these are the queries a
 * search needs, in a fixed number of statements whatever the number of advisors.
 */
async function searchThroughDatabase(prisma: Prisma, appointmentTypeId: string): Promise<number> {
  const type = await prisma.appointmentType.findUniqueOrThrow({
    where: { id: appointmentTypeId },
    include: { resources: { where: { retiredAt: null }, select: { id: true, timeZone: true } } },
  });
  const resourceIds = type.resources.map((r) => r.id);
  // A booking's blocked range reaches at most buffer-before + duration + buffer-after beyond a slot's start.
  const reach = (type.bufferBeforeMinutes + type.durationMinutes + type.bufferAfterMinutes) * minute;
  const [rules, exceptions, bookings] = await Promise.all([
    prisma.availabilityRule.findMany({ where: { resourceId: { in: resourceIds } } }),
    prisma.availabilityException.findMany({
      where: { resourceId: { in: resourceIds }, startsAt: { lt: new Date(windowEnd.getTime() + reach) }, endsAt: { gt: new Date(now.getTime() - reach) } },
      select: { resourceId: true, startsAt: true, endsAt: true },
    }),
    prisma.booking.findMany({
      where: {
        resourceId: { in: resourceIds },
        status: { in: ["HELD", "CONFIRMED"] },
        blockedFrom: { lt: new Date(windowEnd.getTime() + reach) },
        blockedUntil: { gt: new Date(now.getTime() - reach) },
      },
      select: { resourceId: true, blockedFrom: true, blockedUntil: true },
    }),
  ]);
  let slots = 0;
  for (const resource of type.resources) {
    slots += freeSlots(
      {
        rules: rules.filter((r) => r.resourceId === resource.id),
        exceptions: exceptions.filter((e) => e.resourceId === resource.id).map((e) => ({ start: e.startsAt, end: e.endsAt })),
        blocked: bookings.filter((b) => b.resourceId === resource.id).map((b) => ({ start: b.blockedFrom, end: b.blockedUntil })),
        appointmentType: type,
        timeZone: resource.timeZone,
        now,
      },
      { from: now, to: windowEnd },
    ).length;
  }
  return slots;
}

// --------------------------------------------------------------------------------------------- booking

interface FreeSlot {
  resourceId: string;
  start: Date;
}

/** Distinct free slots that never overlap one another, interleaved across advisors (client i rarely meets client j). */
function slotPool(data: DataSet, free: Slot[][]): FreeSlot[] {
  const perAdvisor = free.map((slots, i) => packed(slots).map((slot) => ({ resourceId: data.advisors[i]?.id as string, start: slot.start })));
  const pool: FreeSlot[] = [];
  for (let index = 0; perAdvisor.some((slots) => index < slots.length); index++) {
    for (const slots of perAdvisor) {
      const slot = slots[index];
      if (slot) pool.push(slot);
    }
  }
  return pool;
}

const mutationInfo = (fieldName: string) => ({ fieldName, path: { key: fieldName, prev: undefined, typename: "Mutation" } }) as unknown as MutationInfo;

/** One resident's booking as the API makes it: the holdSlot mutation, then the confirmBooking mutation, each through runMutation (one transaction + its audit row). */
async function holdAndConfirm(base: Context, appointmentTypeId: string, slot: FreeSlot, residentId: string): Promise<void> {
  const request = (): Context => ({ ...base, requestId: crypto.randomUUID(), audited: new Set() });
  const held = await runMutation(request(), mutationInfo("holdSlot"), async (tx, journal) => {
    const booking = await holdSlot(tx, { resourceId: slot.resourceId, appointmentTypeId, startsAt: slot.start, holder: { residentId } }, now);
    journal.targetIds.push(booking.id);
    journal.onBehalfOfResidentId = residentId;
    return booking;
  });
  await runMutation(request(), mutationInfo("confirmBooking"), async (tx, journal) => {
    const booking = await confirmBooking(tx, held.id, now);
    journal.targetIds.push(booking.id);
    journal.onBehalfOfResidentId = residentId;
    return booking;
  });
}

interface ThroughputFigures {
  clients: number;
  confirmed: number;
  failures: string;
  seconds: number;
  perSecond: number;
  latencyMedianMs: number;
  latencyP95Ms: number;
  statementsPerConfirmation: number;
}

interface ContendedFigures {
  settleMs: number[];
  outcomes: string[];
  exactlyOne: boolean;
}

// ------------------------------------------------------------------------------------------- one database

interface DatabaseFigures {
  label: string;
  pure: AvailabilityFigures;
  search: AvailabilityFigures;
  throughput: ThroughputFigures[];
  contended: ContendedFigures;
}

async function benchDatabase(label: string, open: (onQuery: () => void) => Promise<Database>): Promise<DatabaseFigures> {
  let statements = 0;
  const setupStarted = performance.now();
  const db = await open(() => void (statements += 1));
  const cleanUp = () => void db.close();
  process.once("SIGINT", cleanUp);
  try {
    const prisma = db.prisma;
    const data = await createDataSet(prisma);
    console.log(`\n■ ${label}`);
    console.log(
      `  data      ${advisorCount} advisors, ${data.rules} weekly rules, ${data.exceptions} exceptions, ${data.bookings} confirmed bookings ` +
        `= ${((100 * data.bookings) / data.capacity).toFixed(1)} % of a capacity of ${data.capacity} appointments (45 min + 5/10 min buffers, 24 h notice) ` +
        `over ${windowDays} days from ${now.toISOString()}; ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    const pure = await timeRuns(settings.runs, async () => ({ slots: computeAll(data).reduce((sum, s) => sum + s.length, 0), statements: 0 }));
    console.log(
      `  (a) freeSlots × ${advisorCount} advisors, ${windowDays} days, in memory: median ${ms(pure.medianMs)} ms, p95 ${ms(pure.p95Ms)} ms ` +
        `(min ${ms(pure.minMs)}, ${settings.runs} runs); ${pure.slots} free slots; ${ms(pure.medianMs / advisorCount)} ms per advisor`,
    );

    const search = await timeRuns(settings.runs, async () => {
      const before = statements;
      const slots = await searchThroughDatabase(prisma, data.appointmentTypeId);
      return { slots, statements: statements - before };
    });
    console.log(
      `  (b) loading queries + freeSlots, through Prisma: median ${ms(search.medianMs)} ms, p95 ${ms(search.p95Ms)} ms ` +
        `(min ${ms(search.minMs)}, ${settings.runs} runs); ${search.slots} free slots; ${plural(search.statements, "SQL statement")} per search`,
    );

    // Booking: distinct free slots of the same calendar, taken one after another by the runs below.
    const pool = slotPool(data, computeAll(data));
    // The acting agent must exist: the audit journal refers to it.
    const { id: agentId } = await prisma.agent.create({ data: { email: `bench-${crypto.randomUUID()}@bench.example`, displayName: "Bench agent" } });
    const base = testContext(prisma, {
      viewer: { kind: "agent", agentId, sessionId: crypto.randomUUID(), roles: new Map([["TRAINING", "all"]]) },
      logger: createLogger({ level: "silent" }),
      userAgent: "bench",
    });
    let next = 0;
    const take = (): FreeSlot => {
      const slot = pool[next++];
      if (!slot) throw new Error(`The pool of ${pool.length} free slots ran out: lower BENCH_CONFIRMATIONS`);
      return slot;
    };
    const resident = (i: number) => data.residentIds[i % data.residentIds.length] as string;

    for (let i = 0; i < 20; i++) await holdAndConfirm(base, data.appointmentTypeId, take(), resident(i)); // warm-up

    const throughput: ThroughputFigures[] = [];
    for (const clients of settings.clientLevels) {
      const slots = Array.from({ length: settings.confirmations }, take);
      const latencies: number[] = [];
      const failures: string[] = [];
      let queue = 0;
      const before = statements;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let index = queue++; index < slots.length; index = queue++) {
            const t0 = performance.now();
            try {
              await holdAndConfirm(base, data.appointmentTypeId, slots[index] as FreeSlot, resident(index));
              latencies.push(performance.now() - t0);
            } catch (error) {
              failures.push(errorCode(error));
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const row: ThroughputFigures = {
        clients,
        confirmed: latencies.length,
        failures: countCodes(failures),
        seconds,
        perSecond: latencies.length / seconds,
        latencyMedianMs: percentile(latencies, 50),
        latencyP95Ms: percentile(latencies, 95),
        statementsPerConfirmation: (statements - before) / settings.confirmations,
      };
      throughput.push(row);
      console.log(
        `  (c) ${String(clients).padStart(2)} client${clients === 1 ? " " : "s"}: ${row.confirmed}/${settings.confirmations} confirmed in ${seconds.toFixed(2)} s = ` +
          `${row.perSecond.toFixed(1)} confirmations/s; hold+confirm latency median ${ms(row.latencyMedianMs)} ms, p95 ${ms(row.latencyP95Ms)} ms; ` +
          `failures ${row.failures}; ${row.statementsPerConfirmation.toFixed(1)} SQL statements per confirmation`,
      );
    }

    const contended: ContendedFigures = { settleMs: [], outcomes: [], exactlyOne: true };
    for (let round = 0; round < settings.contendedRounds; round++) {
      const slot = take();
      const started = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: settings.contendedClients }, (_, i) => holdAndConfirm(base, data.appointmentTypeId, slot, resident(i))),
      );
      contended.settleMs.push(performance.now() - started);
      const codes = results.map((r) => (r.status === "fulfilled" ? "CONFIRMED" : errorCode(r.reason)));
      const confirmedRows = await prisma.booking.count({ where: { resourceId: slot.resourceId, startsAt: slot.start, status: "CONFIRMED" } });
      const outcome = `${countCodes(codes)}, ${confirmedRows} confirmed row`;
      contended.outcomes.push(outcome);
      const ok = codes.filter((c) => c === "CONFIRMED").length === 1 && codes.filter((c) => c === "CONFLICT").length === settings.contendedClients - 1;
      if (!ok || confirmedRows !== 1) contended.exactlyOne = false;
    }
    console.log(
      `  (d) ${settings.contendedClients} concurrent hold+confirm of the same slot, ${settings.contendedRounds} rounds: settled in median ` +
        `${ms(percentile(contended.settleMs, 50))} ms, max ${ms(Math.max(...contended.settleMs))} ms; outcomes: ${[...new Set(contended.outcomes)].join(" | ")}` +
        (contended.exactlyOne ? "" : "  ← NOT exactly one success and 49 CONFLICT"),
    );
    return { label, pure, search, throughput, contended };
  } finally {
    process.removeListener("SIGINT", cleanUp);
    await db.close();
  }
}

// -------------------------------------------------------------------------------------------------- run

console.log(`Machine: ${machine}; ${loadAverage()} at start`);
console.log(
  `Availability: ${settings.runs} timed runs after one warm-up. Booking: ${settings.confirmations} confirmations per level with ` +
    `${settings.clientLevels.join(", ")} concurrent clients, each confirmation = holdSlot then confirmBooking, two runMutation ` +
    `transactions with their audit rows (the services, not HTTP), after 20 warm-up confirmations.`,
);

const results: DatabaseFigures[] = [];
let failed = false;

try {
  results.push(
    await benchDatabase("PGlite (embedded, in memory, one connection: transactions run one at a time)", (onQuery) =>
      createTestDatabase({ onQuery }),
    ),
  );
} catch (error) {
  console.error("PGlite: the bench could not run:", error);
  failed = true;
}

if (settings.postgresUrl !== "off") {
  const previous = process.env.TEST_POSTGRES_URL;
  // The test harness creates a throwaway database next to this one, migrates and seeds it, and drops it on close.
  process.env.TEST_POSTGRES_URL = settings.postgresUrl;
  try {
    results.push(
      await benchDatabase(`PostgreSQL (${new URL(settings.postgresUrl).host}, throwaway database, @prisma/adapter-pg pool of 10 connections)`, (onQuery) =>
        createTestDatabase({ onQuery }),
      ),
    );
  } catch (error) {
    console.error(`PostgreSQL at ${settings.postgresUrl}: the bench could not run:`, error);
    failed = true;
  } finally {
    if (previous === undefined) delete process.env.TEST_POSTGRES_URL;
    else process.env.TEST_POSTGRES_URL = previous;
  }
}

// ----------------------------------------------------------------------------------------------- summary

console.log(`\nAvailability, ${advisorCount} advisors × ${windowDays} days (ms; median / p95 of ${settings.runs} runs)`);
console.log("database     freeSlots only     search through the DB   free slots  SQL/search");
for (const r of results) {
  console.log(
    `${r.label.split(" ")[0]?.padEnd(12)} ${`${ms(r.pure.medianMs)} / ${ms(r.pure.p95Ms)}`.padStart(14)}     ${`${ms(r.search.medianMs)} / ${ms(r.search.p95Ms)}`.padStart(18)}   ${String(r.search.slots).padStart(10)}  ${String(r.search.statements).padStart(10)}`,
  );
}
console.log(`\nBooking throughput (hold + confirm through the services, ${settings.confirmations} distinct free slots per level)`);
console.log("database     clients  confirmations/s  median ms  p95 ms  SQL/confirmation  failures");
for (const r of results) {
  for (const t of r.throughput) {
    console.log(
      `${r.label.split(" ")[0]?.padEnd(12)} ${String(t.clients).padStart(7)}  ${t.perSecond.toFixed(1).padStart(15)}  ${ms(t.latencyMedianMs).padStart(9)}  ${ms(t.latencyP95Ms).padStart(6)}  ${t.statementsPerConfirmation.toFixed(1).padStart(16)}  ${t.failures}`,
    );
  }
}
console.log(`\nContended: ${settings.contendedClients} concurrent confirmations of the same slot, ${settings.contendedRounds} rounds`);
for (const r of results) {
  console.log(
    `${r.label.split(" ")[0]?.padEnd(12)} settled in median ${ms(percentile(r.contended.settleMs, 50))} ms (${r.contended.settleMs.map(ms).join(", ")}); ` +
      `${r.contended.exactlyOne ? "every round: 1 confirmed, 49 CONFLICT" : `NOT 1/49: ${r.contended.outcomes.join(" | ")}`}`,
  );
}
console.log(`\nMachine: ${machine}; ${loadAverage()} at the end`);

const doubleBooked = results.some((r) => !r.contended.exactlyOne);
if (doubleBooked) console.error("\nThe contended case did not end with exactly one confirmed booking.");
process.exit(failed || doubleBooked || results.length === 0 ? 1 : 0);
