import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { BookingStatus, SchedulingResourceKind } from "../../generated/prisma/client.js";
import { demoId } from "../../../prisma/seed/demo-calendar.js";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { countRows, journalTables } from "../../testing/table-counts.js";
import { createAdminSession, createTestAgent, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
const gid = encodeGlobalID;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const nadiaAdvisorId = demoId("advisor:nadia.lefebvre@capl.example");
const karimAdvisorId = demoId("advisor:karim.benali@capl.example");
const nadiaResourceId = demoId("advisor-resource:nadia.lefebvre@capl.example");
const karimResourceId = demoId("advisor-resource:karim.benali@capl.example");
const individualTypeId = demoId("appointment-type:individual");

let laonPlace: string;
let franceServicesLaon: string;
let crepyPlace: string;
let nadia: { agentId: string; token: string };
/** TRAINING limited to Laon, with no advisor profile. */
let laonAgent: { agentId: string; token: string };
let admin: string;
let crepyResident: { residentId: string; token: string };
let roomId: string;
let roomTypeId: string;
/** Each created booking takes the next free hour in the night, far from the demo appointments. */
let nextSlot = 0;

beforeAll(async () => {
  t = await startTestApi();
  const prisma = t.db.prisma;
  const place = async (name: string) => (await prisma.place.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
  laonPlace = await place("Médiathèque de Laon (démo)");
  franceServicesLaon = await place("Espace France services de Laon (démo)");
  crepyPlace = await place("Tiers-lieu numérique de Crépy (démo)");
  const nadiaRow = await prisma.agent.findUniqueOrThrow({ where: { email: "nadia.lefebvre@capl.example" }, select: { id: true } });
  nadia = { agentId: nadiaRow.id, token: (await createTestSession(prisma, { agentId: nadiaRow.id })).token };
  const limited = await createTestAgent(prisma, [{ role: "TRAINING", communeInseeCodes: ["02408"] }], "Laon trainer");
  laonAgent = { agentId: limited.agentId, token: (await createTestSession(prisma, { agentId: limited.agentId })).token };
  admin = (await createAdminSession(prisma)).token;
  const resident = await createTestResident(prisma, "02238");
  crepyResident = { residentId: resident.residentId, token: (await createTestSession(prisma, { residentId: resident.residentId })).token };
  roomId = (await prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Salle (test)", placeId: laonPlace }, select: { id: true } })).id;
  roomTypeId = (await prisma.appointmentType.create({ data: { name: "Salle (test)", resourceKind: "ROOM", durationMinutes: 60 }, select: { id: true } })).id;
});
afterAll(async () => t?.close());

interface BookingSpec {
  resourceId?: string;
  placeId?: string;
  residentId?: string | null;
  status?: BookingStatus;
  /** Default: a past night hour (03:00 UTC, 2 to 200 days ago). */
  startsAt?: Date;
  kind?: SchedulingResourceKind;
}

async function newBooking(spec: BookingSpec = {}): Promise<string> {
  const slot = nextSlot++;
  const past = new Date(Date.now() - (2 + Math.floor(slot / 3)) * day);
  past.setUTCHours(1 + (slot % 3), 0, 0, 0);
  const startsAt = spec.startsAt ?? past;
  const endsAt = new Date(startsAt.getTime() + 45 * minute);
  const booking = await t.db.prisma.booking.create({
    data: {
      resourceId: spec.resourceId ?? nadiaResourceId,
      appointmentTypeId: spec.resourceId === roomId ? roomTypeId : individualTypeId,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      status: spec.status ?? "CONFIRMED",
      holdExpiresAt: spec.status === "HELD" ? new Date(Date.now() + hour) : null,
      placeId: spec.placeId ?? laonPlace,
      residentId: spec.residentId === undefined ? crepyResident.residentId : spec.residentId,
    },
    select: { id: true },
  });
  return booking.id;
}

const reportFields = `id occurredAt topics durationMinutes equipment autonomy referral referralNote createdAt
  advisor { id name } booking { id } place { id } resident { id } commune { inseeCode }`;

interface ReportNode {
  id: string;
  occurredAt: string;
  topics: string[];
  durationMinutes: number;
  equipment: string[];
  autonomy: string;
  referral: string | null;
  referralNote: string | null;
  advisor: { id: string; name: string };
  booking: { id: string } | null;
  place: { id: string };
  resident: { id: string } | null;
  commune: { inseeCode: string } | null;
}

type Result = { __typename: string; code?: string; message?: string; report?: ReportNode };

const content = { topics: ["EMAIL", "SECURITY"], durationMinutes: 40, equipment: ["COMPUTER"], autonomy: "PARTIALLY_AUTONOMOUS" };

async function record(input: Record<string, unknown>, token = nadia.token): Promise<Result> {
  const answer = await t.client.request<{ recordActivityReport: Result | null }>(
    `mutation ($input: RecordActivityReportInput!) { recordActivityReport(input: $input) {
      __typename ... on Error { code message } ... on RecordActivityReportSuccess { report { ${reportFields} } } } }`,
    { input },
    { token },
  );
  if (answer.body.errors) return { __typename: "request error", code: errorCodes(answer.body)[0], message: answer.body.errors[0]?.message };
  return answer.body.data!.recordActivityReport!;
}

const lastAudit = () => t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation: "recordActivityReport" }, orderBy: { id: "desc" } });

