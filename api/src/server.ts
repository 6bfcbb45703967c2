/**
 * The API's HTTP server: POST /graphql (Apollo Server on express 5), the offline GraphiQL playground,
 * /health, /ready, the console's module registry and the iCalendar feeds. Thin transport: no domain logic
 * here. It also runs the booking engine's periodic sweep (SCHEDULING_SWEEP_SECONDS), so that every process
 * serving the API, alone (main.ts) or in the whole stack (scripts/stack.ts), passes lapsed offers on.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import type { Context } from "./builder.js";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import { formatGraphQLError, internalErrorMessage, UnauthenticatedError, type ErrorCode } from "./errors.js";
import { createLogger, type Logger } from "./logger.js";
import { viewerFromAuthorization } from "./modules/identity/request-viewer.js";
import { anonymous } from "./modules/identity/viewer.js";
import { createPlatformServices } from "./platform.js";
import { createAuditJournalPlugin } from "./plugins/audit-journal.js";
import { createClientErrorStatusPlugin } from "./plugins/client-error-status.js";
import { createCredentialsPlugin } from "./plugins/credentials.js";
import { createErrorLoggingPlugin } from "./plugins/error-logging.js";
import { createOperationLimitsPlugin } from "./plugins/operation-limits.js";
import { icalFeedRoute } from "./scheduling/ical.route.js";
import { startSchedulingSweep } from "./scheduling/sweep.js";
import { schema } from "./schema.js";

declare global {
  // Typed per-response values, set by the requestContext middleware for every request.
  namespace Express {
    interface Locals {
      requestId: string;
      logger: Logger;
    }
  }
}

export interface StartApiOptions {
  db: Pick<Database, "prisma" | "ping">;
  config: Config;
  logger?: Logger;
  /** Built GraphiQL files; defaults to api/playground/dist. */
  playgroundDir?: string;
}

export interface RunningApi {
  /** http://HOST:PORT/graphql */
  url: string;
  port: number;
  close(): Promise<void>;
}

const defaultPlaygroundDir = fileURLToPath(new URL("../playground/dist/", import.meta.url));

/**
 * Proves that the playground loads nothing from outside the API's origin. GraphiQL's stylesheet
 * inlines its fonts and icons as data: URIs, which stay on the machine.
 */
export const playgroundContentSecurityPolicy =
  "default-src 'self'; connect-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:";

const requestIdPattern = /^[\w.:-]{1,128}$/;
/** The token of an iCalendar feed URL is its only credential: kept out of the request log. */
const redactedUrl = (url: string) => url.replace(/^\/ical\/[^/?#]+/, "/ical/[redacted].ics");
const readyTimeoutMs = 2000;

function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function requestContext(rootLogger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.get("x-request-id");
    const requestId = header && requestIdPattern.test(header) ? header : randomUUID();
    res.setHeader("x-request-id", requestId);
    res.locals.requestId = requestId;
    res.locals.logger = rootLogger.child({ requestId });
    const startedAt = process.hrtime.bigint();
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      // Probes hit these every few seconds; they would drown the useful lines.
      const level = req.path === "/health" || req.path === "/ready" ? "debug" : "info";
      res.locals.logger[level](
        { method: req.method, url: redactedUrl(req.originalUrl), status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
        "request completed",
      );
    });
    next();
  };
}

/** The viewer of a request; bad credentials are kept to be refused once the operation is known. */
async function credentialsOf(
  prisma: Database["prisma"],
  authorization: string | undefined,
  clientAddress: string | null,
): Promise<Pick<Context, "viewer" | "credentialError">> {
  try {
    return { viewer: await viewerFromAuthorization(prisma, authorization, clientAddress), credentialError: null };
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { viewer: anonymous, credentialError: error };
    throw error;
  }
}

