import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { countRows, journalTables } from "../../testing/table-counts.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
const gid = encodeGlobalID;
const day = 86_400_000;

let laonRoom: string;
let crepyRoom: string;
let courseId: string;
let trainingEverywhere: { agentId: string; token: string };
let trainingLaon: { agentId: string; token: string };
let admin: string;
let partnerKey: string;
let sessionCount = 0;

interface Person {
  residentId: string;
  token: string;
}

async function newResident(inseeCode = "02408"): Promise<Person> {
  const r = await createTestResident(t.db.prisma, inseeCode);
  return { residentId: r.residentId, token: (await createTestSession(t.db.prisma, { residentId: r.residentId })).token };
}

beforeAll(async () => {
  t = await startTestApi();
  const prisma = t.db.prisma;
  const place = (name: string) => prisma.place.findFirstOrThrow({ where: { name }, select: { id: true } });
  const room = async (name: string, placeName: string) =>
    (await prisma.schedulingResource.create({ data: { kind: "ROOM", name, placeId: (await place(placeName)).id }, select: { id: true } })).id;
  laonRoom = await room("Salle des ateliers de Laon (test)", "Médiathèque de Laon (démo)");
  crepyRoom = await room("Salle des ateliers de Crépy (test)", "Tiers-lieu numérique de Crépy (démo)");
  await prisma.appointmentType.create({
    data: { name: "Atelier collectif (test)", resourceKind: "ROOM", durationMinutes: 60, capacity: 40, resources: { connect: [{ id: laonRoom }, { id: crepyRoom }] } },
  });
  courseId = (
    await prisma.course.create({
      data: { title: "Naviguer sur Internet (test)", description: "Atelier de test.", themes: ["COMPUTER_BASICS"], level: "BEGINNER", audience: "RESIDENTS", durationMinutes: 120 },
      select: { id: true },
    })
  ).id;
  const agent = async (roles: Parameters<typeof createTestAgent>[1]) => {
    const a = await createTestAgent(prisma, roles, "mediateur");
    return { agentId: a.agentId, token: (await createTestSession(prisma, { agentId: a.agentId })).token };
  };
  trainingEverywhere = await agent([{ role: "TRAINING" }]);
  trainingLaon = await agent([{ role: "TRAINING", communeInseeCodes: ["02408"] }]);
  admin = (await agent([{ role: "ADMIN" }])).token;
  partnerKey = (await createTestPartnerKey(prisma, { scopes: ["read:training"] })).key;
});
afterAll(async () => t?.close());

/** A new session in its own week, so that sessions of different tests never share the room. */
async function newSession(capacity: number, room = laonRoom): Promise<string> {
  const startsAt = new Date(Date.now() + (10 + 2 * sessionCount++) * day);
  startsAt.setUTCHours(13, 0, 0, 0);
  const answer = await t.client.request<{ scheduleTrainingSession: { __typename: string; session?: { id: string } } }>(
    `mutation ($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { __typename ... on ScheduleTrainingSessionSuccess { session { id } } } }`,
    { input: { courseId: gid("Course", courseId), roomId: gid("SchedulingResource", room), startsAt: startsAt.toISOString(), capacity } },
    { token: trainingEverywhere.token },
  );
  expect(answer.body.data?.scheduleTrainingSession.__typename, JSON.stringify(answer.body)).toBe("ScheduleTrainingSessionSuccess");
  return answer.body.data!.scheduleTrainingSession.session!.id;
}

const enrolmentFields = "id status waitlistPosition offerExpiresAt attendance createdAt resident { id } enrolledBy { id } session { id freePlaces enrolledCount waitlistCount }";

interface EnrolmentNode {
  id: string;
  status: string;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  attendance: string | null;
  resident: { id: string } | null;
  enrolledBy: { id: string } | null;
  session: { id: string; freePlaces: number; enrolledCount: number; waitlistCount: number };
}

type Result = { __typename: string; code?: string; message?: string; enrolment?: EnrolmentNode; offeredTo?: EnrolmentNode | null };

