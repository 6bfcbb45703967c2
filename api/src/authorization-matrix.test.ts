/**
 * The authorization matrix: every root field of the built schema (so a new field is covered without
 * touching this file) is called over HTTP by every kind of caller, and the answer must match the rule
 * the field declares in `authScopes`. Every mutation call must also leave exactly one audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNamedType, isObjectType, isUnionType } from "graphql";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { ActorKind, AuditOutcome, Role } from "./generated/prisma/client.js";
import { roles } from "./modules/identity/viewer.js";
import { partnerScopes } from "./modules/partners/api-client.service.js";
import { demoAgents, demoPassword } from "../prisma/seed/demo.js";
import { schema } from "./schema.js";
import {
  declaredAuthScopes,
  isAllowed,
  partnerScopesOf,
  refusalCode,
  rootFields,
  ruleProblems,
  type Caller,
  type RootField,
  type ScopeMap,
} from "./testing/auth-rules.js";
import { errorCodes, startTestApi, type GraphQLBody, type TestApi } from "./testing/graphql-client.js";
import { buildOperation } from "./testing/operation-builder.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "./testing/viewers.js";

/**
 * Arguments the generated values cannot satisfy, by field: an allowed caller must get past the resolver's
 * own checks, or its refusal (e.g. UNAUTHENTICATED for a wrong password) would look like an access refusal.
 */
const loginAgent = demoAgents[0]!;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const overrides: Record<string, Record<string, unknown>> = {
  "Mutation.login": { input: { email: loginAgent.email, password: demoPassword, account: "AGENT" } },
  // Windows and times the inputs' own validation accepts (it runs when the operation is priced, before authorization).
  "Query.availableSlots": { input: { from: inDays(30), to: inDays(31) } },
  "Mutation.joinWaitlist": { input: { wantedFrom: inDays(30), wantedUntil: inDays(31) } },
  "Mutation.setAvailabilityRules": { input: { rules: [{ weekday: 1, startTime: "09:00", endTime: "12:00" }] } },
  // A walk-in report needs its place (checked by the input's validation).
  "Mutation.recordActivityReport": { input: { placeId: encodeGlobalID("Place", crypto.randomUUID()) } },
};

/** Mutations that journal someone else than the caller when they succeed: a login journals who logged in. */
let journaledActorOnSuccess: Record<string, { actorKind: ActorKind; actorId: string | null }> = {};

interface MatrixViewer {
  name: string;
  /** For a field: who calls (partners depend on the scopes the field needs). */
  caller(rule: ScopeMap): Caller;
  /** The bearer to send, if any; a fresh session for each mutation so a logout never spoils later calls. */
  credential(root: RootField, rule: ScopeMap): Promise<string | undefined>;
  /** Who the audit journal must name. */
  actor(rule: ScopeMap): Promise<{ actorKind: ActorKind; actorId: string | null }>;
}

let testApi: TestApi;
const viewers: MatrixViewer[] = [];
/** Records of the node() test: the matrix's own resident (Laon) and the agent behind the revoked session. */
let matrixResidentId = "";
let someAgentId = "";

function sessionViewer(name: string, caller: Caller, subject: { agentId: string } | { residentId: string }): MatrixViewer {
  let shared: Promise<string> | undefined;
  const session = () => createTestSession(testApi.db.prisma, subject).then((s) => s.token);
  return {
    name,
    caller: () => caller,
    credential: (root) => (root.operation === "mutation" ? session() : (shared ??= session())),
    actor: async () =>
      "agentId" in subject
        ? { actorKind: "AGENT", actorId: subject.agentId }
        : { actorKind: "RESIDENT", actorId: subject.residentId },
  };
}

/** Partner keys by the set of scopes they hold, created on first use. */
const partnerKeys = new Map<string, Promise<{ key: string; clientId: string }>>();

function partnerKey(scopes: readonly string[]) {
  const id = [...scopes].sort().join(" ");
  let key = partnerKeys.get(id);
  if (!key) {
    key = createTestPartnerKey(testApi.db.prisma, { scopes, name: `Matrix partner [${id}]` });
    partnerKeys.set(id, key);
  }
  return key;
}

/**
 * `partner+` holds the scopes the field names (all scopes when it names none); `partner−` holds every
 * other scope (none when the field names none).
 */
