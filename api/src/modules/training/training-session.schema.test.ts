import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { createTestDatabase } from "../../testing/test-database.js";
import { countRows, journalTables } from "../../testing/table-counts.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
/** SQL statements sent by the API's Prisma client since the start (see the statement-count test). */
let statements = 0;
const gid = encodeGlobalID;
const day = 86_400_000;

interface Place {
  id: string;
  communeId: string;
}
let laon: Place;
let crepy: Place;
let athies: Place;
const rooms: Record<"laon" | "crepy" | "athies", string> = { laon: "", crepy: "", athies: "" };
let courseId: string;
let archivedCourseId: string;
let trainingEverywhere: { agentId: string; token: string };
let trainingLaon: { agentId: string; token: string };
let partnerKey: string;
let keyWithoutScope: string;

/** Noon UTC `days` from today, plus `hours`: days apart, sessions never meet the demo data's. */
function at(days: number, hours = 0): string {
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  return new Date(noon.getTime() + days * day + hours * 3_600_000).toISOString();
}

beforeAll(async () => {
  const db = await createTestDatabase({ onQuery: () => statements++ });
  t = await startTestApi({}, db);
  const prisma = t.db.prisma;
  const place = (name: string) => prisma.place.findFirstOrThrow({ where: { name }, select: { id: true, communeId: true } });
  laon = await place("Médiathèque de Laon (démo)");
  crepy = await place("Tiers-lieu numérique de Crépy (démo)");
  athies = await place("Bibliothèque d'Athies-sous-Laon (démo)");
  for (const [key, p] of [["laon", laon], ["crepy", crepy], ["athies", athies]] as const) {
    rooms[key] = (await prisma.schedulingResource.create({ data: { kind: "ROOM", name: `Salle d'atelier ${key} (test)`, placeId: p.id }, select: { id: true } })).id;
  }
  await prisma.appointmentType.create({
    data: {
      name: "Séance collective (test)",
      resourceKind: "ROOM",
      durationMinutes: 60,
      capacity: 20,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      resources: { connect: Object.values(rooms).map((id) => ({ id })) },
    },
  });
  const course = (title: string, archivedAt: Date | null = null) =>
    prisma.course.create({
      data: { title, description: "Atelier de test.", themes: ["EMAIL", "ONLINE_SAFETY"], level: "BEGINNER", audience: "RESIDENTS", durationMinutes: 90, archivedAt },
      select: { id: true },
    });
  courseId = (await course("Le courriel sans risque (test)")).id;
  archivedCourseId = (await course("Ancien atelier (test)", new Date())).id;
  const agent = async (communes?: string[]) => {
    const a = await createTestAgent(prisma, [{ role: "TRAINING", ...(communes ? { communeInseeCodes: communes } : {}) }], "formatrice");
    return { agentId: a.agentId, token: (await createTestSession(prisma, { agentId: a.agentId })).token };
  };
  trainingEverywhere = await agent();
  trainingLaon = await agent(["02408"]);
  partnerKey = (await createTestPartnerKey(prisma, { scopes: ["read:training"] })).key;
  keyWithoutScope = (await createTestPartnerKey(prisma, { scopes: ["read:territory"] })).key;
});
afterAll(async () => t?.close());

const sessionFields = `id startsAt endsAt capacity enrolledCount waitlistCount freePlaces isCancelled cancelReason
  course { id title } place { id name kind } room { id name } trainer { id displayName }`;

interface SessionNode {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  freePlaces: number;
  isCancelled: boolean;
  cancelReason: string | null;
  course: { id: string; title: string };
  place: { id: string; name: string; kind: string };
  room: { id: string; name: string };
  trainer: { id: string; displayName: string } | null;
}

type Result = { __typename: string; code?: string; message?: string; session?: SessionNode };

async function mutate(name: string, input: Record<string, unknown>, token: string): Promise<Result> {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const answer = await t.client.request<Record<string, Result>>(
    `mutation ($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ${type}Success { session { ${sessionFields} } } } }`,
    { input },
    { token },
  );
  return answer.body.data?.[name] ?? { __typename: "TopLevelError", code: errorCodes(answer.body).join() };
}