async function mutate(name: string, input: Record<string, unknown>, token: string, extra = ""): Promise<Result> {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await t.client.request<Record<string, Result>>(
    `mutation ($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ${type}Success { enrolment { ${enrolmentFields} } ${extra} } } }`,
    { input },
    { token },
  );
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  return answer.body.data![name]!;
}

const enrol = (sessionId: string, token: string, residentId?: string) =>
  mutate("enrolInTrainingSession", { sessionId, ...(residentId ? { residentId: gid("Resident", residentId) } : {}) }, token);
const cancel = (enrolmentId: string, token: string) =>
  mutate("cancelEnrolment", { enrolmentId, reason: "Empêchement" }, token, `offeredTo { ${enrolmentFields} }`);
const accept = (enrolmentId: string, token: string) => mutate("acceptEnrolmentOffer", { enrolmentId }, token);

async function enrolmentsOf(sessionId: string, token: string, statuses?: string[]) {
  return t.client.request<{ node: { enrolments: EnrolmentNode[] } | null }>(
    `query ($id: ID!, $statuses: [EnrolmentStatus!]) { node(id: $id) { ... on TrainingSession { enrolments(statuses: $statuses) { ${enrolmentFields} } } } }`,
    { id: sessionId, statuses },
    { token },
  );
}

async function lastAudit(operation: string) {
  return t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation }, orderBy: { id: "desc" } });
}