function limitBatchSize(max: number): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > max) {
      return sendError(res, 400, "BAD_USER_INPUT", `A batched request holds at most ${max} operations, got ${req.body.length}`);
    }
    next();
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function playground(dir: string) {
  const indexFile = path.join(dir, "index.html");
  const notBuilt = (res: Response) =>
    res
      .status(503)
      .type("text/plain; charset=utf-8")
      .send("Le playground GraphQL n'est pas construit. Lancez : npm run build -w @couronne/api\n");
  const guard: RequestHandler = (_req, res, next) => {
    if (!fs.existsSync(indexFile)) return notBuilt(res);
    res.setHeader("Content-Security-Policy", playgroundContentSecurityPolicy);
    next();
  };
  const files = express.static(dir, {
    setHeaders: (res, filePath) => {
      // Vite fingerprints asset names, so they never change; the page itself must be revalidated.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  const page: RequestHandler = (req, res, next) => {
    const wantsPage = req.query.query === undefined && req.accepts(["application/json", "text/html"]) === "text/html";
    if (!wantsPage) return next();
    guard(req, res, () => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(indexFile);
    });
  };
  return { guard, files, page };
}

function publicUrlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startApi({ db, config, logger: givenLogger, playgroundDir }: StartApiOptions): Promise<RunningApi> {
  const logger = givenLogger ?? createLogger({ level: config.logLevel });
  const includeStacktrace = config.nodeEnv === "development";
  const platform = createPlatformServices(db.prisma, config.platform, config.consoleModules);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema,
    // Apollo turns introspection off when NODE_ENV=production; the playground's docs need it.
    introspection: true,
    nodeEnv: config.nodeEnv,
    // Whoever runs the server (main.ts, the root start script, tests) owns the signals and calls close().
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: includeStacktrace,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { includeStacktrace }),
    logger: logger.child({ component: "apollo" }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      createErrorLoggingPlugin(),
      createCredentialsPlugin(),
      createOperationLimitsPlugin(),
      createClientErrorStatusPlugin(),
      createAuditJournalPlugin(),
    ],
    allowBatchedHttpRequests: true,
  });
  await apollo.start();

  const ui = playground(playgroundDir ?? defaultPlaygroundDir);

  app.use(requestContext(logger));
  app.get("/health", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      await withTimeout(db.ping(), readyTimeoutMs, "the database");
      res.json({ status: "ready" });
    } catch (error) {
      const reason = `database: ${error instanceof Error ? error.message : String(error)}`;
      res.locals.logger.warn({ reason }, "not ready");
      res.status(503).json({ status: "unavailable", reason });
    }
  });
  app.get("/console/registry.json", (_req, res) => {
    res.set({ "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" });
    res.json({ modules: config.consoleModules });
  });
  // A capability URL: the resource's icalToken is the only credential (see scheduling/ical.route.ts).
  app.get("/ical/:token.ics", icalFeedRoute(db.prisma));
  app.use("/playground", ui.guard, ui.files);
  // Before Apollo: a browser opening /graphql gets the playground instead of a 400.
  app.get("/graphql", ui.page);
  app.use(
    "/graphql",
    express.json({ limit: config.bodyLimit }),
    limitBatchSize(platform.limits.maxBatchSize),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const clientAddress = req.ip ?? null;
        return {
          prisma: db.prisma,
          requestId: res.locals.requestId,
          logger: res.locals.logger,
          ...(await credentialsOf(db.prisma, req.get("authorization"), clientAddress)),
          clientAddress,
          userAgent: req.get("user-agent") ?? null,
          platform,
          audited: new Set<string>(),
        };
      },
    }),
  );

  const handleError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, type, message } = error as { status?: unknown; type?: unknown; message?: unknown };
    if (type === "entity.parse.failed") {
      return sendError(res, 400, "BAD_USER_INPUT", `Malformed JSON body: ${String(message)}`);
    }
    if (type === "entity.too.large") {
      return sendError(res, 413, "BAD_USER_INPUT", `Request body larger than ${config.bodyLimit}`);
    }
    if (typeof status === "number" && status >= 400 && status < 500) {
      return sendError(res, status, "BAD_USER_INPUT", String(message));
    }
    res.locals.logger.error({ err: error }, "unexpected error in an HTTP request");
    sendError(res, 500, "INTERNAL", internalErrorMessage);
  };
  app.use(handleError);

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop().catch(() => {});
    throw error;
  }

  const port = (httpServer.address() as AddressInfo).port;
  const sweep = startSchedulingSweep({ prisma: db.prisma, intervalSeconds: config.schedulingSweepSeconds, logger });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${publicUrlHost(config.host)}:${port}/graphql`,
    port,
    // The sweep first (a running one finishes), so that nothing uses the database once close() resolves.
    // Stopping Apollo drains the HTTP server: in-flight requests finish, idle sockets close.
    close: () => (closing ??= sweep.stop().then(() => apollo.stop())),
  };
}