function partnerViewer(name: string, scopesFor: (needed: string[]) => string[]): MatrixViewer {
  return {
    name,
    caller: (rule) => ({ kind: "partner", scopes: new Set(scopesFor(partnerScopesOf(rule))) }),
    credential: async (_root, rule) => (await partnerKey(scopesFor(partnerScopesOf(rule)))).key,
    actor: async (rule) => ({ actorKind: "API_CLIENT", actorId: (await partnerKey(scopesFor(partnerScopesOf(rule)))).clientId }),
  };
}

const withNeeded = (needed: string[]) => (needed.length ? needed : [...partnerScopes]);
const withoutNeeded = (needed: string[]) => (needed.length ? partnerScopes.filter((s) => !needed.includes(s)) : []);

beforeAll(async () => {
  testApi = await startTestApi();
  const prisma = testApi.db.prisma;
  const loginAgentRow = await prisma.agent.findUniqueOrThrow({ where: { email: loginAgent.email }, select: { id: true } });
  journaledActorOnSuccess = { "Mutation.login": { actorKind: "AGENT", actorId: loginAgentRow.id } };
  viewers.push({
    name: "anonymous",
    caller: () => ({ kind: "anonymous" }),
    credential: async () => undefined,
    actor: async () => ({ actorKind: "ANONYMOUS", actorId: null }),
  });
  for (const role of roles) {
    const agent = await createTestAgent(prisma, [{ role }], role);
    viewers.push(sessionViewer(role, { kind: "agent", roles: new Set<Role>([role]) }, { agentId: agent.agentId }));
  }
  const limited = await createTestAgent(
    prisma,
    [
      { role: "PORTAL", communeInseeCodes: ["02408"] },
      { role: "TRAINING", communeInseeCodes: ["02408"] },
    ],
    "Laon only",
  );
  viewers.push(
    sessionViewer("PORTAL+TRAINING@Laon", { kind: "agent", roles: new Set<Role>(["PORTAL", "TRAINING"]) }, { agentId: limited.agentId }),
  );
  const resident = await createTestResident(prisma, "02408");
  matrixResidentId = resident.residentId;
  viewers.push(sessionViewer("resident", { kind: "resident" }, { residentId: resident.residentId }));
  viewers.push(partnerViewer("partner+", withNeeded), partnerViewer("partner−", withoutNeeded));
  const expired = await createTestPartnerKey(prisma, { scopes: [...partnerScopes], expiresAt: new Date(Date.now() - 86_400_000) });
  viewers.push({
    name: "expired key",
    caller: () => ({ kind: "invalid" }),
    credential: async () => expired.key,
    actor: async () => ({ actorKind: "API_CLIENT", actorId: expired.clientId }),
  });
  const admin = await createTestAgent(prisma, [{ role: "ADMIN" }], "revoked admin");
  someAgentId = admin.agentId;
  const revoked = await createTestSession(prisma, { agentId: admin.agentId }, { revoked: true });
  viewers.push({
    name: "revoked session",
    caller: () => ({ kind: "invalid" }),
    credential: async () => revoked.token,
    actor: async () => ({ actorKind: "AGENT", actorId: admin.agentId }),
  });
});

afterAll(async () => {
  await testApi?.close();
});

const fields = rootFields(schema);

describe("declared access rules", () => {
  it("every root field of Query and Mutation declares a checkable authScopes map", () => {
    const problems = fields.flatMap((root) => ruleProblems(declaredAuthScopes(root.field)).map((p) => `${root.coordinate} ${p}`));
    expect(problems).toEqual([]);
  });
});