describe("enrolling", () => {
  it("lets a resident enrol themself, and an agent enrol a resident on their behalf (journaled), then the waiting list", async () => {
    const session = await newSession(2);
    const marie = await newResident();
    const paul = await newResident("02238");
    const jeanne = await newResident();
    const self = await enrol(session, marie.token);
    expect(self).toMatchObject({
      __typename: "EnrolInTrainingSessionSuccess",
      enrolment: { status: "ENROLLED", waitlistPosition: null, resident: { id: gid("Resident", marie.residentId) }, enrolledBy: null, session: { id: session, freePlaces: 1, enrolledCount: 1 } },
    });
    expect(await lastAudit("enrolInTrainingSession")).toMatchObject({ outcome: "SUCCESS", actorKind: "RESIDENT", actorId: marie.residentId, onBehalfOfResidentId: null });

    const onBehalf = await enrol(session, trainingEverywhere.token, paul.residentId);
    expect(onBehalf.enrolment).toMatchObject({ status: "ENROLLED", resident: { id: gid("Resident", paul.residentId) }, enrolledBy: { id: gid("Agent", trainingEverywhere.agentId) }, session: { freePlaces: 0 } });
    expect(await lastAudit("enrolInTrainingSession")).toMatchObject({ actorKind: "AGENT", actorId: trainingEverywhere.agentId, onBehalfOfResidentId: paul.residentId });

    const waiting = await enrol(session, trainingLaon.token, jeanne.residentId);
    expect(waiting.enrolment).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1, session: { freePlaces: 0, waitlistCount: 1 } });
    expect(await enrol(session, marie.token)).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });

    const mine = await t.client.request<{ myEnrolments: EnrolmentNode[] }>(`{ myEnrolments { ${enrolmentFields} } }`, {}, { token: marie.token });
    expect(mine.body.data?.myEnrolments.map((e) => e.id)).toEqual([self.enrolment!.id]);
    // A resident sees their own enrolment only: not the agents' list, not another's enrolment.
    expect(errorCodes((await enrolmentsOf(session, marie.token)).body)).toEqual(["FORBIDDEN"]);
    const other = await t.client.request<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: onBehalf.enrolment!.id }, { token: marie.token });
    expect(other.body.data?.node ?? null).toBeNull();
  });

  it("refuses what an agent may not do: a resident they do not serve, a session outside their communes, no resident named", async () => {
    const session = await newSession(5);
    const crepySession = await newSession(5, crepyRoom);
    const crepyResident = await newResident("02238");
    const laonResident = await newResident();
    const before = await countRows(t.db.prisma, journalTables);
    expect(await enrol(session, trainingLaon.token, crepyResident.residentId)).toMatchObject({ code: "NOT_FOUND" });
    expect(await enrol(crepySession, trainingLaon.token, laonResident.residentId)).toMatchObject({ code: "FORBIDDEN" });
    expect(await enrol(session, trainingLaon.token)).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await enrol(session, laonResident.token, crepyResident.residentId)).toMatchObject({ code: "NOT_FOUND" });
    expect(await enrol(gid("TrainingSession", crypto.randomUUID()), laonResident.token)).toMatchObject({ code: "NOT_FOUND" });
    const partner = await t.client.request(
      `mutation ($input: EnrolInTrainingSessionInput!) { enrolInTrainingSession(input: $input) { __typename } }`,
      { input: { sessionId: session } },
      { token: partnerKey },
    );
    expect(errorCodes(partner.body)).toEqual(["FORBIDDEN"]);
    const byAdmin = await t.client.request(
      `mutation ($input: EnrolInTrainingSessionInput!) { enrolInTrainingSession(input: $input) { __typename } }`,
      { input: { sessionId: session, residentId: gid("Resident", laonResident.residentId) } },
      { token: admin },
    );
    expect(errorCodes(byAdmin.body)).toEqual(["FORBIDDEN"]);
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
  });

  it("shows a session's enrolments to its agents and administrators: seats by enrolment time, then the waiting list in order", async () => {
    const session = await newSession(2);
    const people = [await newResident(), await newResident(), await newResident(), await newResident()];
    const ids: string[] = [];
    for (const person of people) ids.push((await enrol(session, person.token)).enrolment!.id);
    const answer = await enrolmentsOf(session, trainingLaon.token);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.node?.enrolments.map((e) => [e.id, e.status, e.waitlistPosition])).toEqual([
      [ids[0], "ENROLLED", null],
      [ids[1], "ENROLLED", null],
      [ids[2], "WAITLISTED", 1],
      [ids[3], "WAITLISTED", 2],
    ]);
    expect((await enrolmentsOf(session, admin)).body.data?.node?.enrolments).toHaveLength(4);
    expect((await enrolmentsOf(session, trainingLaon.token, ["WAITLISTED"])).body.data?.node?.enrolments.map((e) => e.id)).toEqual([ids[2], ids[3]]);
    const crepyAgent = await createTestAgent(t.db.prisma, [{ role: "TRAINING", communeInseeCodes: ["02238"] }], "crepy");
    const crepyToken = (await createTestSession(t.db.prisma, { agentId: crepyAgent.agentId })).token;
    expect(errorCodes((await enrolmentsOf(session, crepyToken)).body)).toEqual(["FORBIDDEN"]);
    expect(errorCodes((await enrolmentsOf(session, partnerKey)).body)).toEqual(["FORBIDDEN"]);
  });
});

