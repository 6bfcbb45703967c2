/**
 * API benchmark: the GraphQL API on loopback under autocannon, for a public query, a public nested query,
 * an agent's session and partner keys. Prints requests/s, latency p50/p99, refused or failed responses and
 * the SQL statements per request. Never asserts a time: the figures belong to the machine they ran on.
 *
 * In one process: a fresh PGlite database in a temp directory (migrated, territory + demo data), the API
 * on 127.0.0.1 with an ephemeral port, and autocannon in a worker thread (so that the load generator does
 * not run on the server's event loop; both still share the machine's cores).
 *
 * Env: BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_WARMUP (seconds before each scenario, default 2; 0 for none). The API's own variables
 * (COST_BUDGET_STORE, MAX_QUERY_COST, …) pass through; DATABASE_URL is ignored.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { numberFromEnv } from "./support/settings.js";

// The API reads NODE_ENV when its modules load, so it is set before they are imported: measured as deployed.
process.env.NODE_ENV ||= "production";
const { loadConfig } = await import("../api/src/config.js");
const { openDatabase } = await import("../api/src/db/database.js");
const { startApi } = await import("../api/src/server.js");
const { seedIfEmpty } = await import("../api/prisma/seed/index.js");
const { demoAgents, demoPartnerKey, demoPassword } = await import("../api/prisma/seed/demo.js");
const { newSessionToken, sha256 } = await import("../api/src/modules/identity/tokens.js");
const { createApiClient } = await import("../api/src/modules/partners/api-client.service.js");

const verifyBodyFile = fileURLToPath(new URL("./support/graphql-body-ok.cjs", import.meta.url));

// ---------------------------------------------------------------------------------------------- settings

const settings = {
  durationSeconds: numberFromEnv("BENCH_DURATION", 10, 1, { integer: false }),
  connections: Math.round(numberFromEnv("BENCH_CONNECTIONS", 10, 1, { integer: false })),
  warmupSeconds: numberFromEnv("BENCH_WARMUP", 2, 0, { integer: false }),
};

const machine = [
  `Node ${process.version} on ${os.platform()} ${os.arch()}`,
  `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? "unknown model"})`,
  `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
  `NODE_ENV=${process.env.NODE_ENV}`,
].join(", ");
// Other processes on the machine skew every figure: the load average says whether the run had the cores to itself.
const loadAverage = () => `load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")} (1, 5, 15 min)`;

// ------------------------------------------------------------------------------------------------- types

interface Scenario {
  name: string;
  what: string;
  query: string;
  headers: Record<string, string>;
  /** Refusals are what this scenario is about: run it even when its check request is refused. */
  refusalsExpected?: boolean;
}

interface Figures {
  scenario: string;
  requests: number;
  ok: number;
  nonOk: number;
  statusCodes: string;
  withErrors: number;
  socketErrors: number;
  timeouts: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  meanLatency: number;
  sqlPerRequest: number;
  sqlSingle: number;
}

interface GraphQLResponse {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[]; extensions?: unknown } | undefined;
  text: string;
}

// ------------------------------------------------------------------------------------------------ server

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "couronne-bench-"));
const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
process.once("SIGINT", () => {
  removeDataDir();
  process.exit(130);
});

let statements = 0;
const startedAt = performance.now();
let db: Awaited<ReturnType<typeof openDatabase>>;
let api: Awaited<ReturnType<typeof startApi>>;
try {
  db = await openDatabase({ url: dataDir, migrate: true, onQuery: () => void (statements += 1) });
  await seedIfEmpty(db.prisma, { demo: true });
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const config = loadConfig({ ...env, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "silent" });
  api = await startApi({ db, config });
} catch (error) {
  console.error("The API could not start:", error);
  removeDataDir();
  process.exit(1);
}
console.log(`Machine: ${machine}; ${loadAverage()} at start`);
console.log(`API ${api.url} on PGlite in ${dataDir} (migrated and seeded in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
console.log(
  `Each scenario: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s with ${settings.connections} connections (autocannon, 1 worker thread)\n`,
);

// ----------------------------------------------------------------------------------------------- helpers

async function graphql(query: string, headers: Record<string, string> = {}, variables?: unknown): Promise<GraphQLResponse> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
  });
  const text = await response.text();
  let body: GraphQLResponse["body"];
  try {
    body = JSON.parse(text) as GraphQLResponse["body"];
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

/** Waits until no SQL statement has been counted for a while: work the server does after responding is counted too. */
async function settle(quietMs = 150, maxMs = 3000): Promise<void> {
  const until = Date.now() + maxMs;
  let last = statements;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    if (statements === last) return;
    last = statements;
  }
}

function isOk(response: GraphQLResponse): boolean {
  return response.status >= 200 && response.status < 300 && response.body?.data != null && !response.body.errors?.length;
}

function describeFailure(response: GraphQLResponse): string {
  const error = response.body?.errors?.[0];
  return error ? `HTTP ${response.status} ${error.extensions?.code ?? ""} ${error.message}` : `HTTP ${response.status} ${response.text.slice(0, 200)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function compactQuery(query: string): string {
  return query.replace(/\s+/g, " ").trim();
}

async function cannon(scenario: Scenario, durationSeconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: api.url,
    method: "POST",
    headers: { "content-type": "application/json", ...scenario.headers },
    body: JSON.stringify({ query: scenario.query }),
    connections: settings.connections,
    duration: durationSeconds,
    workers: 1,
    // In workers mode autocannon takes the path of a module exporting the function (its types only know the function).
    verifyBody: verifyBodyFile as unknown as autocannon.Options["verifyBody"],
  });
}

