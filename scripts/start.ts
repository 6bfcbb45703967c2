/**
 * `npm start` (after scripts/build.mjs): the whole platform in this one process, configured by
 * environment variables (README, configuration). Ctrl-C or SIGTERM stops every server, closes the
 * database and exits 0.
 */
import { ConfigError } from "../api/src/config.js";
import { defaultDatabaseUrl } from "../api/src/db/database.js";
import { defaultShellPort, moduleIds, moduleSites, startStack, type ModuleId, type Stack } from "./stack.js";

class PortError extends Error {}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PortError(`Invalid configuration:\n  ${name}: must be a port number (0-65535), got "${raw}"`);
  }
  return port;
}

/** A postgres:// URL may carry a password: never print it. */
function describeDatabase(stack: Stack): string {
  const url = stack.config.databaseUrl;
  let where: string;
  if (stack.database.kind === "postgres" && url) {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    where = `PostgreSQL ${parsed.toString()}`;
  } else if (url?.startsWith("memory://")) {
    where = "PGlite in memory (lost at exit)";
  } else {
    where = `PGlite in ${url ?? defaultDatabaseUrl}`;
  }
  return `${where}${stack.database.seeded ? " — was empty, seeded" : ""}`;
}

function printUrls(stack: Stack): void {
  const { urls } = stack;
  const pad = (label: string) => label.padEnd(22);
  const lines = [
    "",
    "Couronne is running.",
    "",
    `  ${pad("Console")}${urls.console}`,
    `  ${pad("API (GraphQL)")}${urls.api}`,
    `  ${pad("Playground")}${urls.playground}`,
    `  ${pad("Health")}${urls.health}`,
    `  ${pad("Readiness")}${urls.ready}`,
    "  Modules",
    ...stack.config.consoleModules.map((module) => `    ${module.title.padEnd(20)}${module.entry}`),
    `  ${pad("Database")}${describeDatabase(stack)}`,
    "",
    "Press Ctrl-C to stop.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main(): Promise<void> {
  const modulePorts = Object.fromEntries(
    moduleIds.map((id) => [id, portFromEnv(moduleSites[id].portEnv, moduleSites[id].defaultPort)]),
  ) as Record<ModuleId, number>;
  const stack = await startStack({
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    shellPort: portFromEnv("SHELL_PORT", defaultShellPort),
    modulePorts,
  });
  printUrls(stack);

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: the user does not want to wait for a clean stop.
      process.stderr.write(`${signal} again: exiting now.\n`);
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Couronne…\n`);
    const forced = setTimeout(() => {
      process.stderr.write("Still not stopped after 10 s: exiting anyway.\n");
      process.exit(1);
    }, 10_000);
    forced.unref();
    stack.stop().then(
      () => {
        process.stdout.write("Stopped.\n");
        process.exit(0);
      },
      (error: unknown) => {
        console.error("Could not stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PortError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    const { address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
    console.error(
      `Port ${port} on ${address} is already in use (another npm start?). Stop that process or choose other ports (README, configuration).`,
    );
  } else {
    console.error("Couronne could not start:", error);
  }
  process.exit(1);
});
