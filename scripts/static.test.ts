import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { cacheControlFor, closeServer, createStaticHandler, listen, type StaticSiteOptions } from "./static.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "couronne-static-"));
const root = path.join(tmp, "dist");

function write(relative: string, content: string): void {
  const file = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

write("dist/index.html", "<!doctype html><title>shell</title>");
write("dist/mf-manifest.json", '{"name":"mfe_portal"}');
write("dist/remoteEntry.js", "export const entry = 1;");
write("dist/assets/index-Ab3_x-9Z.js", "console.log('hashed');");
write("dist/assets/style-q1W2e3R4.css", "body{}");
write("secret.txt", "outside the root");

const servers: http.Server[] = [];

async function serve(options: Omit<StaticSiteOptions, "root">): Promise<string> {
  const server = http.createServer(createStaticHandler({ root, ...options }));
  servers.push(server);
  const port = await listen(server, 0, "127.0.0.1");
  return `http://127.0.0.1:${port}`;
}

after(async () => {
  await Promise.all(servers.map(closeServer));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("cacheControlFor", () => {
  test("content-hashed assets are immutable, stable names are revalidated", () => {
    assert.equal(cacheControlFor("/assets/index-Ab3_x-9Z.js"), "public, max-age=31536000, immutable");
    assert.equal(cacheControlFor("/assets/chunks/react-q1W2e3R4.js"), "public, max-age=31536000, immutable");
    assert.equal(cacheControlFor("/mf-manifest.json"), "no-cache");
    assert.equal(cacheControlFor("/remoteEntry.js"), "no-cache");
    assert.equal(cacheControlFor("/assets/remoteEntry-q1W2e3R4.js"), "no-cache");
    assert.equal(cacheControlFor("/index.html"), "no-cache");
    assert.equal(cacheControlFor("/favicon.svg"), "no-cache");
  });
});

describe("a module's static server", () => {
  let base = "";
  before(async () => {
    base = await serve({ cors: true });
  });

  test("serves files with their type, cache policy and CORS", async () => {
    const manifest = await fetch(`${base}/mf-manifest.json`);
    assert.equal(manifest.status, 200);
    assert.equal(manifest.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(manifest.headers.get("cache-control"), "no-cache");
    assert.equal(manifest.headers.get("access-control-allow-origin"), "*");
    assert.deepEqual(await manifest.json(), { name: "mfe_portal" });

    const asset = await fetch(`${base}/assets/index-Ab3_x-9Z.js`);
    assert.equal(asset.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(await asset.text(), "console.log('hashed');");

    const css = await fetch(`${base}/assets/style-q1W2e3R4.css`);
    assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
  });

  test("answers 304 to a matching If-None-Match", async () => {
    const first = await fetch(`${base}/remoteEntry.js`);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    assert.ok(etag);
    const second = await fetch(`${base}/remoteEntry.js`, { headers: { "if-none-match": etag } });
    assert.equal(second.status, 304);
  });

  test("has no SPA fallback: unknown paths are 404, with CORS", async () => {
    const missing = await fetch(`${base}/intranet/annonces`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("access-control-allow-origin"), "*");
  });

  test("answers a CORS preflight", async () => {
    const preflight = await fetch(`${base}/remoteEntry.js`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:4100", "access-control-request-method": "GET" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
  });

  test("never serves a file outside its root", async () => {
    for (const attempt of ["/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt"]) {
      const response = await fetch(`${base}${attempt}`);
      assert.equal(response.status, 404, attempt);
      assert.doesNotMatch(await response.text(), /outside the root/);
    }
  });

  test("refuses writes", async () => {
    const response = await fetch(`${base}/mf-manifest.json`, { method: "POST", body: "{}" });
    assert.equal(response.status, 405);
  });
});

describe("the shell's static server", () => {
  let base = "";
  let deadPort = 0;
  before(async () => {
    const upstream = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        // Two writes without a length: the answer is streamed (chunked) back through the proxy.
        res.writeHead(201, { "content-type": "application/json", "x-upstream": "api" });
        res.write(JSON.stringify({ method: req.method, url: req.url, body, forwardedHost: req.headers["x-forwarded-host"] }));
        setTimeout(() => res.end(), 10);
      });
    });
    servers.push(upstream);
    const upstreamPort = await listen(upstream, 0, "127.0.0.1");

    const dead = http.createServer();
    deadPort = await listen(dead, 0, "127.0.0.1");
    await closeServer(dead);

    base = await serve({
      spaFallback: true,
      proxy: { host: "127.0.0.1", port: upstreamPort, paths: ["/graphql", "/console/", "/health"] },
    });
  });

  test("answers index.html for deep links, 404 for missing assets", async () => {
    for (const deepLink of ["/", "/intranet", "/intranet/annonces/12"]) {
      const response = await fetch(`${base}${deepLink}`);
      assert.equal(response.status, 200, deepLink);
      assert.equal(response.headers.get("content-type"), "text/html; charset=utf-8");
      assert.equal(response.headers.get("cache-control"), "no-cache");
      assert.match(await response.text(), /<title>shell<\/title>/);
    }
    assert.equal((await fetch(`${base}/assets/gone-Zz9Zz9Zz.js`)).status, 404);
    assert.equal((await fetch(`${base}/favicon.ico`)).status, 404);
  });

  test("proxies API paths with method, body, status and headers", async () => {
    const response = await fetch(`${base}/graphql?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get("x-upstream"), "api");
    const echoed = (await response.json()) as Record<string, string>;
    assert.deepEqual(echoed, {
      method: "POST",
      url: "/graphql?x=1",
      body: '{"query":"{ __typename }"}',
      forwardedHost: new URL(base).host,
    });

    const registry = await fetch(`${base}/console/registry.json`);
    assert.equal(((await registry.json()) as { url: string }).url, "/console/registry.json");
    // A prefix match is on path segments: /graphqlx is the shell's, not the API's.
    assert.equal((await fetch(`${base}/graphqlx`)).headers.get("x-upstream"), null);
  });

  test("answers 502 when the API is down", async () => {
    const orphan = await serve({ proxy: { host: "127.0.0.1", port: deadPort, paths: ["/graphql"] } });
    const response = await fetch(`${orphan}/graphql`, { method: "POST", body: "{}" });
    assert.equal(response.status, 502);
  });
});

test("closeServer cuts idle keep-alive connections and frees the port", async () => {
  const server = http.createServer(createStaticHandler({ root }));
  const port = await listen(server, 0, "127.0.0.1");
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path: "/index.html", agent }, (res) => res.resume().on("end", resolve)).on("error", reject);
  });
  const t0 = performance.now();
  await closeServer(server);
  assert.ok(performance.now() - t0 < 1000, "close waited for the idle connection");
  const again = await listen(server, port, "127.0.0.1");
  assert.equal(again, port);
  await closeServer(server);
  agent.destroy();
});
