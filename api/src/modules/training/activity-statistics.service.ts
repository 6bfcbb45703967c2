/**
 * Activity statistics: counts of accompaniments over Europe/Paris calendar days, per advisor, place,
 * commune of the residents, topic, autonomy and referral. Counted by the database in a fixed number of
 * statements (seven queries in one transaction), whatever the number of reports; every query shares one
 * WHERE clause.
 */
import { Prisma, type ActivityTopic, type AutonomyLevel, type PrismaClient, type ReferralTarget } from "../../generated/prisma/client.js";
import { fromLocal, msPerDay } from "../../scheduling/index.js";
import type { Viewer } from "../identity/index.js";
import { activityReportCommuneScope } from "./activity-report.policy.js";

export const statisticsTimeZone = "Europe/Paris";
export const maxStatisticsDays = 366;

export interface ActivityStatisticsFilter {
  /** Calendar days YYYY-MM-DD in Paris, both included. */
  from: string;
  to: string;
  advisorId?: string | null;
  placeId?: string | null;
  /** Accompaniments at places of this commune. */
  communeId?: string | null;
}

export interface Count<Key> {
  key: Key;
  count: number;
}

export interface Tally<Key> extends Count<Key> {
  minutes: number;
}

export interface ActivityStatistics {
  from: string;
  to: string;
  accompanimentCount: number;
  totalMinutes: number;
  residentCount: number;
  byAdvisor: Tally<string>[];
  byPlace: Tally<string>[];
  /** key: the residents' commune INSEE code; null: unknown. */
  byCommune: Tally<string | null>[];
  byTopic: Count<ActivityTopic>[];
  byAutonomy: Count<AutonomyLevel>[];
  byReferral: Count<ReferralTarget>[];
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date YYYY-MM-DD. */
export function dayNumber(date: string): number {
  const match = dayPattern.exec(date);
  if (!match) throw new Error(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / msPerDay;
}

/** The instant `day` starts in Paris. Midnight always exists there: the clocks change at 02:00 and 03:00. */
function parisMidnight(day: number): Date {
  const instant = fromLocal(day, 0, statisticsTimeZone);
  if (!instant) throw new Error(`Midnight of day ${day} does not exist in ${statisticsTimeZone}`);
  return instant;
}

const reportsSource = Prisma.sql`"ActivityReport" r JOIN "Place" p ON p."id" = r."placeId"`;

/** The reports the statistics count: in [from 00:00, to + 1 day 00:00) Paris time, in the viewer's scope. */
function reportsCondition(viewer: Viewer, filter: ActivityStatisticsFilter): Prisma.Sql {
  const scope = activityReportCommuneScope(viewer);
  const conditions = [
    Prisma.sql`r."occurredAt" >= ${parisMidnight(dayNumber(filter.from))}`,
    Prisma.sql`r."occurredAt" < ${parisMidnight(dayNumber(filter.to) + 1)}`,
    ...(filter.advisorId ? [Prisma.sql`r."advisorId" = ${filter.advisorId}::uuid`] : []),
    ...(filter.placeId ? [Prisma.sql`r."placeId" = ${filter.placeId}::uuid`] : []),
    ...(filter.communeId ? [Prisma.sql`p."communeId" = ${filter.communeId}::uuid`] : []),
    ...(scope === "all"
      ? []
      : [scope.length ? Prisma.sql`p."communeId" IN (${Prisma.join(scope.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`]),
  ];
  return Prisma.join(conditions, " AND ");
}

type Row = Tally<string | null>;

export async function activityStatistics(db: PrismaClient, viewer: Viewer, filter: ActivityStatisticsFilter): Promise<ActivityStatistics> {
  const where = reportsCondition(viewer, filter);
  // Largest first; ties by key, so the order is the same on every database and every run.
  const tally = (column: Prisma.Sql, extra = Prisma.empty) =>
    db.$queryRaw<Row[]>`SELECT ${column} AS key, count(*)::int AS count, coalesce(sum(r."durationMinutes"), 0)::int AS minutes
      FROM ${reportsSource} WHERE ${where} ${extra} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST`;
  // One snapshot on PostgreSQL: the totals and every breakdown count the same reports while others write
  // reports. (PGlite keeps its default level, but its single connection runs one transaction at a time.)
  const [totals, byAdvisor, byPlace, byCommune, byTopic, byAutonomy, byReferral] = await db.$transaction([
    db.$queryRaw<{ count: number; minutes: number; residents: number }[]>`SELECT count(*)::int AS count,
      coalesce(sum(r."durationMinutes"), 0)::int AS minutes, count(DISTINCT r."residentId")::int AS residents
      FROM ${reportsSource} WHERE ${where}`,
    tally(Prisma.sql`r."advisorId"::text`),
    tally(Prisma.sql`r."placeId"::text`),
    tally(Prisma.sql`r."communeInseeCode"`),
    // One row per (report, topic): a report about two topics counts once in each.
    db.$queryRaw<Count<ActivityTopic>[]>`SELECT t.topic::text AS key, count(*)::int AS count
      FROM ${reportsSource} CROSS JOIN LATERAL unnest(r."topics") AS t(topic) WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
    tally(Prisma.sql`r."autonomy"::text`),
    tally(Prisma.sql`r."referral"::text`, Prisma.sql`AND r."referral" IS NOT NULL`),
  ], { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
  const total = totals[0] ?? { count: 0, minutes: 0, residents: 0 };
  // Keys come back as text; the columns they come from hold ids, INSEE codes or values of these enums.
  const tallies = <Key extends string | null>(rows: Row[]): Tally<Key>[] => rows.map((row) => ({ key: row.key as Key, count: row.count, minutes: row.minutes }));
  const counts = <Key extends string>(rows: Row[]): Count<Key>[] => rows.map((row) => ({ key: row.key as Key, count: row.count }));
  return {
    from: filter.from,
    to: filter.to,
    accompanimentCount: total.count,
    totalMinutes: total.minutes,
    residentCount: total.residents,
    byAdvisor: tallies<string>(byAdvisor),
    byPlace: tallies<string>(byPlace),
    byCommune: tallies<string | null>(byCommune),
    byTopic,
    byAutonomy: counts<AutonomyLevel>(byAutonomy),
    byReferral: counts<ReferralTarget>(byReferral),
  };
}
