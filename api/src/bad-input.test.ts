/**
 * Bad inputs over HTTP: wrong types, huge strings, deep nesting, many aliases, invalid global IDs,
 * malformed or oversized bodies, oversized batches, unknown operation names, a mutation sent with GET.
 * Each gets a clear `extensions.code` and a client-error answer (never a 500), and changes nothing:
 * every table but the journals (audit, login throttle, cost budgets, sessions) keeps its row count.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { startTestApi, type GraphQLBody, type TestApi } from "./testing/graphql-client.js";
import { countRows, journalTables, type TableCounts } from "./testing/table-counts.js";
import { createAdminSession } from "./testing/viewers.js";

/** Above the 1 MB strings sent in inputs, so that they reach validation; bodies above it are refused. */
const bodyLimitBytes = 2 * 1024 * 1024;

let t: TestApi;
let adminToken: string;
let before: TableCounts;

beforeAll(async () => {
  t = await startTestApi({ BODY_LIMIT: "2mb" });
  adminToken = (await createAdminSession(t.db.prisma)).token;
});

beforeEach(async () => {
  before = await countRows(t.db.prisma, journalTables);
});

afterAll(async () => {
  await t?.close();
});

/** Nothing but the journals changed since the start of the test. */
async function expectNothingChanged(): Promise<void> {
  expect(await countRows(t.db.prisma, journalTables)).toEqual(before);
}

interface Refusal {
  status: number;
  body: unknown;
}

/**
 * Refused before execution: a 4xx and one error carrying `code`.
 * Refused while executing (`field`): per GraphQL over HTTP, the answer may be 200 with the field null and
 * the error in `errors`, or the field's declared error type carrying `code`; never a 5xx. A refusal the
 * API could make before execution (arguments are read when the operation is priced) is accepted there too.
 */
function expectRefused(answer: Refusal, code: string, options: { field?: string } = {}): void {
  const body = answer.body as GraphQLBody;
  const described = `HTTP ${answer.status} ${JSON.stringify(body).slice(0, 400)}`;
  expect(answer.status, described).toBeLessThan(500);
  if (!options.field || answer.status >= 400) {
    expect(answer.status, described).toBeGreaterThanOrEqual(400);
    expect(body.errors?.map((e) => e.extensions?.code), described).toEqual([code]);
    return;
  }
  const result = body.data?.[options.field] as { __typename?: string; code?: string } | null | undefined;
  const fieldError = body.errors?.find((e) => e.path?.[0] === options.field);
  if (fieldError) {
    expect(fieldError.extensions?.code, described).toBe(code);
    expect(result ?? null, described).toBeNull();
  } else {
    expect(result?.code, described).toBe(code);
  }
  expect(body.errors?.some((e) => e.extensions?.code === "INTERNAL") ?? false, described).toBe(false);
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

const createApiClient = `
  mutation Create($input: CreateApiClientInput!) {
    createApiClient(input: $input) { __typename ... on CreateApiClientSuccess { key } ... on Error { code message } }
  }`;

function validApiClientInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: "Bad-input test partner", scopes: ["READ_TERRITORY"], expiresAt: inDays(30), ...overrides };
}

describe("wrong types", () => {
  it("refuses a literal of the wrong type before running anything", async () => {
    expectRefused(await t.client.request(`{ commune(inseeCode: 2408) { name } }`), "BAD_USER_INPUT");
    expectRefused(await t.client.request(`{ communes(first: "ten") { totalCount } }`), "BAD_USER_INPUT");
    expectRefused(await t.client.request(`{ commune(inseeCode: "02408") { name nope } }`), "BAD_USER_INPUT");
    await expectNothingChanged();
  });

  it("refuses variables of the wrong type, in queries and in mutation inputs", async () => {
    expectRefused(await t.client.request(`query ($c: String!) { commune(inseeCode: $c) { name } }`, { c: 2408 }), "BAD_USER_INPUT");
    for (const input of [
      validApiClientInput({ scopes: ["WRITE_EVERYTHING"] }),
      validApiClientInput({ expiresAt: "tomorrow" }),
      validApiClientInput({ costCapacity: "lots" }),
      validApiClientInput({ name: { first: "x" } }),
      { name: "Missing fields" },
    ]) {
      expectRefused(await t.client.request(createApiClient, { input }, { token: adminToken }), "BAD_USER_INPUT");
    }
    await expectNothingChanged();
  });

  it("refuses values of the right type out of range (page size, budget)", async () => {
    expectRefused(await t.client.request(`{ communes(first: 1000) { totalCount } }`), "BAD_USER_INPUT", { field: "communes" });
    expectRefused(await t.client.request(`{ communes(first: -1) { totalCount } }`), "BAD_USER_INPUT", { field: "communes" });
    expectRefused(
      await t.client.request(createApiClient, { input: validApiClientInput({ costCapacity: -5 }) }, { token: adminToken }),
      "BAD_USER_INPUT",
      { field: "createApiClient" },
    );
    expectRefused(
      await t.client.request(createApiClient, { input: validApiClientInput({ expiresAt: inDays(3 * 365) }) }, { token: adminToken }),
      "BAD_USER_INPUT",
      { field: "createApiClient" },
    );
    await expectNothingChanged();
  });
});