// ------------------------------------------------------------------------------------------- the schema

const introspection = await graphql("{ __schema { queryType { fields { name } } mutationType { fields { name } } } }");
const schemaInfo = introspection.body?.data as
  | { __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } | null } }
  | undefined;
const queryFields = new Set(schemaInfo?.__schema.queryType.fields.map((f) => f.name) ?? []);
const mutationFields = new Set(schemaInfo?.__schema.mutationType?.fields.map((f) => f.name) ?? []);

// An unknown session token is refused by an API that reads Authorization; one that ignores the header answers.
const probe = await graphql("{ __typename }", { authorization: "Bearer cs_not-a-session-of-this-database" });
const bearerChecked = !isOk(probe);
console.log(
  bearerChecked
    ? `Authorization: bearer tokens are checked (an unknown token gets ${describeFailure(probe)})`
    : "Authorization: this API build ignores the Authorization header (an unknown token was answered)",
);

// ------------------------------------------------------------------------------------- agent session

const agent =
  demoAgents[0] ??
  (() => {
    throw new Error("The demo data set has no agent");
  })();

async function sessionByLogin(): Promise<string | string[]> {
  const response = await graphql(
    `mutation Login($input: LoginInput!) { login(input: $input) { __typename ... on LoginSuccess { token } } }`,
    {},
    { input: { email: agent.email, password: demoPassword, account: "AGENT" } },
  );
  const token = (response.body?.data as { login?: { token?: unknown } } | undefined)?.login?.token;
  if (typeof token === "string") return token;
  return [describeFailure(response), JSON.stringify(response.body?.data ?? null)];
}

async function sessionByInsert(): Promise<string> {
  const token = newSessionToken();
  const { id: agentId } = await db.prisma.agent.findUniqueOrThrow({ where: { email: agent.email }, select: { id: true } });
  await db.prisma.session.create({ data: { tokenHash: sha256(token), agentId, expiresAt: new Date(Date.now() + 3_600_000) } });
  return token;
}

let sessionToken: string;
let sessionSource: string;
if (mutationFields.has("login")) {
  const result = await sessionByLogin();
  if (typeof result === "string") {
    sessionToken = result;
    sessionSource = `login mutation as ${agent.email}`;
  } else {
    sessionToken = await sessionByInsert();
    sessionSource = `Session row inserted for ${agent.email} (the login mutation answered ${result.join(" ")})`;
  }
} else {
  sessionToken = await sessionByInsert();
  sessionSource = `Session row inserted for ${agent.email} (no login mutation in this schema)`;
}
console.log(`Agent session: ${sessionSource}`);

// ----------------------------------------------------------------------------------------- partner keys

const publicQuery = "{ communes(first: 50) { totalCount edges { node { name inseeCode population postalCodes } } } }";

// A second key with a budget too large to run out shows what key resolution and accounting cost on served requests.
const largeBudgetKey = await db.prisma.$transaction(async (tx) => {
  const { id: createdById } = await tx.agent.findUniqueOrThrow({ where: { email: agent.email }, select: { id: true } });
  const { key } = await createApiClient(
    tx,
    {
      name: "Bench partner (large budget)",
      scopes: ["read:territory", "read:training"],
      expiresAt: new Date(Date.now() + 86_400_000),
      allowedIpRanges: [],
      costCapacity: 2_000_000_000,
      costRefillPerSecond: 1_000_000_000,
    },
    createdById,
  );
  return key;
});

// ---------------------------------------------------------------------------------------------- scenarios

const scenarios: Scenario[] = [
  { name: "public", what: "anonymous, 50 communes with 4 scalar fields", query: publicQuery, headers: {} },
  {
    name: "public nested",
    what: "anonymous, 50 communes with the count of their places",
    query: "{ communes(first: 50) { edges { node { name places { totalCount } } } } }",
    headers: {},
  },
];

