/**
 * The territory slice through real HTTP: startApi on a free port, fetch, a migrated and seeded database.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import type { Database } from "../../db/database.js";
import { createLogger } from "../../logger.js";
import { playgroundContentSecurityPolicy, startApi, type RunningApi } from "../../server.js";
import { createTestDatabase } from "../../testing/test-database.js";

interface GraphQLResponse<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; stacktrace?: unknown } }[];
}

const require = createRequire(import.meta.url);
const caplSiren = "200043495";

/** The CAPL's population according to the official data, computed independently of the seed loader. */
function officialPopulation(): { count: number; population: number } {
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as { code: string; membres: { code: string }[] }[];
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as {
    code: string;
    type: string;
    population: number;
  }[];
  const members = new Set(epcis.find((epci) => epci.code === caplSiren)?.membres.map((member) => member.code));
  const current = communes.filter((commune) => commune.type === "commune-actuelle" && members.has(commune.code));
  return { count: current.length, population: current.reduce((sum, commune) => sum + commune.population, 0) };
}

const playgroundIndex = fileURLToPath(new URL("../../../playground/dist/index.html", import.meta.url));

/** The playground is built at install/start; build it here only when this checkout never did. */
function ensurePlaygroundBuilt(): void {
  if (fs.existsSync(playgroundIndex)) return;
  execFileSync("npx", ["vite", "build", "--config", "playground/vite.config.ts", "--logLevel", "error"], {
    cwd: fileURLToPath(new URL("../../../", import.meta.url)),
    stdio: "inherit",
  });
}

let db: Database;
let api: RunningApi;
const sqlStatements: string[] = [];

async function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(api.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

async function graphql<Data = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLResponse<Data> }> {
  const response = await post(JSON.stringify({ query, variables }));
  return { status: response.status, body: (await response.json()) as GraphQLResponse<Data> };
}