describe("recordActivityReport after an appointment", () => {
  it("takes advisor, place, resident, time and the resident's commune of the moment from the booking, and journals on the resident's behalf", async () => {
    const bookingId = await newBooking();
    const booking = await t.db.prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
    const recorded = await record({ bookingId: gid("Booking", bookingId), ...content, referral: "FRANCE_SERVICES", referralNote: "  Dossier CAF à finir.  " });
    expect(recorded).toMatchObject({
      __typename: "RecordActivityReportSuccess",
      report: {
        ...content,
        occurredAt: booking.startsAt.toISOString(),
        referral: "FRANCE_SERVICES",
        referralNote: "Dossier CAF à finir.",
        advisor: { id: gid("Advisor", nadiaAdvisorId), name: "Nadia Lefebvre" },
        booking: { id: gid("Booking", bookingId) },
        place: { id: gid("Place", laonPlace) },
        resident: { id: gid("Resident", crepyResident.residentId) },
        commune: { inseeCode: "02238" },
      },
    });
    const reportId = Buffer.from(recorded.report!.id, "base64").toString().split(":")[1]!;
    expect(await lastAudit()).toMatchObject({
      outcome: "SUCCESS",
      actorKind: "AGENT",
      actorId: nadia.agentId,
      onBehalfOfResidentId: crepyResident.residentId,
      targetIds: [bookingId, reportId],
    });
    const stored = await t.db.prisma.activityReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(stored).toMatchObject({ communeInseeCode: "02238", createdById: nadia.agentId, residentId: crepyResident.residentId });

    // The commune kept is the one of the moment: moving house later does not change the report.
    const laon = await t.db.prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02408" } });
    await t.db.prisma.resident.update({ where: { id: crepyResident.residentId }, data: { communeId: laon.id } });
    try {
      const again = await t.client.request<{ node: { commune: { inseeCode: string } } }>(
        `query ($id: ID!) { node(id: $id) { ... on ActivityReport { commune { inseeCode } } } }`,
        { id: recorded.report!.id },
        { token: nadia.token },
      );
      expect(again.body.data?.node.commune).toEqual({ inseeCode: "02238" });
    } finally {
      const crepy = await t.db.prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02238" } });
      await t.db.prisma.resident.update({ where: { id: crepyResident.residentId }, data: { communeId: crepy.id } });
    }

    const activityReportOf = async (token: string) => {
      const answer = await t.client.request<{ node: { activityReport: { id: string } | null } | null }>(
        `query ($id: ID!) { node(id: $id) { ... on Booking { activityReport { id topics } } } }`,
        { id: gid("Booking", bookingId) },
        { token },
      );
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      return answer.body.data?.node?.activityReport;
    };
    expect(await activityReportOf(nadia.token)).toEqual({ id: recorded.report!.id, topics: content.topics });
    expect(await activityReportOf(admin)).toEqual({ id: recorded.report!.id, topics: content.topics });
    // The resident sees their booking, not the report about it.
    expect(await activityReportOf(crepyResident.token)).toBeNull();
  });

  it("refuses a second report, a no-show, a cancelled, a future or a non-advisor booking, and changes nothing", async () => {
    const reported = await newBooking();
    expect((await record({ bookingId: gid("Booking", reported), ...content })).__typename).toBe("RecordActivityReportSuccess");
    const noShow = await newBooking({ status: "NO_SHOW" });
    const cancelled = await newBooking({ status: "CANCELLED" });
    const held = await newBooking({ status: "HELD" });
    const inTwoNights = new Date(Date.now() + 2 * day);
    inTwoNights.setUTCHours(0, 30, 0, 0);
    const future = await newBooking({ startsAt: inTwoNights });
    const room = await newBooking({ resourceId: roomId });
    const before = await countRows(t.db.prisma, journalTables);

    const second = await record({ bookingId: gid("Booking", reported), ...content });
    expect(second).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", message: "This appointment already has an activity report" });
    expect(await lastAudit()).toMatchObject({ outcome: "FAILURE", errorCode: "CONFLICT" });
    expect(await record({ bookingId: gid("Booking", noShow), ...content })).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("did not come") });
    expect(await record({ bookingId: gid("Booking", cancelled), ...content })).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("CANCELLED") });
    expect(await record({ bookingId: gid("Booking", held), ...content })).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("HELD") });
    expect(await record({ bookingId: gid("Booking", future), ...content })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("not started") });
    expect(await record({ bookingId: gid("Booking", room), ...content })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("digital advisor") });
    expect(await record({ bookingId: gid("Booking", crypto.randomUUID()), ...content })).toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
  });

  it("lets an agent limited to Laon report at Laon, not at Crépy", async () => {
    const atCrepy = await newBooking({ resourceId: karimResourceId, placeId: crepyPlace });
    const atLaon = await newBooking();
    const before = await countRows(t.db.prisma, journalTables);
    expect(await record({ bookingId: gid("Booking", atCrepy), ...content }, laonAgent.token)).toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
    expect(await record({ bookingId: gid("Booking", atLaon), ...content }, laonAgent.token)).toMatchObject({
      __typename: "RecordActivityReportSuccess",
      report: { advisor: { name: "Nadia Lefebvre" } },
    });
  });

  it("records only one of two reports of the same appointment sent at once; the other gets CONFLICT", async () => {
    const bookingId = await newBooking();
    const results = await Promise.all([1, 2].map(() => record({ bookingId: gid("Booking", bookingId), ...content })));
    expect(results.map((r) => r.__typename).sort()).toEqual(["ConflictError", "RecordActivityReportSuccess"]);
    expect(await t.db.prisma.activityReport.count({ where: { bookingId } })).toBe(1);
  });

  it("is refused to residents, partners and administrators without TRAINING", async () => {
    const bookingId = gid("Booking", await newBooking());
    expect(await record({ bookingId, ...content }, crepyResident.token)).toMatchObject({ code: "FORBIDDEN" });
    expect(await record({ bookingId, ...content }, admin)).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("recordActivityReport of a walk-in", () => {
  it("defaults the advisor to the viewer's own profile; the resident is optional", async () => {
    const anonymous = await record({ placeId: gid("Place", franceServicesLaon), ...content });
    expect(anonymous).toMatchObject({
      __typename: "RecordActivityReportSuccess",
      report: { advisor: { id: gid("Advisor", nadiaAdvisorId) }, booking: null, place: { id: gid("Place", franceServicesLaon) }, resident: null, commune: null },
    });
    expect(Math.abs(new Date(anonymous.report!.occurredAt).getTime() - Date.now())).toBeLessThan(minute);
    expect(await lastAudit()).toMatchObject({ outcome: "SUCCESS", onBehalfOfResidentId: null });

    const occurredAt = new Date(Date.now() - 3 * hour).toISOString();
    const named = await record({ placeId: gid("Place", laonPlace), residentId: gid("Resident", crepyResident.residentId), occurredAt, ...content });
    expect(named).toMatchObject({ report: { occurredAt, resident: { id: gid("Resident", crepyResident.residentId) }, commune: { inseeCode: "02238" } } });
    expect(await lastAudit()).toMatchObject({ outcome: "SUCCESS", onBehalfOfResidentId: crepyResident.residentId });
  });

  it("needs an advisor for an agent who is not one, a place in the agent's communes and a time not in the future", async () => {
    const before = await countRows(t.db.prisma, journalTables);
    const noProfile = await record({ placeId: gid("Place", laonPlace), ...content }, laonAgent.token);
    expect(noProfile).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("advisorId is required") });
    expect(await record({ placeId: gid("Place", crepyPlace), advisorId: gid("Advisor", karimAdvisorId), ...content }, laonAgent.token)).toMatchObject({ code: "FORBIDDEN" });
    expect(await record({ placeId: gid("Place", laonPlace), advisorId: gid("Advisor", crypto.randomUUID()), ...content }, laonAgent.token)).toMatchObject({ code: "NOT_FOUND" });
    const later = new Date(Date.now() + hour).toISOString();
    expect(await record({ placeId: gid("Place", laonPlace), occurredAt: later, ...content })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("future") });
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
    expect(await record({ placeId: gid("Place", laonPlace), advisorId: gid("Advisor", karimAdvisorId), ...content }, laonAgent.token)).toMatchObject({
      __typename: "RecordActivityReportSuccess",
      report: { advisor: { name: "Karim Benali" } },
    });
  });
});

