import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { ActivityTopic, AutonomyLevel, Prisma, ReferralTarget } from "../../generated/prisma/client.js";
import { demoId } from "../../../prisma/seed/demo-calendar.js";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { createTestDatabase } from "../../testing/test-database.js";
import { createAdminSession, createTestAgent, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
let statements = 0;
const gid = encodeGlobalID;

const advisors = {
  nadia: demoId("advisor:nadia.lefebvre@capl.example"),
  karim: demoId("advisor:karim.benali@capl.example"),
  lea: demoId("advisor:lea.garnier@capl.example"),
};
const places = { laon: "", franceServices: "", crepy: "", athies: "" };
const communes = { laon: "", crepy: "" };
let createdById: string;
let laonResident: string;
let crepyResident: string;
let admin: string;
let laonAgent: string;

beforeAll(async () => {
  const db = await createTestDatabase({ onQuery: () => statements++ });
  t = await startTestApi({}, db);
  const prisma = t.db.prisma;
  const place = async (name: string) => (await prisma.place.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  places.laon = await place("Médiathèque de Laon (démo)");
  places.franceServices = await place("Espace France services de Laon (démo)");
  places.crepy = await place("Tiers-lieu numérique de Crépy (démo)");
  places.athies = await place("Bibliothèque d'Athies-sous-Laon (démo)");
  communes.laon = (await prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02408" } })).id;
  communes.crepy = (await prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02238" } })).id;
  createdById = (await prisma.agent.findUniqueOrThrow({ where: { email: "nadia.lefebvre@capl.example" } })).id;
  laonResident = (await createTestResident(prisma, "02408")).residentId;
  crepyResident = (await createTestResident(prisma, "02238")).residentId;
  admin = (await createAdminSession(prisma)).token;
  const limited = await createTestAgent(prisma, [{ role: "TRAINING", communeInseeCodes: ["02408"] }], "Laon trainer");
  laonAgent = (await createTestSession(prisma, { agentId: limited.agentId })).token;
});
afterAll(async () => {
  await t?.close();
  await t?.db.close();
});

interface ReportSpec {
  at: string;
  advisor?: keyof typeof advisors;
  place?: keyof typeof places;
  resident?: string | null;
  commune?: string | null;
  topics?: ActivityTopic[];
  minutes?: number;
  autonomy?: AutonomyLevel;
  referral?: ReferralTarget;
}

function report(spec: ReportSpec): Prisma.ActivityReportCreateManyInput {
  return {
    advisorId: advisors[spec.advisor ?? "nadia"],
    placeId: places[spec.place ?? "laon"],
    residentId: spec.resident ?? null,
    communeInseeCode: spec.commune ?? null,
    occurredAt: new Date(spec.at),
    topics: spec.topics ?? ["EMAIL"],
    durationMinutes: spec.minutes ?? 30,
    equipment: [],
    autonomy: spec.autonomy ?? "AUTONOMOUS",
    referral: spec.referral ?? null,
    createdById,
  };
}

const statisticsQuery = `query ($filter: ActivityStatisticsFilter!) { activityStatistics(filter: $filter) {
  from to accompanimentCount totalMinutes residentCount
  byAdvisor { advisor { id name } count minutes }
  byPlace { place { id name commune { inseeCode } } count minutes }
  byCommune { commune { inseeCode name } count minutes }
  byTopic { topic count }
  byAutonomy { autonomy count }
  byReferral { referral count }
} }`;

interface Statistics {
  from: string;
  to: string;
  accompanimentCount: number;
  totalMinutes: number;
  residentCount: number;
  byAdvisor: { advisor: { id: string; name: string }; count: number; minutes: number }[];
  byPlace: { place: { id: string; name: string; commune: { inseeCode: string } }; count: number; minutes: number }[];
  byCommune: { commune: { inseeCode: string; name: string } | null; count: number; minutes: number }[];
  byTopic: { topic: string; count: number }[];
  byAutonomy: { autonomy: string; count: number }[];
  byReferral: { referral: string; count: number }[];
}

async function statistics(filter: Record<string, unknown>, token = admin) {
  return t.client.request<{ activityStatistics: Statistics }>(statisticsQuery, { filter }, { token });
}

async function statisticsOk(filter: Record<string, unknown>, token = admin): Promise<Statistics> {
  const answer = await statistics(filter, token);
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  return answer.body.data!.activityStatistics;
}

describe("activityStatistics", () => {
  beforeAll(async () => {
    // The week of Monday 3 June 2030 (Paris summer time, UTC+2).
    await t.db.prisma.activityReport.createMany({
      data: [
        report({ at: "2030-06-03T08:00:00Z", resident: laonResident, commune: "02408", topics: ["EMAIL", "SECURITY"], minutes: 45, autonomy: "PARTIALLY_AUTONOMOUS", referral: "FRANCE_SERVICES" }),
        report({ at: "2030-06-04T08:00:00Z", resident: laonResident, commune: "02408", topics: ["EMAIL"], minutes: 30, place: "franceServices" }),
        report({ at: "2030-06-05T08:00:00Z", advisor: "karim", place: "crepy", resident: crepyResident, commune: "02238", topics: ["SMALL_BUSINESS", "BROWSING", "EMAIL"], minutes: 60, referral: "TRAINING_SESSION" }),
        report({ at: "2030-06-06T08:00:00Z", advisor: "lea", place: "athies", topics: ["STAY_IN_TOUCH"], minutes: 20, autonomy: "NOT_AUTONOMOUS", referral: "FRANCE_SERVICES" }),
        report({ at: "2030-06-07T08:00:00Z", place: "franceServices", topics: ["ONLINE_PROCEDURES"], minutes: 15, autonomy: "NOT_AUTONOMOUS" }),
      ],
    });
  });

  const week = { from: "2030-06-03", to: "2030-06-09" };
  const advisor = (key: keyof typeof advisors, name: string) => ({ id: gid("Advisor", advisors[key]), name });

  it("counts per advisor, place, commune, topic, autonomy and referral, with totals and distinct residents", async () => {
    const stats = await statisticsOk(week);
    expect(stats).toMatchObject({ ...week, accompanimentCount: 5, totalMinutes: 170, residentCount: 2 });
    // Equal counts are ordered by id.
    const ties = [advisor("karim", "Karim Benali"), advisor("lea", "Léa Garnier")].sort((a, b) => (Buffer.from(a.id, "base64").toString() < Buffer.from(b.id, "base64").toString() ? -1 : 1));
    expect(stats.byAdvisor).toEqual([
      { advisor: advisor("nadia", "Nadia Lefebvre"), count: 3, minutes: 90 },
      ...ties.map((a) => ({ advisor: a, count: 1, minutes: a.name === "Karim Benali" ? 60 : 20 })),
    ]);
    expect(stats.byPlace.map((p) => [p.place.name, p.count, p.minutes])).toEqual(
      expect.arrayContaining([
        ["Espace France services de Laon (démo)", 2, 45],
        ["Médiathèque de Laon (démo)", 1, 45],
        ["Tiers-lieu numérique de Crépy (démo)", 1, 60],
        ["Bibliothèque d'Athies-sous-Laon (démo)", 1, 20],
      ]),
    );
    expect(stats.byPlace).toHaveLength(4);
    expect(stats.byPlace[0]?.place.name).toBe("Espace France services de Laon (démo)");
    expect(stats.byCommune).toEqual([
      { commune: { inseeCode: "02408", name: "Laon" }, count: 2, minutes: 75 },
      { commune: null, count: 2, minutes: 35 },
      { commune: { inseeCode: "02238", name: "Crépy" }, count: 1, minutes: 60 },
    ]);
    // A report about two topics counts in both: EMAIL is in three reports.
    expect(stats.byTopic).toEqual([
      { topic: "EMAIL", count: 3 },
      { topic: "BROWSING", count: 1 },
      { topic: "ONLINE_PROCEDURES", count: 1 },
      { topic: "SECURITY", count: 1 },
      { topic: "SMALL_BUSINESS", count: 1 },
      { topic: "STAY_IN_TOUCH", count: 1 },
    ]);
    expect(stats.byAutonomy).toEqual([
      { autonomy: "AUTONOMOUS", count: 2 },
      { autonomy: "NOT_AUTONOMOUS", count: 2 },
      { autonomy: "PARTIALLY_AUTONOMOUS", count: 1 },
    ]);
    expect(stats.byReferral).toEqual([
      { referral: "FRANCE_SERVICES", count: 2 },
      { referral: "TRAINING_SESSION", count: 1 },
    ]);
  });

  it("filters by advisor, place and commune of the place", async () => {
    expect((await statisticsOk({ ...week, advisorId: gid("Advisor", advisors.nadia) })).accompanimentCount).toBe(3);
    expect((await statisticsOk({ ...week, placeId: gid("Place", places.franceServices) })).totalMinutes).toBe(45);
    const laon = await statisticsOk({ ...week, communeId: gid("Commune", communes.laon) });
    expect(laon.accompanimentCount).toBe(3);
    expect(new Set(laon.byPlace.map((p) => p.place.commune.inseeCode))).toEqual(new Set(["02408"]));
    const none = await statisticsOk({ ...week, communeId: gid("Commune", communes.laon), advisorId: gid("Advisor", advisors.karim) });
    expect(none).toMatchObject({ accompanimentCount: 0, totalMinutes: 0, residentCount: 0, byAdvisor: [], byTopic: [], byCommune: [] });
  });

  it("applies the agent's commune scope: an agent limited to Laon counts Laon's places only", async () => {
    const stats = await statisticsOk(week, laonAgent);
    expect(stats).toMatchObject({ accompanimentCount: 3, totalMinutes: 90, residentCount: 1 });
    expect(stats.byAdvisor.map((a) => a.advisor.name)).toEqual(["Nadia Lefebvre"]);
    // Asking for Crépy does not get around the scope.
    expect((await statisticsOk({ ...week, placeId: gid("Place", places.crepy) }, laonAgent)).accompanimentCount).toBe(0);
  });

  it("refuses residents and agents without TRAINING or ADMIN, a period backwards or over 366 days, and a bad commune ID", async () => {
    const resident = await createTestResident(t.db.prisma, "02408");
    const residentToken = (await createTestSession(t.db.prisma, { residentId: resident.residentId })).token;
    expect(errorCodes((await statistics(week, residentToken)).body)).toEqual(["FORBIDDEN"]);
    const portal = await createTestAgent(t.db.prisma, [{ role: "PORTAL" }], "portal");
    expect(errorCodes((await statistics(week, (await createTestSession(t.db.prisma, { agentId: portal.agentId })).token)).body)).toEqual(["FORBIDDEN"]);
    expect(errorCodes((await statistics({ from: "2030-06-09", to: "2030-06-03" })).body)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes((await statistics({ from: "2030-01-01", to: "2031-01-02" })).body)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes((await statistics({ ...week, communeId: gid("Place", places.laon) })).body)).toEqual(["BAD_USER_INPUT"]);
    expect(errorCodes((await statistics({ from: "2030-02-30", to: "2030-03-01" })).body)).toEqual(["BAD_USER_INPUT"]);
    // 366 days, both included, is the longest period allowed.
    expect((await statisticsOk({ from: "2030-01-01", to: "2031-01-01" })).accompanimentCount).toBeGreaterThanOrEqual(5);
  });
});

describe("activityStatistics days are Europe/Paris calendar days", () => {
  /**
   * For each period, at a place of its own: reports at 00:30 on its first day and 23:30 on its last day
   * (Paris time) are in; 23:30 the day before and 00:30 the day after are out. Instants are written in UTC by hand.
   */
  const cases: { label: string; place: keyof typeof places; from: string; to: string; inside: string[]; outside: string[] }[] = [
    // Summer time (UTC+2).
    { label: "a summer day", place: "laon", from: "2030-07-10", to: "2030-07-10", inside: ["2030-07-09T22:30:00Z", "2030-07-10T21:30:00Z"], outside: ["2030-07-09T21:30:00Z", "2030-07-10T22:30:00Z"] },
    // Sunday 31 March 2030: 23 hours, 00:30 is UTC+1 and 23:30 is UTC+2.
    { label: "the spring change", place: "franceServices", from: "2030-03-31", to: "2030-03-31", inside: ["2030-03-30T23:30:00Z", "2030-03-31T21:30:00Z"], outside: ["2030-03-30T22:30:00Z", "2030-03-31T22:30:00Z"] },
    // Sunday 27 October 2030: 25 hours, 00:30 is UTC+2 and 23:30 is UTC+1.
    { label: "the autumn change", place: "crepy", from: "2030-10-27", to: "2030-10-27", inside: ["2030-10-26T22:30:00Z", "2030-10-27T22:30:00Z"], outside: ["2030-10-26T21:30:00Z", "2030-10-27T23:30:00Z"] },
    // A week ending on the autumn change, starting in summer time.
    { label: "a week ending on the autumn change", place: "athies", from: "2030-10-21", to: "2030-10-27", inside: ["2030-10-20T22:30:00Z", "2030-10-27T22:30:00Z"], outside: ["2030-10-20T21:30:00Z", "2030-10-27T23:30:00Z"] },
  ];

  beforeAll(async () => {
    await t.db.prisma.activityReport.createMany({ data: cases.flatMap((c) => [...c.inside, ...c.outside].map((at) => report({ at, place: c.place }))) });
  });

  for (const c of cases) {
    it(`includes 00:30 of the first day and 23:30 of the last, not the hours around them: ${c.label}`, async () => {
      const stats = await statisticsOk({ from: c.from, to: c.to, placeId: gid("Place", places[c.place]) });
      expect(stats.accompanimentCount).toBe(c.inside.length);
    });
  }
});

describe("activityStatistics is counted in a fixed number of SQL statements", () => {
  it("sends as many statements for 1 report as for 200 over 3 advisors, 4 places, 3 communes, 14 topics", async () => {
    const allTopics: ActivityTopic[] = ["EQUIPMENT", "EMAIL", "BROWSING", "SECURITY", "OFFICE_SOFTWARE", "DIGITAL_CONTENT", "STAY_IN_TOUCH", "EMPLOYMENT", "PARENTING", "SMALL_BUSINESS", "HEALTH", "BUDGET", "ONLINE_PROCEDURES", "DIAGNOSTIC"];
    const advisorKeys = ["nadia", "karim", "lea"] as const;
    const placeKeys = ["laon", "franceServices", "crepy", "athies"] as const;
    const autonomies: AutonomyLevel[] = ["NOT_AUTONOMOUS", "PARTIALLY_AUTONOMOUS", "AUTONOMOUS"];
    const referrals: (ReferralTarget | undefined)[] = ["FRANCE_SERVICES", "SOCIAL_SERVICES", undefined, "OTHER"];
    const residents = [laonResident, crepyResident, null];
    await t.db.prisma.activityReport.createMany({
      data: [
        report({ at: "2031-01-15T10:00:00Z", resident: laonResident, commune: "02408", referral: "OTHER" }),
        ...Array.from({ length: 200 }, (_, i) =>
          report({
            at: new Date(Date.UTC(2031, 1, 1 + (i % 28), 9 + (i % 8))).toISOString(),
            advisor: advisorKeys[i % 3],
            place: placeKeys[i % 4],
            resident: residents[i % 3],
            commune: [null, "02408", "02238", "02028"][i % 4],
            topics: [allTopics[i % 14]!, allTopics[(i + 5) % 14]!],
            minutes: 10 + (i % 50),
            autonomy: autonomies[i % 3],
            referral: referrals[i % 4],
          }),
        ),
      ],
    });
    const measure = async (filter: Record<string, unknown>) => {
      const before = statements;
      const stats = await statisticsOk(filter);
      return { statements: statements - before, stats };
    };
    const one = await measure({ from: "2031-01-01", to: "2031-01-31" });
    const many = await measure({ from: "2031-02-01", to: "2031-02-28" });
    expect(one.stats.accompanimentCount).toBe(1);
    expect(many.stats.accompanimentCount).toBe(200);
    expect(many.stats.byAdvisor).toHaveLength(3);
    expect(many.stats.byPlace).toHaveLength(4);
    expect(many.stats.byCommune).toHaveLength(4);
    expect(many.stats.byTopic).toHaveLength(14);
    expect(many.stats.byTopic.reduce((sum, row) => sum + row.count, 0)).toBe(400);
    expect(one.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(one.statements);
  });
});