function codes(body: GraphQLResponse): (string | undefined)[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

beforeAll(async () => {
  ensurePlaygroundBuilt();
  db = await createTestDatabase({ onQuery: (sql) => sqlStatements.push(sql) });
  const config = loadConfig({ PORT: "0", NODE_ENV: "test", LOG_LEVEL: "silent" });
  api = await startApi({ db, config, logger: createLogger({ level: "silent" }) });
});

afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe("Query.communes", () => {
  it("lists the 38 communes of the CAPL with the official population, in French alphabetical order", async () => {
    const official = officialPopulation();
    expect(official.count).toBe(38);
    const { status, body } = await graphql<{
      communes: { totalCount: number; edges: { node: { name: string; population: number } }[] };
    }>("{ communes(first: 50) { totalCount edges { node { name population } } } }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const communes = body.data!.communes;
    expect(communes.totalCount).toBe(38);
    expect(communes.edges).toHaveLength(38);
    expect(communes.edges.reduce((sum, edge) => sum + edge.node.population, 0)).toBe(official.population);
    const names = communes.edges.map((edge) => edge.node.name);
    expect(names.slice(0, 2)).toEqual(["Arrancy", "Athies-sous-Laon"]);
    expect(names.slice(names.indexOf("Eppes"), names.indexOf("Eppes") + 3)).toEqual(["Eppes", "Étouvelles", "Festieux"]);
    expect(names.at(-1)).toBe("Vorges");
  });

  it("exposes Laon with its identifiers and its EPCI", async () => {
    const { body } = await graphql<{ commune: Record<string, unknown> }>(
      `{ commune(inseeCode: "02408") { inseeCode name siren postalCodes population epci { code name kind } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.commune).toMatchObject({
      inseeCode: "02408",
      name: "Laon",
      siren: "210203873",
      postalCodes: ["02000"],
      epci: { code: caplSiren, kind: "CA" },
    });
  });

  it("filters by name ignoring case and accents, with a matching totalCount", async () => {
    const { body } = await graphql<{ communes: { totalCount: number; edges: { node: { name: string } }[] } }>(
      `query ($name: String) { communes(filter: { name: $name }) { totalCount edges { node { name } } } }`,
      { name: "ETOUVELLES" },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.communes.edges.map((edge) => edge.node.name)).toEqual(["Chivy-lès-Étouvelles", "Étouvelles"]);
    expect(body.data!.communes.totalCount).toBe(2);

    const spelled = await graphql<{ communes: { edges: { node: { name: string } }[] } }>(
      `{ communes(filter: { name: "chivy les etouvelles" }) { edges { node { name } } } }`,
    );
    expect(spelled.body.data!.communes.edges.map((edge) => edge.node.name)).toEqual(["Chivy-lès-Étouvelles"]);
  });

  it("treats LIKE wildcards in the name literally", async () => {
    const { body } = await graphql<{ communes: { totalCount: number } }>(
      `{ communes(filter: { name: "%" }) { totalCount } }`,
    );
    expect(body.data!.communes.totalCount).toBe(0);
  });

  it("filters by the start of the INSEE code", async () => {
    const { body } = await graphql<{ communes: { edges: { node: { inseeCode: string } }[] } }>(
      `{ communes(filter: { inseeCode: "0240" }) { edges { node { inseeCode } } } }`,
    );
    expect(body.data!.communes.edges.map((edge) => edge.node.inseeCode).sort()).toEqual(["02407", "02408"]);
  });

  it("pages forwards and backwards with cursors", async () => {
    type Page = {
      communes: {
        edges: { cursor: string; node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
      };
    };
    const pageQuery = `query ($first: Int, $after: String, $last: Int, $before: String) {
      communes(first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const all = await graphql<Page>(pageQuery, { first: 100 });
    const names = all.body.data!.communes.edges.map((edge) => edge.node.name);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: { body: GraphQLResponse<Page> } = await graphql<Page>(pageQuery, { first: 15, after });
      expect(body.errors).toBeUndefined();
      const page: Page["communes"] = body.data!.communes;
      seen.push(...page.edges.map((edge) => edge.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);

    const firstPage = await graphql<Page>(pageQuery, { first: 15 });
    const backwards = await graphql<Page>(pageQuery, { last: 5, before: firstPage.body.data!.communes.pageInfo.endCursor });
    expect(backwards.body.data!.communes.edges.map((edge) => edge.node.name)).toEqual(names.slice(9, 14));
    expect(backwards.body.data!.communes.pageInfo.hasPreviousPage).toBe(true);
  });

  it("reads a page of communes and their places' counts in a bounded number of SQL statements", async () => {
    sqlStatements.length = 0;
    const { body } = await graphql<{ communes: { edges: { node: { places: { totalCount: number } } }[] } }>(
      "{ communes(first: 50) { edges { node { name places { totalCount } } } } }",
    );
    expect(body.errors).toBeUndefined();
    const counts = body.data!.communes.edges.map((edge) => edge.node.places.totalCount);
    expect(counts).toHaveLength(38);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    // One statement per level of the query, whatever the number of communes (N+1 would be 39+).
    expect(sqlStatements.length).toBeLessThanOrEqual(3);
  });

  it("refuses more than 100 items a page, at the top level and in nested connections", async () => {
    const top = await graphql("{ communes(first: 1000) { totalCount } }");
    expect(top.status).toBe(200);
    expect(top.body.data).toBeNull();
    expect(codes(top.body)).toEqual(["BAD_USER_INPUT"]);
    expect(top.body.errors![0]!.message).toContain("between 0 and 100");

    const nested = await graphql(`{ commune(inseeCode: "02408") { places(first: 101) { totalCount } } }`);
    expect(codes(nested.body)).toEqual(["BAD_USER_INPUT"]);

    const negative = await graphql("{ places(last: -1) { totalCount } }");
    expect(codes(negative.body)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("Query.commune", () => {
  it("answers NOT_FOUND for an unknown INSEE code", async () => {
    const { status, body } = await graphql(`{ commune(inseeCode: "02999") { name } }`);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(codes(body)).toEqual(["NOT_FOUND"]);
    expect(body.errors![0]!.path).toEqual(["commune"]);
  });

  it("answers BAD_USER_INPUT for a malformed INSEE code", async () => {
    for (const inseeCode of ["2408", "024080", "0240X", "'; --"]) {
      const { body } = await graphql(`query ($code: String!) { commune(inseeCode: $code) { name } }`, { code: inseeCode });
      expect(codes(body), inseeCode).toEqual(["BAD_USER_INPUT"]);
    }
  });
});

describe("Query.places", () => {
  it("filters places by kind and commune, each with its commune", async () => {
    const { body } = await graphql<{
      places: { totalCount: number; edges: { node: { kind: string; isDemo: boolean; commune: { inseeCode: string } } }[] };
    }>(`{ places(first: 100, filter: { kind: MEDIATHEQUE, communeInseeCode: "02408" }) {
      totalCount edges { node { kind isDemo commune { inseeCode } } } } }`);
    expect(body.errors).toBeUndefined();
    const places = body.data!.places;
    expect(places.totalCount).toBeGreaterThan(0);
    expect(places.edges).toHaveLength(places.totalCount);
    for (const { node } of places.edges) {
      expect(node).toEqual({ kind: "MEDIATHEQUE", isDemo: true, commune: { inseeCode: "02408" } });
    }
  });
});

describe("Query.node", () => {
  it("fetches a commune, its EPCI and a place again by global ID", async () => {
    const { body } = await graphql<{
      commune: { id: string; epci: { id: string }; places: { edges: { node: { id: string; name: string } }[] } };
    }>(`{ commune(inseeCode: "02408") { id epci { id } places(first: 1) { edges { node { id name } } } } }`);
    const commune = body.data!.commune;
    const place = commune.places.edges[0]!.node;

    const nodes = await graphql<{ commune: unknown; epci: unknown; place: unknown }>(
      `query ($commune: ID!, $epci: ID!, $place: ID!) {
        commune: node(id: $commune) { __typename ... on Commune { inseeCode } }
        epci: node(id: $epci) { __typename ... on Epci { code } }
        place: node(id: $place) { __typename ... on Place { name } }
      }`,
      { commune: commune.id, epci: commune.epci.id, place: place.id },
    );
    expect(nodes.body.errors).toBeUndefined();
    expect(nodes.body.data).toEqual({
      commune: { __typename: "Commune", inseeCode: "02408" },
      epci: { __typename: "Epci", code: caplSiren },
      place: { __typename: "Place", name: place.name },
    });
  });

  it("answers BAD_USER_INPUT for a malformed global ID", async () => {
    const { body } = await graphql(`{ node(id: "not-a-global-id") { id } }`);
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("client errors never become 500", () => {
  it("answers a syntax error with 400 and BAD_USER_INPUT, keeping graphql-js's message", async () => {
    const { status, body } = await graphql("{ communes(first: 5) { totalCount }");
    expect(status).toBe(400);
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.message).toMatch(/^Syntax Error: /);
    expect(body.errors![0]!.extensions?.stacktrace).toBeUndefined();
  });

  it("answers an unknown field with 400 and BAD_USER_INPUT", async () => {
    const { status, body } = await graphql("{ communes { nope } }");
    expect(status).toBe(400);
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers a malformed JSON body with 400 and a GraphQL-shaped BAD_USER_INPUT error", async () => {
    const response = await post('{"query": "{ communes { totalCount } }"');
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.message).toMatch(/^Malformed JSON body/);
  });
});

describe("HTTP endpoints", () => {
  const origin = () => new URL(api.url).origin;

  it("reports liveness and readiness (the database answers)", async () => {
    const health = await fetch(`${origin()}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${origin()}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("serves the built GraphiQL with a CSP and no external URL, at /playground/ and to browsers on GET /graphql", async () => {
    for (const url of [`${origin()}/playground/`, api.url]) {
      const response = await fetch(url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
      expect(response.status, url).toBe(200);
      expect(response.headers.get("content-security-policy")).toBe(playgroundContentSecurityPolicy);
      const html = await response.text();
      expect(html).toContain("<title>Couronne");
      expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
      const script = /src="(\/playground\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${origin()}${script}`);
      expect(asset.status).toBe(200);
      expect(await asset.text()).not.toMatch(/esm\.sh|unpkg\.com|jsdelivr\.net/);
    }
  });

  it("still runs GET queries and API clients' requests on /graphql", async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent("{ communes { totalCount } }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { communes: { totalCount: 38 } } });
  });
});