const schedule = (input: Record<string, unknown>, token = trainingEverywhere.token) =>
  mutate("scheduleTrainingSession", { courseId: gid("Course", courseId), capacity: 12, ...input }, token);

async function scheduled(input: Record<string, unknown>, token = trainingEverywhere.token): Promise<SessionNode> {
  const result = await schedule(input, token);
  expect(result.__typename, JSON.stringify(result)).toBe("ScheduleTrainingSessionSuccess");
  return result.session!;
}

describe("scheduling a session", () => {
  it("reserves the room for the course's duration; the agent sees the trainer, the counts start at zero", async () => {
    const session = await scheduled(
      { roomId: gid("SchedulingResource", rooms.laon), startsAt: at(20), capacity: 12, trainerId: gid("Agent", trainingLaon.agentId) },
      trainingLaon.token,
    );
    expect(session).toMatchObject({
      startsAt: at(20),
      endsAt: at(20, 1.5),
      capacity: 12,
      enrolledCount: 0,
      waitlistCount: 0,
      freePlaces: 12,
      isCancelled: false,
      course: { id: gid("Course", courseId) },
      place: { id: gid("Place", laon.id), kind: "MEDIATHEQUE" },
      room: { id: gid("SchedulingResource", rooms.laon) },
      trainer: { id: gid("Agent", trainingLaon.agentId) },
    });
    const rows = await t.db.prisma.trainingSession.findUniqueOrThrow({ where: { id: Buffer.from(session.id, "base64").toString().split(":")[1] }, include: { groupSession: { include: { roomBooking: true } } } });
    // The room is blocked with the type's buffers around the session.
    expect(rows.groupSession.roomBooking).toMatchObject({ resourceId: rooms.laon, status: "CONFIRMED", blockedFrom: new Date(new Date(at(20)).getTime() - 15 * 60_000) });
  });

  it("answers CONFLICT when the room is taken (buffers included), and accepts another room or a later time", async () => {
    await scheduled({ roomId: gid("SchedulingResource", rooms.athies), startsAt: at(21) });
    const before = await countRows(t.db.prisma, journalTables);
    expect(await schedule({ roomId: gid("SchedulingResource", rooms.athies), startsAt: at(21, 1) })).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    // Ends at +1h30 with 15 minutes after; a session starting 15 minutes after that still meets its own 15 minutes before.
    expect(await schedule({ roomId: gid("SchedulingResource", rooms.athies), startsAt: at(21, 1.75) })).toMatchObject({ code: "CONFLICT" });
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
    await scheduled({ roomId: gid("SchedulingResource", rooms.athies), startsAt: at(21, 2) });
    await scheduled({ roomId: gid("SchedulingResource", rooms.laon), startsAt: at(21) });
  });

  it("refuses an agent limited to Laon at a Crépy place (FORBIDDEN), and bad sessions (BAD_USER_INPUT, NOT_FOUND); nothing is written", async () => {
    const before = await countRows(t.db.prisma, journalTables);
    expect(await schedule({ roomId: gid("SchedulingResource", rooms.crepy), startsAt: at(22) }, trainingLaon.token)).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation: "scheduleTrainingSession" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "DENIED", errorCode: "FORBIDDEN", actorId: trainingLaon.agentId });
    const room = gid("SchedulingResource", rooms.crepy);
    expect(await schedule({ roomId: room, startsAt: at(22), courseId: gid("Course", archivedCourseId) })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await schedule({ roomId: room, startsAt: at(-1) })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await schedule({ roomId: room, startsAt: at(22), capacity: 21 })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await schedule({ roomId: room, startsAt: at(22), capacity: 0 })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await schedule({ roomId: room, startsAt: at(22), courseId: gid("Course", crypto.randomUUID()) })).toMatchObject({ code: "NOT_FOUND" });
    expect(await schedule({ roomId: gid("Place", crepy.id), startsAt: at(22) })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await schedule({ roomId: room, startsAt: at(22), trainerId: gid("Agent", crypto.randomUUID()) })).toMatchObject({ code: "NOT_FOUND" });
    const advisor = await t.db.prisma.schedulingResource.findFirstOrThrow({ where: { kind: "ADVISOR" }, select: { id: true } });
    expect(await schedule({ roomId: gid("SchedulingResource", advisor.id), startsAt: at(22) })).toMatchObject({ code: "BAD_USER_INPUT" });
    const bare = await t.db.prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Salle sans séance collective (test)", placeId: crepy.id }, select: { id: true } });
    const roomTypes = await t.db.prisma.appointmentType.findMany({ where: { resourceKind: "ROOM", resources: { none: {} }, retiredAt: null }, select: { id: true } });
    await t.db.prisma.appointmentType.updateMany({ where: { id: { in: roomTypes.map((r) => r.id) } }, data: { retiredAt: new Date() } });
    try {
      const noType = await schedule({ roomId: gid("SchedulingResource", bare.id), startsAt: at(22) });
      expect(noType).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(noType.message).toMatch(/group appointment type/);
    } finally {
      await t.db.prisma.appointmentType.updateMany({ where: { id: { in: roomTypes.map((r) => r.id) } }, data: { retiredAt: null } });
    }
    expect(await countRows(t.db.prisma, journalTables)).toEqual({ ...before, SchedulingResource: before.SchedulingResource! + 1 });
  });

  it("cancels a session: the room is free again; an agent of another commune may not; twice changes nothing", async () => {
    const session = await scheduled({ roomId: gid("SchedulingResource", rooms.crepy), startsAt: at(23) });
    expect(await mutate("cancelTrainingSession", { sessionId: session.id, reason: "Formatrice absente" }, trainingLaon.token)).toMatchObject({ code: "FORBIDDEN" });
    const cancelled = await mutate("cancelTrainingSession", { sessionId: session.id, reason: "Formatrice absente" }, trainingEverywhere.token);
    expect(cancelled.session).toMatchObject({ isCancelled: true, cancelReason: "Formatrice absente", freePlaces: 0 });
    expect((await mutate("cancelTrainingSession", { sessionId: session.id, reason: "Encore" }, trainingEverywhere.token)).session).toMatchObject({ cancelReason: "Formatrice absente" });
    expect(await mutate("cancelTrainingSession", { sessionId: session.id, reason: " " }, trainingEverywhere.token)).toMatchObject({ code: "BAD_USER_INPUT" });
    await scheduled({ roomId: gid("SchedulingResource", rooms.crepy), startsAt: at(23) });
  });
});