describe("recordActivityReport input validation", () => {
  it("refuses bad topics, durations, notes and mixed booking/walk-in fields, and changes nothing", async () => {
    const bookingId = gid("Booking", await newBooking());
    const walkIn = { placeId: gid("Place", laonPlace) };
    const before = await countRows(t.db.prisma, journalTables);
    const cases: [string, Record<string, unknown>][] = [
      ["no topic", { ...walkIn, ...content, topics: [] }],
      ["a topic twice", { ...walkIn, ...content, topics: ["EMAIL", "EMAIL"] }],
      ["equipment twice", { ...walkIn, ...content, equipment: ["TABLET", "TABLET"] }],
      ["0 minutes", { ...walkIn, ...content, durationMinutes: 0 }],
      ["481 minutes", { ...walkIn, ...content, durationMinutes: 481 }],
      ["a note of 1001 characters", { ...walkIn, ...content, referral: "OTHER", referralNote: "x".repeat(1001) }],
      ["a note without referral", { ...walkIn, ...content, referralNote: "Voir la mairie" }],
      ["a booking and a place", { bookingId, ...walkIn, ...content }],
      ["a booking and a time", { bookingId, occurredAt: new Date().toISOString(), ...content }],
      ["a walk-in without place", { ...content }],
      ["a place ID that is not a place", { placeId: bookingId, ...content }],
      ["an unknown topic", { ...walkIn, ...content, topics: ["GAMING"] }],
    ];
    for (const [label, input] of cases) {
      expect((await record(input)).code, label).toBe("BAD_USER_INPUT");
    }
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
    const ok = await record({ ...walkIn, ...content, durationMinutes: 480, referral: "OTHER", referralNote: "x".repeat(1000) });
    expect(ok.__typename).toBe("RecordActivityReportSuccess");
  });
});