describe("a freed seat goes to the waiting list", () => {
  it("offers the seat to the first waitlisted resident (offeredTo), who accepts it; a resident giving up a seat is not told who gets it", async () => {
    const session = await newSession(1);
    const first = await newResident();
    const second = await newResident();
    const third = await newResident();
    const seat = (await enrol(session, first.token)).enrolment!;
    const waiting = (await enrol(session, second.token)).enrolment!;
    const last = (await enrol(session, third.token)).enrolment!;
    expect([waiting.waitlistPosition, last.waitlistPosition]).toEqual([1, 2]);

    const cancelled = await cancel(seat.id, first.token);
    expect(cancelled).toMatchObject({ __typename: "CancelEnrolmentSuccess", enrolment: { status: "CANCELLED" }, offeredTo: null });
    const offered = await t.db.prisma.groupEnrolment.findUniqueOrThrow({ where: { id: Buffer.from(waiting.id, "base64").toString().split(":")[1] } });
    expect(offered.status).toBe("OFFERED");
    expect((await lastAudit("cancelEnrolment")).targetIds).toContain(offered.id);
    const mine = await t.client.request<{ myEnrolments: EnrolmentNode[] }>(`{ myEnrolments { ${enrolmentFields} } }`, {}, { token: second.token });
    expect(mine.body.data?.myEnrolments[0]).toMatchObject({ id: waiting.id, status: "OFFERED", waitlistPosition: null, session: { freePlaces: 0 } });
    expect(new Date(mine.body.data!.myEnrolments[0]!.offerExpiresAt!).getTime()).toBeGreaterThan(Date.now());
    // The third resident cannot take the seat kept for the second, nor accept an offer they do not have.
    expect(await accept(last.id, third.token)).toMatchObject({ code: "CONFLICT" });
    expect(await accept(waiting.id, third.token)).toMatchObject({ code: "NOT_FOUND" });
    expect((await accept(waiting.id, second.token)).enrolment).toMatchObject({ status: "ENROLLED", offerExpiresAt: null, session: { enrolledCount: 1, waitlistCount: 1 } });

    // An agent cancelling on a resident's behalf sees who got the seat.
    const byAgent = await cancel(waiting.id, trainingEverywhere.token);
    expect(byAgent.offeredTo).toMatchObject({ id: last.id, status: "OFFERED" });
    expect(await lastAudit("cancelEnrolment")).toMatchObject({ onBehalfOfResidentId: second.residentId });
    expect((await accept(last.id, trainingLaon.token)).enrolment).toMatchObject({ status: "ENROLLED", enrolledBy: null });
    expect(await lastAudit("acceptEnrolmentOffer")).toMatchObject({ actorId: trainingLaon.agentId, onBehalfOfResidentId: third.residentId });
  });

  it("keeps exactly the capacity under 30 simultaneous enrolments: 12 ENROLLED, 18 WAITLISTED in order; a cancellation offers the seat to position 1", async () => {
    const session = await newSession(12);
    const people = await Promise.all(Array.from({ length: 30 }, () => newResident()));
    const results = await Promise.all(people.map((person) => enrol(session, person.token)));
    expect(results.map((r) => r.__typename)).toEqual(Array(30).fill("EnrolInTrainingSessionSuccess"));
    const list = (await enrolmentsOf(session, trainingEverywhere.token)).body.data!.node!.enrolments;
    expect(list.filter((e) => e.status === "ENROLLED")).toHaveLength(12);
    const waitlisted = list.filter((e) => e.status === "WAITLISTED");
    expect(waitlisted.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(list[0]!.session).toMatchObject({ enrolledCount: 12, waitlistCount: 18, freePlaces: 0 });
    // What the mutations answered agrees with the list.
    const answered = new Map(results.map((r) => [r.enrolment!.id, r.enrolment!.status]));
    expect(list.every((e) => answered.get(e.id) === e.status)).toBe(true);

    const leaving = list.find((e) => e.status === "ENROLLED")!;
    const owner = people[results.findIndex((r) => r.enrolment!.id === leaving.id)]!;
    const cancelled = await cancel(leaving.id, trainingEverywhere.token);
    expect(cancelled.offeredTo).toMatchObject({ id: waitlisted[0]!.id, status: "OFFERED" });
    expect(await lastAudit("cancelEnrolment")).toMatchObject({ onBehalfOfResidentId: owner.residentId });
    const next = people[results.findIndex((r) => r.enrolment!.id === waitlisted[0]!.id)]!;
    expect((await accept(waitlisted[0]!.id, next.token)).enrolment).toMatchObject({ status: "ENROLLED", session: { enrolledCount: 12, waitlistCount: 17 } });
    const after = (await enrolmentsOf(session, trainingEverywhere.token, ["WAITLISTED"])).body.data!.node!.enrolments;
    expect(after.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(after[0]!.id).toBe(waitlisted[1]!.id);
  }, 120_000);
});

describe("attendance", () => {
  it("is recorded by the session's agents once it has started, for ENROLLED enrolments only", async () => {
    const session = await newSession(2);
    const people = [await newResident(), await newResident(), await newResident()];
    const enrolled: Result[] = [];
    for (const person of people) enrolled.push(await enrol(session, person.token));
    const record = (attendances: { enrolmentId: string; attendance: string }[], token = trainingLaon.token) =>
      t.client.request<{ recordAttendance: { __typename: string; code?: string; session?: { enrolments: { id: string; attendance: string | null }[] } } }>(
        `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { __typename ... on Error { code } ... on RecordAttendanceSuccess { session { enrolments(statuses: [ENROLLED]) { id attendance } } } } }`,
        { input: { sessionId: session, attendances } },
        { token },
      );
    const seated = enrolled.slice(0, 2).map((r) => r.enrolment!.id);
    const waiting = enrolled[2]!.enrolment!.id;
    const before = await countRows(t.db.prisma, journalTables);
    const early = await record([{ enrolmentId: seated[0]!, attendance: "PRESENT" }]);
    expect(early.body.data?.recordAttendance).toMatchObject({ __typename: "BadUserInputError", code: "BAD_USER_INPUT" });

    // The session has started (moved into the past directly: the API never schedules in the past).
    const id = Buffer.from(session, "base64").toString().split(":")[1]!;
    const group = await t.db.prisma.trainingSession.findUniqueOrThrow({ where: { id }, select: { groupSessionId: true } });
    await t.db.prisma.groupSession.update({ where: { id: group.groupSessionId }, data: { startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) } });
    expect((await record([{ enrolmentId: waiting, attendance: "PRESENT" }])).body.data?.recordAttendance).toMatchObject({ code: "BAD_USER_INPUT" });
    expect((await record([{ enrolmentId: seated[0]!, attendance: "PRESENT" }, { enrolmentId: seated[0]!, attendance: "ABSENT" }])).body.data?.recordAttendance).toMatchObject({ code: "BAD_USER_INPUT" });
    const otherSession = await newSession(3);
    const stranger = (await enrol(otherSession, (await newResident()).token)).enrolment!.id;
    expect((await record([{ enrolmentId: seated[0]!, attendance: "PRESENT" }, { enrolmentId: stranger, attendance: "PRESENT" }])).body.data?.recordAttendance).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(errorCodes((await record([{ enrolmentId: seated[0]!, attendance: "LATE" }])).body)).toEqual(["BAD_USER_INPUT"]);
    const crepyAgent = await createTestAgent(t.db.prisma, [{ role: "TRAINING", communeInseeCodes: ["02238"] }], "crepy");
    const crepyToken = (await createTestSession(t.db.prisma, { agentId: crepyAgent.agentId })).token;
    expect((await record([{ enrolmentId: seated[0]!, attendance: "PRESENT" }], crepyToken)).body.data?.recordAttendance).toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.prisma.groupEnrolment.count({ where: { groupSessionId: group.groupSessionId, attendance: { not: null } } })).toBe(0);

    const done = await record([{ enrolmentId: seated[0]!, attendance: "PRESENT" }, { enrolmentId: seated[1]!, attendance: "EXCUSED" }]);
    expect(done.body.data?.recordAttendance.session?.enrolments).toEqual([
      { id: seated[0], attendance: "PRESENT" },
      { id: seated[1], attendance: "EXCUSED" },
    ]);
    const corrected = await record([{ enrolmentId: seated[1]!, attendance: "ABSENT" }]);
    expect(corrected.body.data?.recordAttendance.session?.enrolments.map((e) => e.attendance)).toEqual(["PRESENT", "ABSENT"]);
    const counts = await countRows(t.db.prisma, journalTables);
    // Only the other session's enrolment was added meanwhile; no enrolment of this session changed status.
    expect(counts.GroupEnrolment).toBe(before.GroupEnrolment! + 1);
    // Once started, enrolments are no longer cancelled: the attendance says who came.
    expect(await cancel(seated[0]!, trainingLaon.token)).toMatchObject({ code: "CONFLICT" });
  });
});