describe("huge strings", () => {
  const megabyte = "x".repeat(1024 * 1024);

  it("refuses a 1 MB name in a mutation input", async () => {
    const answer = await t.client.request(createApiClient, { input: validApiClientInput({ name: megabyte }) }, { token: adminToken });
    expectRefused(answer, "BAD_USER_INPUT", { field: "createApiClient" });
    // The message names the problem without echoing the megabyte back.
    expect(JSON.stringify(answer.body).length).toBeLessThan(10_000);
    await expectNothingChanged();
  });

  it("refuses a 1 MB password at login without hashing it", async () => {
    const answer = await t.client.request(
      `mutation ($input: LoginInput!) { login(input: $input) { __typename ... on Error { code } } }`,
      { input: { email: "camille.martin@capl.example", password: megabyte } },
    );
    expectRefused(answer, "BAD_USER_INPUT", { field: "login" });
    await expectNothingChanged();
  });

  it("refuses a 1 MB argument of a query", async () => {
    expectRefused(await t.client.request(`query ($c: String!) { commune(inseeCode: $c) { name } }`, { c: megabyte }), "BAD_USER_INPUT", {
      field: "commune",
    });
    expectRefused(await t.client.request(`query ($n: String) { communes(filter: { name: $n }) { totalCount } }`, { n: megabyte }), "BAD_USER_INPUT", {
      field: "communes",
    });
    await expectNothingChanged();
  });
});