describe("listing sessions", () => {
  let full: SessionNode;
  let free: SessionNode;
  let tiersLieu: SessionNode;

  beforeAll(async () => {
    full = await scheduled({ roomId: gid("SchedulingResource", rooms.laon), startsAt: at(30), capacity: 2, trainerId: gid("Agent", trainingEverywhere.agentId) });
    free = await scheduled({ roomId: gid("SchedulingResource", rooms.athies), startsAt: at(30), capacity: 5, trainerId: gid("Agent", trainingEverywhere.agentId) });
    tiersLieu = await scheduled({ roomId: gid("SchedulingResource", rooms.crepy), startsAt: at(30), capacity: 5 });
    for (const session of [full, full, free]) {
      const resident = await createTestResident(t.db.prisma, "02408");
      const token = (await createTestSession(t.db.prisma, { residentId: resident.residentId })).token;
      const answer = await t.client.request<{ enrolInTrainingSession: { __typename: string } }>(
        `mutation ($input: EnrolInTrainingSessionInput!) { enrolInTrainingSession(input: $input) { __typename } }`,
        { input: { sessionId: session.id } },
        { token },
      );
      expect(answer.body.data?.enrolInTrainingSession.__typename).toBe("EnrolInTrainingSessionSuccess");
    }
  });

  const partnerQuery = `query ($filter: TrainingSessionFilter) {
    trainingSessions(first: 100, filter: $filter) { totalCount edges { node {
      id startsAt endsAt freePlaces enrolledCount capacity course { title description themes } place { name kind commune { name } } room { name } trainer { displayName email }
    } } } }`;

  it("gives a partner with read:training the sessions with free places at libraries: course, place, start, free places; no trainer", async () => {
    const answer = await t.client.request<{ trainingSessions: { totalCount: number; edges: { node: SessionNode & { place: { kind: string } } }[] } }>(
      partnerQuery,
      { filter: { placeKinds: ["MEDIATHEQUE"], hasFreePlaces: true, from: at(29), to: at(31) } },
      { token: partnerKey },
    );
    expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    const nodes = answer.body.data!.trainingSessions.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual([free.id]);
    expect(nodes[0]).toMatchObject({ startsAt: at(30), freePlaces: 4, enrolledCount: 1, capacity: 5, place: { name: "Bibliothèque d'Athies-sous-Laon (démo)", kind: "MEDIATHEQUE" }, trainer: null });
    expect(answer.body.data!.trainingSessions.totalCount).toBe(1);

    // Without the window, the partner sees every library session to come with free places, the demo data's included.
    const wide = await t.client.request<{ trainingSessions: { edges: { node: { id: string; freePlaces: number; place: { kind: string }; trainer: unknown } }[] } }>(
      partnerQuery,
      { filter: { placeKinds: ["MEDIATHEQUE"], hasFreePlaces: true } },
      { token: partnerKey },
    );
    const wideNodes = wide.body.data!.trainingSessions.edges.map((e) => e.node);
    expect(wideNodes.map((n) => n.id)).toContain(free.id);
    expect(wideNodes.map((n) => n.id)).not.toContain(full.id);
    expect(wideNodes.map((n) => n.id)).not.toContain(tiersLieu.id);
    expect(wideNodes.every((n) => n.freePlaces > 0 && n.place.kind === "MEDIATHEQUE" && n.trainer === null)).toBe(true);

    // Nothing personal: no resident's and no agent's name or email anywhere in the answer.
    const json = JSON.stringify([answer.body, wide.body]);
    const people = [
      ...(await t.db.prisma.resident.findMany({ select: { displayName: true, email: true } })),
      ...(await t.db.prisma.agent.findMany({ select: { displayName: true, email: true } })),
    ];
    expect(people.length).toBeGreaterThan(10);
    expect(people.flatMap((p) => [p.displayName, p.email]).filter((value) => json.includes(value))).toEqual([]);
  });

  it("refuses a partner the enrolments, and a key without read:training everything", async () => {
    const enrolments = await t.client.request(`query ($id: [ID!]) { trainingSessions(first: 5, filter: { courseIds: $id }) { edges { node { enrolments { status } } } } }`, { id: [gid("Course", courseId)] }, { token: partnerKey });
    expect(errorCodes(enrolments.body)).toContain("FORBIDDEN");
    expect(JSON.stringify(enrolments.body.data ?? null)).not.toContain("ENROLLED");
    const refused = await t.client.request(partnerQuery, { filter: {} }, { token: keyWithoutScope });
    expect(errorCodes(refused.body)).toEqual(["FORBIDDEN"]);
  });

  it("shows the trainer to agents, and filters by course, place, commune, theme, audience, fullness and cancellation", async () => {
    const ids = async (filter: Record<string, unknown>, token = trainingEverywhere.token) => {
      const answer = await t.client.request<{ trainingSessions: { totalCount: number; edges: { node: SessionNode } [] } }>(
        `query ($filter: TrainingSessionFilter) { trainingSessions(first: 100, filter: $filter) { totalCount edges { node { ${sessionFields} } } } }`,
        { filter: { from: at(29), to: at(31), ...filter } },
        { token },
      );
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect(answer.body.data!.trainingSessions.totalCount).toBe(answer.body.data!.trainingSessions.edges.length);
      return answer.body.data!.trainingSessions.edges.map((e) => e.node);
    };
    const all = await ids({});
    expect(all.map((s) => s.id).sort()).toEqual([full.id, free.id, tiersLieu.id].sort());
    expect(all.find((s) => s.id === full.id)).toMatchObject({ freePlaces: 0, enrolledCount: 2, trainer: { id: gid("Agent", trainingEverywhere.agentId) } });
    expect((await ids({ hasFreePlaces: false })).map((s) => s.id)).toEqual([full.id]);
    expect((await ids({ placeIds: [gid("Place", crepy.id)] })).map((s) => s.id)).toEqual([tiersLieu.id]);
    expect((await ids({ communeIds: [gid("Commune", laon.communeId)] })).map((s) => s.id)).toEqual([full.id]);
    expect((await ids({ courseIds: [gid("Course", courseId)], themes: ["EMAIL"], audience: "RESIDENTS" })).length).toBe(3);
    expect(await ids({ themes: ["DIGITAL_FABRICATION"] })).toEqual([]);
    expect(await ids({ audience: "AGENTS" })).toEqual([]);
    await mutate("cancelTrainingSession", { sessionId: tiersLieu.id, reason: "Salle inondée" }, trainingEverywhere.token);
    expect((await ids({})).map((s) => s.id)).not.toContain(tiersLieu.id);
    expect((await ids({ includeCancelled: true })).find((s) => s.id === tiersLieu.id)).toMatchObject({ isCancelled: true, freePlaces: 0 });
    expect((await ids({ includeCancelled: true, hasFreePlaces: true })).map((s) => s.id)).toEqual([free.id]);
    const bad = await t.client.request(`query { trainingSessions(first: 5, filter: { from: "${at(31)}", to: "${at(29)}" }) { totalCount } }`);
    expect(errorCodes(bad.body)).toEqual(["BAD_USER_INPUT"]);
    const wrongId = await t.client.request(`query ($p: [ID!]) { trainingSessions(first: 5, filter: { placeIds: $p }) { totalCount } }`, { p: [gid("Course", courseId)] });
    expect(errorCodes(wrongId.body)).toEqual(["BAD_USER_INPUT"]);
  });

  it("lists a course's sessions to come, by start", async () => {
    const answer = await t.client.request<{ node: { sessions: { totalCount: number; edges: { node: { id: string; startsAt: string } }[] } } }>(
      `query ($id: ID!) { node(id: $id) { ... on Course { sessions(first: 100) { totalCount edges { node { id startsAt } } } } } }`,
      { id: gid("Course", courseId) },
    );
    const sessions = answer.body.data!.node.sessions;
    expect(sessions.edges.map((e) => e.node.id)).toContain(full.id);
    expect(sessions.edges.map((e) => e.node.id)).not.toContain(tiersLieu.id);
    const starts = sessions.edges.map((e) => e.node.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(sessions.totalCount).toBe(sessions.edges.length);
    // Pages follow each other without gap or repeat.
    const page = await t.client.request<{ node: { sessions: { edges: { cursor: string; node: { id: string } }[] } } }>(
      `query ($id: ID!, $after: String) { node(id: $id) { ... on Course { sessions(first: 2, after: $after) { edges { cursor node { id } } } } } }`,
      { id: gid("Course", courseId) },
    );
    const firstTwo = page.body.data!.node.sessions.edges;
    const next = await t.client.request<{ node: { sessions: { edges: { node: { id: string } }[] } } }>(
      `query ($id: ID!, $after: String) { node(id: $id) { ... on Course { sessions(first: 2, after: $after) { edges { node { id } } } } } }`,
      { id: gid("Course", courseId), after: firstTwo[1]!.cursor },
    );
    expect([...firstTwo, ...next.body.data!.node.sessions.edges].map((e) => e.node.id)).toEqual(sessions.edges.slice(0, 4).map((e) => e.node.id));
  });
});

describe("the cost of the session list", () => {
  it("sends the same number of SQL statements for a page of 2 sessions and a page of 25", async () => {
    for (let i = 0; i < 25; i++) await scheduled({ roomId: gid("SchedulingResource", rooms.athies), startsAt: at(40 + i), capacity: 3 });
    const query = `query ($first: Int!) { trainingSessions(first: $first, filter: { placeKinds: [MEDIATHEQUE], hasFreePlaces: true, from: "${at(39)}" }) {
      totalCount edges { node { id startsAt endsAt capacity enrolledCount waitlistCount freePlaces isCancelled
        course { title themes } place { name commune { name } } room { name place { name } } trainer { displayName } } } } }`;
    const count = async (first: number) => {
      const start = statements;
      const answer = await t.client.request<{ trainingSessions: { edges: unknown[] } }>(query, { first });
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect(answer.body.data!.trainingSessions.edges).toHaveLength(first);
      return statements - start;
    };
    const small = await count(2);
    const large = await count(25);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
  });
});