interface Observation {
  field: string;
  viewer: string;
  expected: "allow" | "deny";
  observed: "allow" | "deny";
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Outcome the journal must show for a mutation answer. */
function expectedOutcome(root: RootField, body: GraphQLBody, fieldCodes: (string | undefined)[]): AuditOutcome[] {
  const [code] = fieldCodes;
  if (code) return code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "RATE_LIMITED" ? ["DENIED"] : ["FAILURE"];
  const result = body.data?.[root.field.name] as { __typename?: string } | null | undefined;
  // A typed error of the result union: the mutation failed (or was refused by a policy) and said why.
  if (isUnionType(getNamedType(root.field.type)) && result?.__typename !== `${capitalize(root.field.name)}Success`) {
    return ["FAILURE", "DENIED"];
  }
  return ["SUCCESS"];
}

describe("authorization matrix", () => {
  it("answers every (field × caller) as the field's rule says, and journals every mutation call once", async () => {
    const prisma = testApi.db.prisma;
    const mismatches: string[] = [];
    const observations: Observation[] = [];
    let call = 0;
    for (const root of fields) {
      const rule = declaredAuthScopes(root.field);
      if (ruleProblems(rule).length) continue; // reported by the test above
      for (const viewer of viewers) {
        const caller = viewer.caller(rule as ScopeMap);
        const expected = isAllowed(rule as ScopeMap, caller) ? "allow" : "deny";
        const operation = buildOperation(schema, root, { overrides: overrides[root.coordinate] });
        const requestId = `matrix-${++call}-${root.field.name}`;
        const token = await viewer.credential(root, rule as ScopeMap);
        const auditBefore = root.operation === "mutation" ? await prisma.auditEvent.count() : 0;
        const { status, body } = await testApi.client.request(operation.query, operation.variables, {
          token,
          requestId,
          operationName: operation.operationName,
        });
        const where = `${root.coordinate} × ${viewer.name}`;
        const requestErrors = (body.errors ?? []).filter((e) => !e.path);
        const fieldErrors = (body.errors ?? []).filter((e) => e.path?.[0] === root.field.name);
        const fieldCodes = errorCodes({ errors: fieldErrors });
        const refusals = [...requestErrors, ...fieldErrors].filter(
          (e) => e.extensions?.code === "UNAUTHENTICATED" || e.extensions?.code === "FORBIDDEN",
        );
        const observed = refusals.length ? "deny" : "allow";
        observations.push({ field: root.coordinate, viewer: viewer.name, expected, observed });
        const describeAnswer = `HTTP ${status} ${JSON.stringify(body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`) ?? [])}`;

        if (status >= 500 || [...requestErrors, ...fieldErrors].some((e) => e.extensions?.code === "INTERNAL")) {
          mismatches.push(`${where}: crashed, ${describeAnswer}`);
        }
        if (expected === "allow") {
          if (observed === "deny") mismatches.push(`${where}: rule ${JSON.stringify(rule)} allows it, got ${describeAnswer}`);
          if (requestErrors.length) mismatches.push(`${where}: allowed but refused before execution, ${describeAnswer}`);
        } else {
          const wanted = refusalCode(caller);
          const first = caller.kind === "invalid" ? requestErrors[0] : fieldErrors[0];
          if (first?.extensions?.code !== wanted) {
            mismatches.push(`${where}: rule ${JSON.stringify(rule)} refuses it with ${wanted}, got ${describeAnswer}`);
          }
          if (caller.kind === "invalid" && status !== 401) mismatches.push(`${where}: expected HTTP 401, got ${describeAnswer}`);
          if (caller.kind !== "invalid" && body.data?.[root.field.name] != null) {
            mismatches.push(`${where}: refused but data was returned`);
          }
        }

        if (root.operation === "mutation" && caller.kind !== "invalid") {
          const rows = await prisma.auditEvent.findMany({ where: { requestId } });
          const added = (await prisma.auditEvent.count()) - auditBefore;
          const outcomes = expectedOutcome(root, body, fieldCodes);
          const actor =
            (outcomes.includes("SUCCESS") ? journaledActorOnSuccess[root.coordinate] : undefined) ?? (await viewer.actor(rule as ScopeMap));
          if (added !== 1 || rows.length !== 1) {
            mismatches.push(`${where}: expected exactly one audit row, the journal grew by ${added} (${rows.length} with this request id)`);
          } else {
            const row = rows[0]!;
            if (row.operation !== root.field.name) mismatches.push(`${where}: audit operation ${row.operation}`);
            if (!outcomes.includes(row.outcome)) {
              mismatches.push(`${where}: audit outcome ${row.outcome}, expected ${outcomes.join(" or ")} (${describeAnswer})`);
            }
            if (row.actorKind !== actor.actorKind || row.actorId !== actor.actorId) {
              mismatches.push(`${where}: audit actor ${row.actorKind} ${row.actorId}, expected ${actor.actorKind} ${actor.actorId}`);
            }
          }
        }
      }
    }
    printMatrix(observations);
    expect(mismatches).toEqual([]);
  });
});

/**
 * node(id) must not be a way around a type's own rule. Types with a static scope map are checked against
 * it; types whose rule is a function (row-level) list here who may see the record used.
 */
describe("Query.node and the types' own rules", () => {
  it("shows a record only to the callers its type's rule allows", async () => {
    const prisma = testApi.db.prisma;
    const crepyResident = await createTestResident(prisma, "02238");
    const otherKey = await createTestPartnerKey(prisma, { scopes: ["read:territory"] });
    const laon = await prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02408" }, select: { id: true, epciId: true } });
    const place = await prisma.place.findFirstOrThrow({ select: { id: true } });
    // Booking records: an advisor at a Laon place, a booking and a waiting-list entry of the matrix's resident.
    const laonPlace = await prisma.place.findFirstOrThrow({ where: { communeId: laon.id }, select: { id: true } });
    const advisor = await prisma.schedulingResource.create({ data: { kind: "ADVISOR", name: "Matrix advisor", placeId: laonPlace.id }, select: { id: true } });
    const appointmentType = await prisma.appointmentType.create({ data: { name: "Matrix appointment", resourceKind: "ADVISOR", durationMinutes: 30 }, select: { id: true } });
    const at = new Date(Date.now() + 86_400_000);
    const until = new Date(at.getTime() + 1_800_000);
    const booking = await prisma.booking.create({
      data: { resourceId: advisor.id, appointmentTypeId: appointmentType.id, startsAt: at, endsAt: until, blockedFrom: at, blockedUntil: until, status: "CONFIRMED", placeId: laonPlace.id, residentId: matrixResidentId },
      select: { id: true },
    });
    const entry = await prisma.waitlistEntry.create({ data: { appointmentTypeId: appointmentType.id, residentId: matrixResidentId, wantedFrom: at, wantedUntil: until }, select: { id: true } });
    // Training records from the demo data: an advisor, and an activity report at a place of Laon.
    const advisorProfile = await prisma.advisorProfile.findFirstOrThrow({ select: { id: true } });
    const laonReport = await prisma.activityReport.findFirstOrThrow({ where: { place: { communeId: laon.id } }, select: { id: true } });
    // A course and a session at a place of Laon from the demo data, and the matrix resident's enrolment in that session.
    const course = await prisma.course.findFirstOrThrow({ select: { id: true } });
    const laonSession = await prisma.trainingSession.findFirstOrThrow({ where: { groupSession: { resource: { place: { communeId: laon.id } } } }, select: { id: true, groupSessionId: true } });
    const enrolment = await prisma.groupEnrolment.create({ data: { groupSessionId: laonSession.groupSessionId, residentId: matrixResidentId, status: "ENROLLED" }, select: { id: true } });
    const records: { label: string; type: string; id: string; allowed?: string[] }[] = [
      { label: "Commune Laon", type: "Commune", id: laon.id },
      { label: "Epci CAPL", type: "Epci", id: laon.epciId },
      { label: "a Place", type: "Place", id: place.id },
      { label: "an Agent", type: "Agent", id: someAgentId },
      // Row-level rules: residents are seen by themselves and by agents serving their commune; keys by admins.
      { label: "Resident of Laon (the matrix's)", type: "Resident", id: matrixResidentId, allowed: ["PORTAL", "TRAINING", "TELEHEALTH", "PORTAL+TRAINING@Laon", "resident"] },
      { label: "Resident of Crépy", type: "Resident", id: crepyResident.residentId, allowed: ["PORTAL", "TRAINING", "TELEHEALTH"] },
      { label: "another partner's ApiClient", type: "ApiClient", id: otherKey.clientId, allowed: ["ADMIN"] },
      { label: "a SchedulingResource", type: "SchedulingResource", id: advisor.id },
      { label: "an AppointmentType", type: "AppointmentType", id: appointmentType.id },
      // A booking: its resident, agents whose role serves the resource kind at the place's commune, administrators.
      { label: "Booking at Laon (the matrix resident's)", type: "Booking", id: booking.id, allowed: ["TRAINING", "ADMIN", "PORTAL+TRAINING@Laon", "resident"] },
      // A waiting-list entry: its resident, agents of the kind's role serving the resident's commune.
      { label: "WaitlistEntry (the matrix resident's)", type: "WaitlistEntry", id: entry.id, allowed: ["TRAINING", "PORTAL+TRAINING@Laon", "resident"] },
      { label: "an Advisor", type: "Advisor", id: advisorProfile.id },
      // An activity report: TRAINING agents covering its place's commune, administrators; never its resident.
      { label: "ActivityReport at Laon", type: "ActivityReport", id: laonReport.id, allowed: ["TRAINING", "ADMIN", "PORTAL+TRAINING@Laon"] },
      { label: "a Course", type: "Course", id: course.id },
      { label: "TrainingSession at Laon", type: "TrainingSession", id: laonSession.id },
      // An enrolment: its resident, TRAINING agents covering the session's place, administrators.
      { label: "Enrolment at Laon (the matrix resident's)", type: "Enrolment", id: enrolment.id, allowed: ["TRAINING", "ADMIN", "PORTAL+TRAINING@Laon", "resident"] },
    ];
    const nodeField = fields.find((root) => root.coordinate === "Query.node")!;
    const nodeRule = declaredAuthScopes(nodeField.field) as ScopeMap;
    const problems: string[] = [];
    const lines: string[] = [`| node(id) of | ${viewers.map((v) => v.name).join(" | ")} |`, `|---|${viewers.map(() => ":-:").join("|")}|`];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === "Node")) continue;
      if (!records.some((r) => r.type === type.name)) problems.push(`node type ${type.name} has no record in this test: add one`);
    }
    for (const record of records) {
      const type = schema.getType(record.type);
      const typeRule = type ? declaredAuthScopes(type) : undefined;
      if (typeof typeRule === "function" && !record.allowed) {
        problems.push(`${record.type} has a row-level rule: list who may see "${record.label}"`);
        continue;
      }
      const cells: string[] = [];
      for (const viewer of viewers) {
        const caller = viewer.caller(nodeRule);
        const expected =
          isAllowed(nodeRule, caller) &&
          (record.allowed ? record.allowed.includes(viewer.name) : typeRule ? isAllowed(typeRule as ScopeMap, caller) : true);
        const id = encodeGlobalID(record.type, record.id);
        const { status, body } = await testApi.client.request(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id }, {
          token: await viewer.credential(nodeField, nodeRule),
        });
        const seen = (body.data?.node as { id?: string } | null | undefined)?.id === id;
        const where = `node(${record.label}) × ${viewer.name}`;
        const answer = `HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`;
        if (status >= 500 || body.errors?.some((e) => e.extensions?.code === "INTERNAL")) problems.push(`${where}: crashed, ${answer}`);
        if (seen !== expected) problems.push(`${where}: expected ${expected ? "visible" : "hidden"}, ${answer}`);
        if (!expected && body.errors?.length && body.errors[0]?.extensions?.code !== refusalCode(caller)) {
          problems.push(`${where}: refused with ${body.errors[0]?.extensions?.code}, expected ${refusalCode(caller)}`);
        }
        cells.push(`${seen ? "✓" : "·"}${seen === expected ? "" : "!"}`);
      }
      lines.push(`| ${record.label} | ${cells.join(" | ")} |`);
    }
    console.log(`node(id) by type (✓ visible, · hidden, ! differs from the rule):\n${lines.join("\n")}`);
    expect(problems).toEqual([]);
  });
});

/** The matrix as a Markdown table (for the README): ✓ allowed, · refused, ! where it differs from the rule. */
function printMatrix(observations: Observation[]): void {
  const columns = viewers.map((v) => v.name);
  const lines = [`| field | ${columns.join(" | ")} |`, `|---|${columns.map(() => ":-:").join("|")}|`];
  for (const root of fields) {
    const cells = columns.map((column) => {
      const o = observations.find((x) => x.field === root.coordinate && x.viewer === column);
      if (!o) return "?";
      return `${o.observed === "allow" ? "✓" : "·"}${o.observed === o.expected ? "" : "!"}`;
    });
    lines.push(`| ${root.coordinate} | ${cells.join(" | ")} |`);
  }
  console.log(`Authorization matrix (✓ allowed, · refused, ! differs from the declared rule):\n${lines.join("\n")}`);
}