describe("reading activity reports", () => {
  interface Page {
    totalCount: number;
    edges: { node: { id: string; occurredAt: string; place: { id: string; commune: { inseeCode: string } } } }[];
  }
  const list = async (token: string, filter: Record<string, unknown> = {}) => {
    const answer = await t.client.request<{ activityReports: Page }>(
      `query ($filter: ActivityReportFilter) { activityReports(first: 100, filter: $filter) { totalCount edges { node { id occurredAt place { id commune { inseeCode } } } } } }`,
      { filter },
      { token },
    );
    return answer;
  };

  it("lists reports newest first, limited to the places of the agent's communes; node() follows the same rule", async () => {
    await record({ placeId: gid("Place", crepyPlace), advisorId: gid("Advisor", karimAdvisorId), ...content });
    const all = (await list(nadia.token)).body.data!.activityReports;
    expect(all.totalCount).toBe(await t.db.prisma.activityReport.count());
    const times = all.edges.map((e) => e.node.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(all.edges.map((e) => e.node.place.commune.inseeCode))).toContain("02238");

    const laon = (await list(laonAgent.token)).body.data!.activityReports;
    expect(laon.totalCount).toBe(await t.db.prisma.activityReport.count({ where: { place: { commune: { inseeCode: "02408" } } } }));
    expect(laon.totalCount).toBeGreaterThan(0);
    expect(new Set(laon.edges.map((e) => e.node.place.commune.inseeCode))).toEqual(new Set(["02408"]));

    const atCrepy = all.edges.find((e) => e.node.place.commune.inseeCode === "02238")!.node.id;
    const node = (token: string) => t.client.request<{ node: { id: string } | null }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: atCrepy }, { token });
    expect((await node(nadia.token)).body.data?.node).toEqual({ id: atCrepy });
    expect((await node(admin)).body.data?.node).toEqual({ id: atCrepy });
    expect((await node(laonAgent.token)).body.data?.node ?? null).toBeNull();
    expect((await node(crepyResident.token)).body.data?.node ?? null).toBeNull();
    expect(errorCodes((await list(crepyResident.token)).body)).toEqual(["FORBIDDEN"]);
  });

  it("filters by advisor, place and period", async () => {
    const karim = (await list(admin, { advisorId: gid("Advisor", karimAdvisorId) })).body.data!.activityReports;
    expect(karim.totalCount).toBe(await t.db.prisma.activityReport.count({ where: { advisorId: karimAdvisorId } }));
    const place = (await list(admin, { placeId: gid("Place", franceServicesLaon) })).body.data!.activityReports;
    expect(new Set(place.edges.map((e) => e.node.place.id))).toEqual(new Set([gid("Place", franceServicesLaon)]));
    const from = new Date(Date.now() - 10 * day);
    const to = new Date(Date.now() - 5 * day);
    const period = (await list(admin, { from: from.toISOString(), to: to.toISOString() })).body.data!.activityReports;
    expect(period.totalCount).toBe(await t.db.prisma.activityReport.count({ where: { occurredAt: { gte: from, lt: to } } }));
    expect(period.edges.every((e) => new Date(e.node.occurredAt) >= from && new Date(e.node.occurredAt) < to)).toBe(true);
  });
});
