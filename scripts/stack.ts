/**
 * The whole platform in one Node process: database (migrated, seeded when empty), API, the built
 * shell and the four built modules on their own origins. One process, so Ctrl-C leaves nothing behind.
 * Used by `npm start` (scripts/start.ts) and by the browser tests (e2e/support).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seedIfEmpty } from "../api/prisma/seed/index.js";
import { loadConfig, type Config } from "../api/src/config.js";
import { openDatabase, type Database } from "../api/src/db/database.js";
import { createLogger } from "../api/src/logger.js";
import { startApi, type RunningApi } from "../api/src/server.js";
import { closeServer, createStaticHandler, listen } from "./static.js";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export const moduleIds = ["portal", "intranet", "training", "telehealth"] as const;
export type ModuleId = (typeof moduleIds)[number];

/** Where each module's build lands, and its default port (README, configuration). */
export const moduleSites: Record<ModuleId, { dir: string; portEnv: string; defaultPort: number }> = {
  portal: { dir: "mfe-portal", portEnv: "MFE_PORTAL_PORT", defaultPort: 4101 },
  intranet: { dir: "mfe-intranet", portEnv: "MFE_INTRANET_PORT", defaultPort: 4102 },
  training: { dir: "mfe-training", portEnv: "MFE_TRAINING_PORT", defaultPort: 4103 },
  telehealth: { dir: "mfe-telehealth", portEnv: "MFE_TELEHEALTH_PORT", defaultPort: 4104 },
};

export const defaultShellPort = 4100;

/** Paths of the shell's origin that belong to the API: the shell calls them same-origin. */
export const apiPaths = ["/graphql", "/console/", "/playground", "/health", "/ready", "/ical/"];

export interface StackOptions {
  /** Passed to openDatabase: a directory (PGlite), `memory://` or `postgres://…`. Unset: its default. */
  databaseUrl?: string;
  /** Interface every server listens on. */
  host?: string;
  /** 0 picks a free port. */
  apiPort?: number;
  shellPort?: number;
  modulePorts?: Partial<Record<ModuleId, number>>;
  /** Environment the API's configuration is read from (LOG_LEVEL, NODE_ENV, …); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface StackUrls {
  /** The console (shell), ending with `/`. */
  console: string;
  /** http://HOST:PORT/graphql */
  api: string;
  playground: string;
  health: string;
  ready: string;
  /** Each module's origin, ending with `/`; its manifest is `<origin>mf-manifest.json`. */
  modules: Record<ModuleId, string>;
}

export interface Stack {
  urls: StackUrls;
  database: { kind: Database["kind"]; seeded: boolean };
  config: Config;
  /** Stops every server, then closes the database. Safe to call twice. */
  stop(): Promise<void>;
  /** Closes one module's server (its open connections too): the shell must show its fallback. */
  stopModule(id: ModuleId): Promise<void>;
  /** Serves that module again, on the same port (the registry keeps pointing at it). */
  startModule(id: ModuleId): Promise<void>;
}

/** The address a local client uses to reach a server listening on `host`. */
function reachable(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "::1";
  return host;
}

function origin(host: string, port: number): string {
  const shown = reachable(host);
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}/`;
}

async function stopAll(steps: Array<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, "the stack did not stop cleanly");
}

/** Serving a missing build would only show 404s in the browser: say what to run instead. */
function assertBuilt(): void {
  const expected = [
    path.join("shell", "dist", "index.html"),
    ...moduleIds.map((id) => path.join(moduleSites[id].dir, "dist", "mf-manifest.json")),
  ];
  const missing = expected.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(`Not built: ${missing.join(", ")}. Run: npm run build`);
  }
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  assertBuilt();
  const host = options.host ?? "127.0.0.1";
  const baseConfig = loadConfig(options.env ?? process.env);
  const agent = new http.Agent({ keepAlive: true });
  // Filled as things start, so a failure half-way stops what already runs.
  const cleanup: Array<() => Promise<void>> = [];
  const stopStarted = () => stopAll([...cleanup].reverse());

  try {
    const moduleServers = new Map<ModuleId, { server: http.Server; port: number }>();
    for (const id of moduleIds) {
      const site = moduleSites[id];
      const server = http.createServer(createStaticHandler({ root: path.join(repoRoot, site.dir, "dist"), cors: true }));
      const port = await listen(server, options.modulePorts?.[id] ?? site.defaultPort, host);
      moduleServers.set(id, { server, port });
      cleanup.push(() => closeServer(server));
    }
    const moduleOrigins = Object.fromEntries(
      moduleIds.map((id) => [id, origin(host, moduleServers.get(id)?.port ?? 0)]),
    ) as Record<ModuleId, string>;

    const config: Config = {
      ...baseConfig,
      host,
      port: options.apiPort ?? baseConfig.port,
      ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
      // The registry must name the ports these servers really got (port 0 picks them at random).
      consoleModules: baseConfig.consoleModules.map((module) =>
        module.id in moduleOrigins
          ? { ...module, entry: `${moduleOrigins[module.id as ModuleId]}mf-manifest.json` }
          : module,
      ),
    };

    const db = await openDatabase({
      ...(config.databaseUrl === undefined ? {} : { url: config.databaseUrl }),
      migrate: true,
    });
    cleanup.push(() => db.close());
    const { seeded } = await seedIfEmpty(db.prisma, { demo: config.nodeEnv !== "production" });

    const logger = createLogger({ level: config.logLevel });
    const api: RunningApi = await startApi({ db, config, logger });
    cleanup.push(() => api.close());
    cleanup.push(async () => agent.destroy());

    const shell = http.createServer(
      createStaticHandler(
        {
          root: path.join(repoRoot, "shell", "dist"),
          spaFallback: true,
          proxy: { host: reachable(host), port: api.port, paths: apiPaths },
        },
        agent,
      ),
    );
    const shellPort = await listen(shell, options.shellPort ?? defaultShellPort, host);
    cleanup.push(() => closeServer(shell));

    const apiOrigin = new URL(api.url).origin;
    let stopping: Promise<void> | undefined;
    return {
      urls: {
        console: origin(host, shellPort),
        api: api.url,
        playground: `${apiOrigin}/playground/`,
        health: `${apiOrigin}/health`,
        ready: `${apiOrigin}/ready`,
        modules: moduleOrigins,
      },
      database: { kind: db.kind, seeded },
      config,
      stop: () => (stopping ??= stopStarted()),
      async stopModule(id) {
        const running = moduleServers.get(id);
        if (running) await closeServer(running.server);
      },
      async startModule(id) {
        const running = moduleServers.get(id);
        if (running && !running.server.listening) await listen(running.server, running.port, host);
      },
    };
  } catch (error) {
    await stopStarted().catch((stopError: unknown) => console.error("while stopping after a failed start:", stopError));
    throw error;
  }
}
