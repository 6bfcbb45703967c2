/**
 * Tests through real HTTP: a migrated, seeded database, startApi on a free port, and a small fetch client
 * that keeps the status, the headers and the body of every answer.
 */
import { loadConfig } from "../config.js";
import type { Database } from "../db/database.js";
import { createLogger } from "../logger.js";
import { startApi, type RunningApi } from "../server.js";
import { createTestDatabase } from "./test-database.js";

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLBody<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: GraphQLErrorBody[];
  extensions?: { cost?: CostExtension; [key: string]: unknown };
}

export interface CostExtension {
  requested: number;
  maxCost: number;
  remaining?: number;
  budget?: number;
  refillPerSecond?: number;
}

export interface GraphQLAnswer<Data = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: GraphQLBody<Data>;
}

export interface RequestOptions {
  /** Session token or partner key, sent as `Authorization: Bearer …`. */
  token?: string;
  operationName?: string;
  /** Sent as x-request-id: the audit rows of the request carry it. */
  requestId?: string;
  headers?: Record<string, string>;
}

export interface GraphQLClient {
  url: string;
  /** POSTs any body (string as is, anything else as JSON) and parses the answer as JSON when it is. */
  post(body: unknown, options?: RequestOptions): Promise<{ status: number; headers: Headers; body: unknown }>;
  /** One operation: POST { query, variables, operationName }. */
  request<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLAnswer<Data>>;
}

function headersOf(options: RequestOptions = {}): Record<string, string> {
  return {
    "content-type": "application/json",
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    ...options.headers,
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createGraphQLClient(url: string): GraphQLClient {
  const post: GraphQLClient["post"] = async (body, options) => {
    const response = await fetch(url, {
      method: "POST",
      headers: headersOf(options),
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await readBody(response) };
  };
  return {
    url,
    post,
    async request(query, variables, options) {
      const answer = await post({ query, variables, operationName: options?.operationName }, options);
      return answer as GraphQLAnswer<never>;
    },
  };
}

/** The `extensions.code` of every error of an answer, in order. */
export function errorCodes(body: GraphQLBody | unknown): (string | undefined)[] {
  const errors = (body as GraphQLBody | undefined)?.errors ?? [];
  return errors.map((error) => error.extensions?.code);
}

export interface TestApi {
  db: Database;
  api: RunningApi;
  client: GraphQLClient;
  close(): Promise<void>;
}

/**
 * A fresh test database and an API listening on a free port, configured from `env` as in production
 * (e.g. { COST_BUDGET_STORE: "database", MAX_QUERY_COST: "500" }). Pass `db` to share one database.
 */
export async function startTestApi(env: Record<string, string> = {}, db?: Database): Promise<TestApi> {
  const database = db ?? (await createTestDatabase());
  const config = loadConfig({ PORT: "0", NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const api = await startApi({ db: database, config, logger: createLogger({ level: "silent" }) });
  return {
    db: database,
    api,
    client: createGraphQLClient(api.url),
    async close() {
      await api.close();
      if (!db) await database.close();
    },
  };
}