if (queryFields.has("viewer")) {
  scenarios.push({
    name: "agent session",
    what: `bearer session token of ${agent.email}, the viewer and a count of communes`,
    query: "{ viewer { __typename } communes(first: 20) { totalCount } }",
    headers: { authorization: `Bearer ${sessionToken}` },
  });
} else {
  console.log("Query.viewer: not in this schema; the agent scenario sends its token with a count of communes only");
  scenarios.push({
    name: "agent session",
    what: `bearer session token of ${agent.email}, a count of communes (no Query.viewer yet)`,
    query: "{ communes(first: 20) { totalCount } }",
    headers: { authorization: `Bearer ${sessionToken}` },
  });
}

if (bearerChecked) {
  scenarios.push(
    {
      name: "partner, demo budget",
      what: "the public query with the demo partner key (1000 points, +50/s): most requests are refused once it runs out",
      query: publicQuery,
      headers: { authorization: `Bearer ${demoPartnerKey}` },
      refusalsExpected: true,
    },
    {
      name: "partner, large budget",
      what: "the public query with a key whose budget never runs out: key resolution and cost accounting on served requests",
      query: publicQuery,
      headers: { authorization: `Bearer ${largeBudgetKey}` },
    },
  );
} else {
  console.log("Partner keys: not benchmarked, this API build does not read Authorization");
}
console.log();

// ---------------------------------------------------------------------------------------------------- run

const figures: Figures[] = [];

for (const scenario of scenarios) {
  console.log(`▸ ${scenario.name} — ${scenario.what}`);
  console.log(`  query     ${compactQuery(scenario.query)}`);

  await settle();
  const before = statements;
  const check = await graphql(scenario.query, scenario.headers);
  await settle();
  const sqlSingle = statements - before;
  const cost = (check.body?.extensions as { cost?: unknown } | undefined)?.cost;
  console.log(
    `  check     ${isOk(check) ? `HTTP ${check.status}, data without errors` : describeFailure(check)}; ${plural(sqlSingle, "SQL statement")} for this one request` +
      (cost === undefined ? "" : `; extensions.cost ${JSON.stringify(cost)}`),
  );
  if (!isOk(check) && !scenario.refusalsExpected) {
    console.log("  skipped   the query does not succeed on its own: nothing to measure\n");
    continue;
  }

  if (settings.warmupSeconds > 0) await cannon(scenario, settings.warmupSeconds);
  await settle();
  const startCount = statements;
  const result = await cannon(scenario, settings.durationSeconds);
  await settle();
  const runStatements = statements - startCount;
  const requests = result.requests.total;
  const statusCodes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count ?? 0}`)
    .join(" ");
  const row: Figures = {
    scenario: scenario.name,
    requests,
    ok: result["2xx"],
    nonOk: result.non2xx,
    statusCodes,
    withErrors: result.mismatches,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    meanLatency: result.latency.average,
    // Requests still in flight when the run stops are answered by the server after autocannon stops
    // counting responses: their statements are counted, so they are divided by the requests sent.
    sqlPerRequest: result.requests.sent > 0 ? runStatements / result.requests.sent : 0,
    sqlSingle,
  };
  figures.push(row);
  console.log(
    `  run       ${result.duration.toFixed(1)} s, ${settings.connections} connections: ${requests} responses, ` +
      `${row.requestsPerSecond.toFixed(1)} req/s (mean), latency p50 ${row.p50} ms, p99 ${row.p99} ms, mean ${row.meanLatency.toFixed(2)} ms`,
  );
  console.log(
    `  responses ${statusCodes || "none"}; non-2xx ${row.nonOk}; with GraphQL errors ${row.withErrors}; ` +
      `socket errors ${row.socketErrors} (timeouts ${row.timeouts})`,
  );
  console.log(
    `  SQL       ${plural(runStatements, "statement")} for ${plural(result.requests.sent, "request")} sent = ` +
      `${row.sqlPerRequest.toFixed(2)} per request; one request alone: ${sqlSingle}\n`,
  );
}

// --------------------------------------------------------------------------------------------- summary

const header = ["scenario", "req/s", "p50 ms", "p99 ms", "responses", "non-2xx", "errors[]", "sock.err", "SQL/req", "SQL/1 req"];
const rows = figures.map((f) => [
  f.scenario,
  f.requestsPerSecond.toFixed(1),
  String(f.p50),
  String(f.p99),
  String(f.requests),
  String(f.nonOk),
  String(f.withErrors),
  String(f.socketErrors),
  f.sqlPerRequest.toFixed(2),
  String(f.sqlSingle),
]);
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));
console.log(
  `\n${settings.durationSeconds} s per scenario, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up; latencies cover every response (refusals too).`,
);
console.log(`Machine: ${machine}; ${loadAverage()} at the end`);

await api.close();
await db.close();
removeDataDir();

// Exit non-zero only when nothing worked at all: times are reported, never judged.
const anyOk = figures.some((f) => f.ok > 0);
if (!anyOk) console.error("\nNo request succeeded in any scenario.");
process.exit(anyOk ? 0 : 1);