/** A selection `levels` deep (the innermost `__typename` counts as one): places → edges → node → commune → places… */
function nested(levels: number): string {
  const path = ["places(first: 1)", "edges", "node", "commune"];
  const fields = Array.from({ length: levels - 1 }, (_, i) => path[i % path.length]);
  return `{ ${fields.map((f) => `${f} { `).join("")}__typename${" }".repeat(fields.length)} }`;
}

describe("deep nesting", () => {
  it("accepts 12 levels and refuses 13 and more before running", async () => {
    const twelve = await t.client.request(nested(12));
    expect(twelve.status, JSON.stringify(twelve.body)).toBe(200);
    expect(twelve.body.errors).toBeUndefined();
    for (const levels of [13, 40]) {
      const answer = await t.client.request(nested(levels));
      expectRefused(answer, "BAD_USER_INPUT");
      expect(answer.body.errors?.[0]?.message).toMatch(/deep/i);
    }
    // Through fragments, which a naive depth count would miss.
    const viaFragments = `
      query { communes(first: 1) { edges { node { ...C } } } }
      fragment C on Commune { places(first: 1) { edges { node { commune { places(first: 1) { edges { node { commune { places(first: 1) { edges { node { commune { name } } } } } } } } } } } }`;
    expectRefused(await t.client.request(viaFragments), "BAD_USER_INPUT");
    await expectNothingChanged();
  });
});

describe("aliases", () => {
  const aliased = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join("\n");

  it("refuses 1,000 aliases of a list before running", async () => {
    expectRefused(await t.client.request(`{ ${aliased(1000, "places(first: 100) { totalCount edges { node { name } } }")} }`), "BAD_USER_INPUT");
    await expectNothingChanged();
  });

  it("refuses 1,000 aliases of a single-record query before running", async () => {
    expectRefused(await t.client.request(`{ ${aliased(1000, `commune(inseeCode: "02408") { name }`)} }`), "BAD_USER_INPUT");
    await expectNothingChanged();
  });

  it("refuses 1,000 aliases of one mutation before running, creating nothing", async () => {
    const input = `{ name: "Aliased partner", scopes: [READ_TERRITORY], expiresAt: "${inDays(30)}" }`;
    const answer = await t.client.request(`mutation { ${aliased(1000, `createApiClient(input: ${input}) { __typename }`)} }`, undefined, {
      token: adminToken,
    });
    await expectNothingChanged();
    expectRefused(answer, "BAD_USER_INPUT");
  });
});

describe("invalid global IDs", () => {
  const node = `query ($id: ID!) { node(id: $id) { __typename id } }`;

  it("refuses IDs that are not global IDs, or name no type of the schema", async () => {
    for (const id of ["garbage!!", "", encodeGlobalID("Nope", "1"), encodeGlobalID("Commune", "not-a-uuid"), Buffer.from("Commune").toString("base64")]) {
      const answer = await t.client.request(node, { id });
      const described = `${JSON.stringify(id)}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`;
      expect(answer.status, described).toBeLessThan(500);
      // Either refused as bad input or simply not found: never an internal error.
      const codes = answer.body.errors?.map((e) => e.extensions?.code) ?? [];
      expect(codes.every((code) => code === "BAD_USER_INPUT"), described).toBe(true);
      expect(answer.body.data?.node ?? null, described).toBeNull();
    }
    await expectNothingChanged();
  });

  it("answers null, without error, for a well-formed ID of no record", async () => {
    for (const type of ["Commune", "Place", "Epci"]) {
      const answer = await t.client.request(node, { id: encodeGlobalID(type, crypto.randomUUID()) });
      expect(answer.body, `${type}: ${JSON.stringify(answer.body)}`).toMatchObject({ data: { node: null } });
      expect(answer.body.errors, `${type}: ${JSON.stringify(answer.body)}`).toBeUndefined();
    }
  });

  it("refuses, in a mutation input, an ID of the wrong type or that is not a global ID", async () => {
    const laon = await t.db.prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02408" }, select: { id: true } });
    const revoke = `mutation ($id: ID!) { revokeApiClient(input: { apiClientId: $id }) { __typename ... on Error { code } } }`;
    for (const id of [encodeGlobalID("Commune", laon.id), "garbage!!", encodeGlobalID("ApiClient", "not-a-uuid")]) {
      const answer = await t.client.request(revoke, { id }, { token: adminToken });
      const described = `${JSON.stringify(id)}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`;
      expect(answer.status, described).toBeLessThan(500);
      const result = answer.body.data?.revokeApiClient as { code?: string } | null | undefined;
      const codes = [...(answer.body.errors?.map((e) => e.extensions?.code) ?? []), result?.code].filter(Boolean);
      expect(codes, described).toEqual(["BAD_USER_INPUT"]);
    }
    await expectNothingChanged();
  });
});

describe("malformed HTTP requests", () => {
  it("refuses malformed JSON with 400", async () => {
    for (const body of [`{"query": "{ communes { totalCount } }"`, "not json", `{"query": }`]) {
      expectRefused(await t.client.post(body), "BAD_USER_INPUT");
    }
    await expectNothingChanged();
  });

  it("refuses a body over BODY_LIMIT with 413", async () => {
    const input = validApiClientInput({ name: "x".repeat(bodyLimitBytes + 1024) });
    const answer = await t.client.post({ query: createApiClient, variables: { input } }, { token: adminToken });
    expectRefused(answer, "BAD_USER_INPUT");
    expect(answer.status).toBe(413);
    await expectNothingChanged();
  });

  it("refuses a body that is no GraphQL request", async () => {
    for (const body of [{}, { query: 42 }, [], "[1, 2]", { query: "{ __typename }", variables: "not an object" }]) {
      const answer = await t.client.post(body);
      const described = `${JSON.stringify(body)}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`;
      expect(answer.status, described).toBeGreaterThanOrEqual(400);
      expect(answer.status, described).toBeLessThan(500);
      expect((answer.body as GraphQLBody).errors?.[0]?.extensions?.code, described).toBe("BAD_USER_INPUT");
    }
    await expectNothingChanged();
  });

  it("runs a batch within the limit and refuses a larger one whole, running none of it", async () => {
    const small = await t.client.post([{ query: "{ viewer { kind } }" }, { query: `{ commune(inseeCode: "02408") { name } }` }]);
    expect(small.status).toBe(200);
    expect(small.body).toHaveLength(2);
    const operation = { query: createApiClient, variables: { input: validApiClientInput() } };
    const answer = await t.client.post(Array.from({ length: 11 }, () => operation), { token: adminToken });
    expectRefused(answer, "BAD_USER_INPUT");
    await expectNothingChanged();
  });

  it("refuses an unknown operation name", async () => {
    const document = `query A { viewer { kind } } mutation B($input: CreateApiClientInput!) { createApiClient(input: $input) { __typename } }`;
    const answer = await t.client.request(document, { input: validApiClientInput() }, { token: adminToken, operationName: "C" });
    expectRefused(answer, "BAD_USER_INPUT");
    expectRefused(await t.client.request(document, { input: validApiClientInput() }, { token: adminToken }), "BAD_USER_INPUT");
    await expectNothingChanged();
  });

  it("refuses a mutation sent with GET, with or without the CSRF preflight header", async () => {
    const query = `mutation { createApiClient(input: { name: "Via GET", scopes: [READ_TERRITORY], expiresAt: "${inDays(30)}" }) { __typename } }`;
    const url = `${t.api.url}?query=${encodeURIComponent(query)}`;
    for (const headers of [{}, { "apollo-require-preflight": "true" }] as Record<string, string>[]) {
      const response = await fetch(url, { headers: { accept: "application/json", authorization: `Bearer ${adminToken}`, ...(headers as Record<string, string>) } });
      const answer = { status: response.status, body: await response.json() };
      expectRefused(answer, "BAD_USER_INPUT");
    }
    await expectNothingChanged();
  });
});
