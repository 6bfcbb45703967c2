/**
 * The static servers of `npm start` and the e2e tests: a built front-end directory over node:http,
 * optionally proxying some paths to the API. Small on purpose: production puts these files behind
 * any web server or CDN (DESIGN §7); this only has to behave like one (types, caching, CORS, SPA).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
};

const immutable = "public, max-age=31536000, immutable";
// Vite writes content-hashed files as assets/<name>-<8-char hash>.<ext>: their URL changes with their content.
const hashedAsset = /^\/assets\/(?:.+\/)?[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
// The federation entry points keep a stable name so the registry can point at them: always revalidate.
const federationEntry = /(?:^|\/)(?:mf-manifest\.json|remoteEntry[^/]*\.js)$/;

// RFC 9110 §7.6.1: these describe one connection, never forwarded.
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export interface ProxyTarget {
  host: string;
  port: number;
  /** Path prefixes forwarded to the target: `/graphql` matches `/graphql` and `/graphql/…`; `/console/` matches what starts with it. */
  paths: string[];
}

export interface StaticSiteOptions {
  root: string;
  /** Unknown paths without an extension answer index.html, so the client router serves deep links. */
  spaFallback?: boolean;
  /** `Access-Control-Allow-Origin: *` on every response: a remote is loaded from the shell's origin. */
  cors?: boolean;
  proxy?: ProxyTarget;
}

export function cacheControlFor(urlPath: string): string {
  if (federationEntry.test(urlPath)) return "no-cache";
  if (hashedAsset.test(urlPath)) return immutable;
  return "no-cache";
}

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

function matchesProxy(pathname: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) =>
    prefix.endsWith("/") ? pathname.startsWith(prefix) : pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

async function statFile(file: string): Promise<fs.Stats | undefined> {
  try {
    const stats = await fs.promises.stat(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: string,
  stats: fs.Stats,
  cacheControl: string,
): void {
  const etag = `W/"${stats.size.toString(16)}-${Math.trunc(stats.mtimeMs).toString(16)}"`;
  res.setHeader("cache-control", cacheControl);
  res.setHeader("etag", etag);
  res.setHeader("last-modified", stats.mtime.toUTCString());
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": contentTypeFor(file), "content-length": stats.size });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on("error", (error) => res.destroy(error));
  stream.pipe(res);
}

function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: ProxyTarget,
  agent: http.Agent,
): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!hopByHop.has(name) && value !== undefined) headers[name] = value;
  }
  const client = req.socket.remoteAddress ?? "";
  const forwardedFor = req.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = forwardedFor ? `${String(forwardedFor)}, ${client}` : client;
  headers["x-forwarded-host"] = req.headers.host ?? "";
  headers["x-forwarded-proto"] = "http";

  const upstream = http.request(
    { host: target.host, port: target.port, method: req.method, path: req.url, headers, agent },
    (answer) => {
      const responseHeaders: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!hopByHop.has(name) && value !== undefined) responseHeaders[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeaders);
      answer.pipe(res);
      answer.on("error", (error) => res.destroy(error));
    },
  );
  upstream.on("error", () => {
    if (res.headersSent) res.destroy();
    else sendText(res, 502, "Bad gateway: the API does not answer.\n");
  });
  // A client that goes away must not leave a request running on the API.
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** A request handler serving `root`; `agent` carries proxied requests (one per stack, destroyed at stop). */
export function createStaticHandler(
  options: StaticSiteOptions,
  agent: http.Agent = new http.Agent({ keepAlive: true }),
): http.RequestListener {
  const root = path.resolve(options.root);
  return (req, res) => {
    if (options.cors) {
      res.setHeader("access-control-allow-origin", "*");
    }
    res.setHeader("x-content-type-options", "nosniff");

    let pathname: string;
    try {
      pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      if (options.proxy && matchesProxy(pathname, options.proxy.paths)) {
        forward(req, res, options.proxy, agent);
        return;
      }
      pathname = decodeURIComponent(pathname);
    } catch {
      sendText(res, 400, "Bad request\n");
      return;
    }

    if (req.method === "OPTIONS" && options.cors) {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, HEAD, OPTIONS",
        "access-control-allow-headers": String(req.headers["access-control-request-headers"] ?? "*"),
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      sendText(res, 405, "Method not allowed\n");
      return;
    }

    const file = path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (pathname.includes("\0") || !file.startsWith(root + path.sep)) {
      sendText(res, 404, "Not found\n");
      return;
    }

    void (async () => {
      const stats = await statFile(file);
      if (stats) {
        sendFile(req, res, file, stats, cacheControlFor(pathname));
        return;
      }
      if (options.spaFallback && !path.extname(pathname)) {
        const index = path.join(root, "index.html");
        const indexStats = await statFile(index);
        if (indexStats) {
          sendFile(req, res, index, indexStats, "no-cache");
          return;
        }
      }
      sendText(res, 404, "Not found\n");
    })().catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections and cuts the open ones (keep-alive included), so the port is free on return. */
export function closeServer(server: http.Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
