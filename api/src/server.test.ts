/** HTTP behaviour of the server that needs no database: a fake one whose every call fails. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { createLogger } from "./logger.js";
import { startApi, type RunningApi } from "./server.js";

const unreachable = new Error("connect ECONNREFUSED 127.0.0.1:5432");
const brokenDb = {
  prisma: {
    commune: {
      findMany: async () => {
        throw unreachable;
      },
    },
  } as unknown as PrismaClient,
  ping: async () => {
    throw unreachable;
  },
};

const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "couronne-no-playground-"));
const running: RunningApi[] = [];

async function start(env: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  const config = loadConfig({ PORT: "0", NODE_ENV: "test", ...env });
  const api = await startApi({ db: brokenDb, config, logger, playgroundDir: emptyDir });
  running.push(api);
  return { api, lines, origin: new URL(api.url).origin };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((api) => api.close()));
});

describe("startApi", () => {
  it("listens on a free port when asked for port 0 and stops cleanly, twice if need be", async () => {
    const { api, origin } = await start();
    expect(api.port).toBeGreaterThan(0);
    expect(api.url).toBe(`http://127.0.0.1:${api.port}/graphql`);
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    await api.close();
    await api.close();
    await expect(fetch(`${origin}/health`)).rejects.toThrow();
  });

  it("answers /ready with 503 and the reason when the database does not answer", async () => {
    const { origin } = await start();
    const response = await fetch(`${origin}/ready`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "unavailable", reason: `database: ${unreachable.message}` });
  });

  it("echoes a well-formed x-request-id, replaces a malformed one, and logs each request with it", async () => {
    const { origin, lines } = await start();
    const given = await fetch(`${origin}/health`, { headers: { "x-request-id": "partner-abc.123" } });
    expect(given.headers.get("x-request-id")).toBe("partner-abc.123");
    const malformed = await fetch(`${origin}/health`, { headers: { "x-request-id": "<script>" } });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await fetch(`${origin}/health`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toContainEqual(
      expect.objectContaining({ requestId: "partner-abc.123", url: "/health", status: 200, msg: "request completed" }),
    );
  });

  it("serves the module registry from the configuration, uncached and readable cross-origin", async () => {
    const { origin } = await start({ MFE_TELEHEALTH_ENTRY: "https://telesante.example.org/mf-manifest.json" });
    const response = await fetch(`${origin}/console/registry.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { modules } = (await response.json()) as { modules: { id: string; entry: string }[] };
    expect(modules.map((module) => module.id)).toEqual(["portal", "intranet", "training", "telehealth"]);
    expect(modules[3]).toEqual({
      id: "telehealth",
      name: "mfe_telehealth",
      title: "Télésanté",
      icon: "telehealth",
      role: "TELEHEALTH",
      route: "/telesante",
      entry: "https://telesante.example.org/mf-manifest.json",
      exposedModule: "./module",
    });
  });

  it("says how to build the playground when it is not built", async () => {
    const { api, origin } = await start();
    for (const url of [`${origin}/playground/`, api.url]) {
      const response = await fetch(url, { headers: { accept: "text/html" } });
      expect(response.status, url).toBe(503);
      expect(await response.text()).toContain("npm run build -w @couronne/api");
    }
  });

  it("masks unexpected errors, with a stack trace only in development", async () => {
    const query = JSON.stringify({ query: "{ communes { edges { node { name } } } }" });
    const headers = { "content-type": "application/json" };
    for (const [nodeEnv, hasStack] of [["production", false], ["test", false], ["development", true]] as const) {
      const { api, lines } = await start({ NODE_ENV: nodeEnv });
      const response = await fetch(api.url, { method: "POST", headers, body: query });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string; stacktrace?: string[] } }[] };
      expect(body.errors[0]!.message, nodeEnv).toBe("Internal server error");
      expect(body.errors[0]!.extensions.code).toBe("INTERNAL");
      expect(body.errors[0]!.extensions.stacktrace !== undefined, nodeEnv).toBe(hasStack);
      expect(JSON.stringify(body).includes("5432"), nodeEnv).toBe(hasStack);
      const requestId = response.headers.get("x-request-id");
      expect(lines).toContainEqual(expect.objectContaining({ level: 50, requestId, err: expect.objectContaining({ message: unreachable.message }) }));
    }
  });

  it("refuses a body over the limit with 413 and BAD_USER_INPUT", async () => {
    const { api } = await start({ BODY_LIMIT: "1kb" });
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ communes { totalCount } }${" ".repeat(2048)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: "Request body larger than 1kb", extensions: { code: "BAD_USER_INPUT" } }],
    });
  });

  it("reports a port already in use as a start error", async () => {
    const { api } = await start();
    await expect(start({ PORT: String(api.port) })).rejects.toThrow(/EADDRINUSE/);
  });
});
