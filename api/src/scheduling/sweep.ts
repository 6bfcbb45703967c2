/**
 * The periodic clean-up of everything in the booking engine that expires with time: holds nobody
 * confirmed, waiting-list offers nobody took, group-seat offers nobody accepted. Holds already stop
 * blocking when they run out (booking.service.ts); the sweep makes their rows say so, and, above all,
 * passes lapsed offers on to the next person, which no request would otherwise do.
 *
 * Each offer is handled in its own transaction, so that one failing item neither rolls back nor stops
 * the others; the failures are then thrown together (SchedulingSweepError, with the counts of what did
 * succeed), never swallowed. The periodic runner (startSchedulingSweep) logs them at error level.
 */
import type { Database } from "../db/database.js";
import type { Logger } from "../logger.js";
import { lapseGroupOffer } from "./group-session.service.js";
import { releaseOffer } from "./waitlist.service.js";

type Prisma = Database["prisma"];

export interface SweepCounts {
  /** Holds marked EXPIRED (waiting-list offers' holds included). */
  expiredHolds: number;
  /** Waiting-list entries LAPSED and group offers CANCELLED because their offer ran out. */
  lapsedOffers: number;
  /** New offers made to the next person (waiting-list holds and group seats). */
  offersMade: number;
}

export class SchedulingSweepError extends AggregateError {
  override name = "SchedulingSweepError";
  constructor(
    errors: unknown[],
    /** What the sweep did despite the failures. */
    readonly counts: SweepCounts,
  ) {
    super(errors, `${errors.length} scheduling expir${errors.length === 1 ? "y" : "ies"} could not be processed`);
  }
}

const txOptions = { maxWait: 10_000, timeout: 30_000 };

export async function sweepSchedulingExpiries(prisma: Prisma, now = new Date()): Promise<SweepCounts> {
  const counts: SweepCounts = { expiredHolds: 0, lapsedOffers: 0, offersMade: 0 };
  const errors: unknown[] = [];

  // Every stale hold, on every resource, in one statement, before anything else: passing an offer on
  // marks its resource's stale holds too (offerFreedSlot), and those would then go uncounted.
  try {
    const { count } = await prisma.booking.updateMany({ where: { status: "HELD", holdExpiresAt: { lte: now } }, data: { status: "EXPIRED" } });
    counts.expiredHolds += count;
  } catch (error) {
    errors.push(error);
  }

  // Waiting-list offers whose hold ran out: EXPIRED now (above, or earlier by a later hold on the
  // resource), or still HELD past its time if the statement above failed.
  const lapsedEntries = await prisma.waitlistEntry.findMany({
    where: {
      status: "OFFERED",
      offerBooking: { OR: [{ status: "EXPIRED" }, { status: "HELD", holdExpiresAt: { lte: now } }] },
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const { id } of lapsedEntries) {
    try {
      await prisma.$transaction(async (tx) => {
        const entry = await tx.waitlistEntry.findUniqueOrThrow({ where: { id }, include: { offerBooking: true } });
        const hold = entry.offerBooking;
        const expired = hold && (hold.status === "EXPIRED" || (hold.status === "HELD" && hold.holdExpiresAt && hold.holdExpiresAt <= now));
        // Confirmed or cancelled since it was listed: nothing left to do.
        if (entry.status !== "OFFERED" || !hold || !expired) return;
        const { count } = await tx.waitlistEntry.updateMany({ where: { id, status: "OFFERED" }, data: { status: "LAPSED" } });
        if (count !== 1) return;
        const next = await releaseOffer(tx, hold.id, null, now);
        counts.lapsedOffers += 1;
        if (hold.status === "HELD") counts.expiredHolds += 1;
        if (next) counts.offersMade += 1;
      }, txOptions);
    } catch (error) {
      errors.push(error);
    }
  }

  const lapsedSeats = await prisma.groupEnrolment.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const { id } of lapsedSeats) {
    try {
      const result = await prisma.$transaction((tx) => lapseGroupOffer(tx, id, now), txOptions);
      if (result) {
        counts.lapsedOffers += 1;
        if (result.offered) counts.offersMade += 1;
      }
    } catch (error) {
      errors.push(error);
    }
  }

  if (errors.length) throw new SchedulingSweepError(errors, counts);
  return counts;
}

export interface SchedulingSweepOptions {
  prisma: Prisma;
  /** Seconds between the end of one sweep and the start of the next; 0 = never run. */
  intervalSeconds: number;
  logger: Logger;
}

export interface SchedulingSweep {
  /** Cancels the next run and waits for a running one to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the sweep every `intervalSeconds` until stopped. A run starts only after the previous one has
 * finished (no overlap on a slow database), and the timer does not keep the process alive.
 */
export function startSchedulingSweep({ prisma, intervalSeconds, logger }: SchedulingSweepOptions): SchedulingSweep {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  const log = logger.child({ component: "scheduling-sweep" });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const report = (counts: SweepCounts) => {
    if (counts.expiredHolds || counts.lapsedOffers || counts.offersMade) log.info(counts, "scheduling expiries swept");
  };
  const run = async () => {
    try {
      report(await sweepSchedulingExpiries(prisma));
    } catch (error) {
      if (error instanceof SchedulingSweepError) {
        report(error.counts);
        for (const cause of error.errors) log.error({ err: cause }, "a scheduling expiry could not be processed");
      } else {
        log.error({ err: error }, "the scheduling sweep failed");
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        schedule();
      });
    }, intervalSeconds * 1000);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
