import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { errorCodes, startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { countRows, journalTables } from "../../testing/table-counts.js";
import { createTestAgent, createTestPartnerKey, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
let trainer: string;
let portalAgent: string;
let resident: string;
let partner: string;
let partnerWithoutScope: string;

beforeAll(async () => {
  t = await startTestApi();
  const prisma = t.db.prisma;
  const session = async (roles: Parameters<typeof createTestAgent>[1]) =>
    (await createTestSession(prisma, { agentId: (await createTestAgent(prisma, roles, "catalogue")).agentId })).token;
  trainer = await session([{ role: "TRAINING", communeInseeCodes: ["02408"] }]);
  portalAgent = await session([{ role: "PORTAL" }, { role: "ADMIN" }]);
  resident = (await createTestSession(prisma, { residentId: (await createTestResident(prisma)).residentId })).token;
  partner = (await createTestPartnerKey(prisma, { scopes: ["read:training"] })).key;
  partnerWithoutScope = (await createTestPartnerKey(prisma, { scopes: ["read:territory"] })).key;
});
afterAll(async () => t?.close());

interface CourseNode {
  id: string;
  title: string;
  description: string;
  themes: string[];
  level: string;
  audience: string;
  durationMinutes: number;
  isArchived: boolean;
}

const courseFields = "id title description themes level audience durationMinutes isArchived";
type Result = { __typename: string; code?: string; message?: string; course?: CourseNode };

async function mutate(name: string, input: Record<string, unknown>, token?: string) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  return t.client.request<Record<string, Result>>(
    `mutation ($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { code message } ... on ${type}Success { course { ${courseFields} } } } }`,
    { input },
    { token },
  );
}

async function ok(name: string, input: Record<string, unknown>, token = trainer): Promise<CourseNode> {
  const answer = await mutate(name, input, token);
  expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
  const result = answer.body.data![name]!;
  expect(result.__typename, JSON.stringify(result)).toMatch(/Success$/);
  return result.course!;
}

/** The result's typed error code, or the top-level error codes. */
async function refusal(name: string, input: Record<string, unknown>, token = trainer): Promise<string> {
  const answer = await mutate(name, input, token);
  return answer.body.data?.[name]?.code ?? errorCodes(answer.body).join();
}

async function list(filter: Record<string, unknown>, token?: string) {
  const answer = await t.client.request<{ courses: { totalCount: number; edges: { node: CourseNode }[] } }>(
    `query ($filter: CourseFilter) { courses(first: 100, filter: $filter) { totalCount edges { node { ${courseFields} } } } }`,
    { filter },
    { token },
  );
  expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
  return answer.body.data!.courses;
}

const newCourse = (title: string, overrides: Record<string, unknown> = {}) => ({
  title,
  description: "Découvrir les bases, pas à pas, avec un médiateur numérique.",
  themes: ["COMPUTER_BASICS"],
  level: "BEGINNER",
  audience: "RESIDENTS",
  durationMinutes: 120,
  ...overrides,
});

describe("catalogue management", () => {
  it("creates, changes and archives a course; the journal names the course", async () => {
    const created = await ok("createCourse", newCourse("Premiers pas sur la tablette (test)", { themes: ["SMARTPHONE", "COMPUTER_BASICS", "SMARTPHONE"] }));
    expect(created).toMatchObject({ title: "Premiers pas sur la tablette (test)", themes: ["SMARTPHONE", "COMPUTER_BASICS"], isArchived: false, durationMinutes: 120 });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { operation: "createCourse" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorKind: "AGENT" });
    expect(audit.targetIds).toEqual([Buffer.from(created.id, "base64").toString().split(":")[1]]);

    const updated = await ok("updateCourse", { courseId: created.id, title: "Premiers pas sur la tablette tactile (test)", level: "INTERMEDIATE", durationMinutes: 90 });
    expect(updated).toMatchObject({ id: created.id, title: "Premiers pas sur la tablette tactile (test)", level: "INTERMEDIATE", durationMinutes: 90, themes: ["SMARTPHONE", "COMPUTER_BASICS"], audience: "RESIDENTS" });

    const archived = await ok("archiveCourse", { courseId: created.id });
    expect(archived.isArchived).toBe(true);
    const first = await t.db.prisma.course.findUniqueOrThrow({ where: { title: "Premiers pas sur la tablette tactile (test)" } });
    expect((await ok("archiveCourse", { courseId: created.id })).isArchived).toBe(true);
    expect((await t.db.prisma.course.findUniqueOrThrow({ where: { id: first.id } })).archivedAt).toEqual(first.archivedAt);

    expect((await list({ search: "tablette tactile" })).edges).toEqual([]);
    expect((await list({ search: "tablette tactile", includeArchived: true })).edges.map((e) => e.node.id)).toEqual([created.id]);
  });

  it("refuses a title already used, whatever its capitals and accents: CONFLICT, nothing written", async () => {
    await ok("createCourse", newCourse("Sécurité numérique au quotidien (test)"));
    const before = await countRows(t.db.prisma, journalTables);
    expect(await refusal("createCourse", newCourse("Sécurité numérique au quotidien (test)"))).toBe("CONFLICT");
    expect(await refusal("createCourse", newCourse("SECURITE  numerique au quotidien (TEST)"))).toBe("CONFLICT");
    const other = await ok("createCourse", newCourse("Autre atelier (test)"));
    expect(await countRows(t.db.prisma, journalTables)).toEqual({ ...before, Course: before.Course! + 1 });
    expect(await refusal("updateCourse", { courseId: other.id, title: "sécurité numérique au quotidien (test)" })).toBe("CONFLICT");
    // Keeping its own title is no conflict.
    expect((await ok("updateCourse", { courseId: other.id, title: "Autre atelier (test)", durationMinutes: 60 })).durationMinutes).toBe(60);
    expect(await t.db.prisma.auditEvent.findFirst({ where: { operation: "createCourse", outcome: "FAILURE", errorCode: "CONFLICT" } })).not.toBeNull();
  });

  it("refuses bad input with BAD_USER_INPUT and writes nothing", async () => {
    const course = await ok("createCourse", newCourse("Atelier à ne pas abîmer (test)"));
    const before = await countRows(t.db.prisma, journalTables);
    const stored = await t.db.prisma.course.findUniqueOrThrow({ where: { title: "Atelier à ne pas abîmer (test)" } });
    const bad: Record<string, unknown>[] = [
      { themes: [] },
      { durationMinutes: 0 },
      { durationMinutes: -30 },
      { durationMinutes: 1441 },
      { title: "" },
      { title: "   " },
      { title: "x".repeat(201) },
      { description: "y".repeat(5001) },
      { themes: ["NOT_A_THEME"] },
      { level: "EXPERT" },
    ];
    for (const [i, overrides] of bad.entries()) {
      expect(await refusal("createCourse", newCourse(`Atelier invalide ${i} (test)`, overrides)), JSON.stringify(overrides)).toBe("BAD_USER_INPUT");
      expect(await refusal("updateCourse", { courseId: course.id, ...overrides }), JSON.stringify(overrides)).toBe("BAD_USER_INPUT");
    }
    expect(await refusal("updateCourse", { courseId: encodeGlobalID("Place", crypto.randomUUID()) })).toBe("BAD_USER_INPUT");
    expect(await refusal("updateCourse", { courseId: encodeGlobalID("Course", crypto.randomUUID()), durationMinutes: 60 })).toBe("NOT_FOUND");
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
    expect(await t.db.prisma.course.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
  });

  it("is for training agents only: other agents, residents and partners are FORBIDDEN, anonymous callers UNAUTHENTICATED", async () => {
    const before = await countRows(t.db.prisma, journalTables);
    expect(await refusal("createCourse", newCourse("Refusé (test)"), portalAgent)).toBe("FORBIDDEN");
    expect(await refusal("createCourse", newCourse("Refusé (test)"), resident)).toBe("FORBIDDEN");
    expect(await refusal("createCourse", newCourse("Refusé (test)"), partner)).toBe("FORBIDDEN");
    expect(errorCodes((await mutate("createCourse", newCourse("Refusé (test)"))).body)).toEqual(["UNAUTHENTICATED"]);
    expect(await refusal("archiveCourse", { courseId: encodeGlobalID("Course", crypto.randomUUID()) }, resident)).toBe("FORBIDDEN");
    expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
  });
});

describe("reading the catalogue", () => {
  beforeAll(async () => {
    await ok("createCourse", newCourse("Créer son site de vente en ligne (test)", { themes: ["ECOMMERCE_VISIBILITY", "SOCIAL_NETWORKS"], audience: "BUSINESSES", level: "INTERMEDIATE", description: "Pour les artisans et commerçants : boutique en ligne, référencement." }));
    await ok("createCourse", newCourse("Œuvrer avec l'IA au bureau (test)", { themes: ["ARTIFICIAL_INTELLIGENCE", "OFFICE_TOOLS"], audience: "AGENTS", level: "ADVANCED" }));
    await ok("createCourse", newCourse("Démarches en ligne : l'essentiel (test)", { themes: ["ONLINE_PROCEDURES"], description: "Impôts, CAF, Ameli : réaliser ses démarches." }));
  });

  it("searches titles and descriptions whatever the case and accents", async () => {
    const titles = async (search: string) => (await list({ search })).edges.map((e) => e.node.title).filter((title) => title.endsWith("(test)"));
    expect(await titles("demarches en ligne")).toEqual(["Démarches en ligne : l'essentiel (test)"]);
    expect(await titles("DÉMARCHES")).toEqual(["Démarches en ligne : l'essentiel (test)"]);
    expect(await titles("oeuvrer avec l ia")).toEqual(["Œuvrer avec l'IA au bureau (test)"]);
    expect(await titles("commerçants")).toEqual(["Créer son site de vente en ligne (test)"]);
    expect(await titles("COMMERCANTS")).toEqual(["Créer son site de vente en ligne (test)"]);
    // LIKE wildcards in the search are taken literally.
    expect(await titles("%")).toEqual([]);
    expect(await titles("_")).toEqual([]);
  });

  it("filters by theme, audience and level, and orders by title with a total count", async () => {
    const businesses = await list({ audience: "BUSINESSES", themes: ["SOCIAL_NETWORKS"] });
    expect(businesses.edges.map((e) => e.node.title)).toContain("Créer son site de vente en ligne (test)");
    expect(businesses.edges.every((e) => e.node.audience === "BUSINESSES" && e.node.themes.includes("SOCIAL_NETWORKS"))).toBe(true);
    expect(businesses.totalCount).toBe(businesses.edges.length);
    const advanced = await list({ level: "ADVANCED", audience: "AGENTS" });
    expect(advanced.edges.map((e) => e.node.title)).toContain("Œuvrer avec l'IA au bureau (test)");
    const all = await list({});
    const titles = all.edges.map((e) => e.node.title);
    expect(titles).toEqual([...titles].sort());
    expect(all.edges.every((e) => !e.node.isArchived)).toBe(true);
  });

  it("is public and open to partners with read:training; a key without it is FORBIDDEN", async () => {
    const anonymous = await list({ search: "demarches" });
    expect(anonymous.edges.length).toBeGreaterThan(0);
    const byPartner = await list({ search: "demarches" }, partner);
    expect(byPartner.edges).toEqual(anonymous.edges);
    const refused = await t.client.request(`{ courses(first: 5) { totalCount } }`, {}, { token: partnerWithoutScope });
    expect(errorCodes(refused.body)).toEqual(["FORBIDDEN"]);
    expect(errorCodes((await t.client.request(`{ courses(first: 101) { totalCount } }`)).body)).toEqual(["BAD_USER_INPUT"]);
  });
});
