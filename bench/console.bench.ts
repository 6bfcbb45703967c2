/**
 * Console benchmark: what the browser downloads for the shell and for each module, and how long a module
 * takes from the click on its navigation link to its first content. Prints figures, never asserts a time.
 *
 * In one process: the whole platform (e2e/support/stack.ts: API on a fresh PGlite directory, the built
 * shell and the four built modules on free ports), driven by Debian's Chromium through playwright-core
 * (e2e/support/browser.ts: headless, offline flags, a fresh profile for every launch, so a cold cache).
 *
 * For every module and every run: a new browser, the console URL (the login page), login as the demo
 * administrator (who sees the four modules), then a click on that module's link (cold: its first open in
 * this browser), « Couronne » (home), and a second click (warm). Sizes are each response's body
 * (`response.body()`, decoded) and its gzip at level 9: the static servers do not compress, so the gzip
 * column estimates what a compressing server would send (bodies only, no headers).
 *
 * Needs the built front-ends (`npm run build`): the bench does not build, it says what to run.
 * Env: BENCH_RUNS (cold opens per module, each in a new browser; default 3), CHROMIUM_PATH (default
 * /usr/bin/chromium).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { BrowserContext, Page, Request, Response } from "playwright-core";
import { isOutside, launchBrowser, type TestBrowser } from "../e2e/support/browser.js";
import { startTestStack, type TestStack } from "../e2e/support/stack.js";
import { apiPaths, moduleIds, moduleSites, repoRoot, type ModuleId } from "../scripts/stack.js";
import { numberFromEnv } from "./support/settings.js";

// ---------------------------------------------------------------------------------------------- settings

const runs = numberFromEnv("BENCH_RUNS", 3, 1);

/** The demo administrator (api/prisma/seed/demo.ts): every module role. */
const administrator = { email: "camille.martin@capl.example", password: "Couronne-demo-2026" };

/**
 * Each module: its link in the navigation, the <h1> of its root screen (mfe-*\/src/strings.fr.ts) and what
 * shows once the API has answered (CSS): a table row, or the training module's week of sessions (or its
 * « no session this week »).
 */
const modules: Record<ModuleId, { link: string; heading: string; data: string }> = {
  portal: { link: "Portail famille", heading: "Lieux d'accueil des familles", data: "main table tbody tr" },
  intranet: { link: "Intranet", heading: "Communes de l'agglomération", data: "main table tbody tr" },
  training: { link: "Inclusion numérique", heading: "Séances de formation", data: "main .cou-week, main .cou-state__title" },
  telehealth: { link: "Télésanté", heading: "Centres de santé", data: "main table tbody tr" },
};
const homeHeading = "Bienvenue sur la console Couronne";

const machine = [
  `Node ${process.version} on ${os.platform()} ${os.arch()}`,
  `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? "unknown model"})`,
  `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
].join(", ");
const loadAverage = () => `load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")} (1, 5, 15 min)`;

// ----------------------------------------------------------------------------------------- the builds

/** The files the stack serves, and whether a source changed after them (the bench measures dist/, not src/). */
function checkBuilds(): { built: string; stale: string[] } {
  const outputs = [
    { dir: "shell", file: path.join("shell", "dist", "index.html") },
    ...moduleIds.map((id) => ({ dir: moduleSites[id].dir, file: path.join(moduleSites[id].dir, "dist", "mf-manifest.json") })),
  ];
  const missing = outputs.filter((output) => !fs.existsSync(path.join(repoRoot, output.file)));
  if (missing.length > 0) {
    console.error(`Not built: ${missing.map((m) => m.file).join(", ")}.\nRun \`npm run build\` from the repository root, then this bench again.`);
    process.exit(1);
  }
  const newestSource = (dir: string): number => {
    let newest = 0;
    const walk = (at: string) => {
      for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    };
    if (fs.existsSync(dir)) walk(dir);
    return newest;
  };
  // Sources every front-end bundles: its own and the two shared packages.
  const sharedSources = Math.max(newestSource(path.join(repoRoot, "packages", "ui", "src")), newestSource(path.join(repoRoot, "packages", "console-kit", "src")));
  const stale: string[] = [];
  let oldest = Infinity;
  for (const output of outputs) {
    const builtAt = fs.statSync(path.join(repoRoot, output.file)).mtimeMs;
    oldest = Math.min(oldest, builtAt);
    if (Math.max(sharedSources, newestSource(path.join(repoRoot, output.dir, "src"))) > builtAt) stale.push(output.dir);
  }
  return { built: new Date(oldest).toISOString().replace(/\.\d+Z$/, "Z"), stale };
}

// ------------------------------------------------------------------------------------------- recording

type Origin = "shell" | "api" | ModuleId | "other";

interface Download {
  url: string;
  origin: Origin;
  status: number;
  raw: number;
  gzip: number;
  /** Already downloaded earlier in this browser and served from the cache this time: not counted. */
  repeat: boolean;
  /** Fetched earlier in this browser and downloaded again (counted). */
  again: boolean;
}

interface Totals {
  files: number;
  raw: number;
  gzip: number;
}

/** Every response of one browser, with the body's size and its gzip; and the requests still in flight. */
class Recorder {
  private readonly downloads: Array<Promise<Download>> = [];
  private readonly inFlight = new Set<Request>();
  private readonly seen = new Set<string>();
  private lastActivity = performance.now();

  constructor(
    context: BrowserContext,
    private readonly classify: (url: string) => Origin,
  ) {
    const touch = () => void (this.lastActivity = performance.now());
    context.on("request", (request) => {
      this.inFlight.add(request);
      touch();
    });
    context.on("requestfinished", (request) => {
      this.inFlight.delete(request);
      touch();
    });
    context.on("requestfailed", (request) => {
      this.inFlight.delete(request);
      touch();
    });
    context.on("response", (response) => {
      touch();
      this.downloads.push(this.measure(response));
    });
  }

  private async measure(response: Response): Promise<Download> {
    const url = response.url();
    const method = response.request().method();
    // A URL seen before in this browser is not counted again when its body came from the cache (no body
    // bytes received); fetched again over the network (a revalidated manifest, an API call), it counts.
    const key = `${method} ${url}`;
    const seenBefore = method === "GET" && this.seen.has(key);
    this.seen.add(key);
    const received = await response
      .request()
      .sizes()
      .then((sizes) => sizes.responseBodySize)
      .catch(() => -1);
    const repeat = seenBefore && received <= 0;
    let body: Buffer;
    try {
      body = await response.body();
    } catch {
      body = Buffer.alloc(0); // redirects, 204/304, or a page gone before the body was read
    }
    const gzip = body.length === 0 ? 0 : zlib.gzipSync(body, { level: 9 }).length;
    return { url, origin: this.classify(url), status: response.status(), raw: body.length, gzip, repeat, again: seenBefore && !repeat };
  }

  /** A mark: the downloads recorded from now on belong to the next phase. */
  mark(): number {
    return this.downloads.length;
  }

  async since(mark: number): Promise<Download[]> {
    return Promise.all(this.downloads.slice(mark));
  }

  /** Waits until no request has been in flight for `quietMs` (lazy chunks and data arrive after the first paint). */
  async quiet(quietMs = 500, maxMs = 20_000): Promise<void> {
    const until = performance.now() + maxMs;
    while (performance.now() < until) {
      if (this.inFlight.size === 0 && performance.now() - this.lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function totals(downloads: Download[], origins?: Origin[]): Totals {
  const counted = downloads.filter((d) => !d.repeat && (!origins || origins.includes(d.origin)));
  return {
    files: counted.length,
    raw: counted.reduce((sum, d) => sum + d.raw, 0),
    gzip: counted.reduce((sum, d) => sum + d.gzip, 0),
  };
}

// ------------------------------------------------------------------------------------------- the page

/** What the armed page notes, on its performance.now() clock. */
interface Marks {
  click?: number;
  heading?: number;
  data?: number;
}

/**
 * Arms the page before a click: the click's event time, then the first moment the module's <h1> and its
 * first data (`dataSelector`) are in <main> with a layout box, noted by a MutationObserver (the moment React commits
 * them, before the paint that follows within a frame). A string, not a function: tsx's `__name` helper,
 * wrapped around named inner functions, does not exist in the page.
 */
function armScript(heading: string, dataSelector: string): string {
  return `(() => {
    const heading = ${JSON.stringify(heading)};
    const dataSelector = ${JSON.stringify(dataSelector)};
    if (window.__bench && window.__bench.stop) window.__bench.stop();
    const state = {};
    const box = (element) => {
      const rect = element ? element.getBoundingClientRect() : null;
      return !!rect && rect.width > 0 && rect.height > 0;
    };
    const check = () => {
      const now = performance.now();
      if (state.heading === undefined) {
        const h1 = Array.from(document.querySelectorAll("main h1")).find((h) => (h.textContent || "").trim() === heading);
        if (box(h1)) state.heading = now;
      }
      if (state.data === undefined && box(document.querySelector(dataSelector))) state.data = now;
      if (state.heading !== undefined && state.data !== undefined) state.stop();
    };
    const onClick = (event) => {
      if (state.click === undefined) state.click = event.timeStamp;
      check();
    };
    const observer = new MutationObserver(check);
    state.stop = () => {
      observer.disconnect();
      document.removeEventListener("click", onClick, true);
    };
    document.addEventListener("click", onClick, true);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    window.__bench = state;
  })()`;
}

interface Open {
  /** ms from the click to the module's <h1>. */
  heading: number;
  /** ms from the click to its first data from the API. */
  data: number;
}

async function openModule(page: Page, id: ModuleId): Promise<Open> {
  const { link, heading, data } = modules[id];
  await page.evaluate(armScript(heading, data));
  await page.getByRole("navigation", { name: "Modules de la console" }).getByRole("link", { name: link, exact: true }).click();
  try {
    await page.waitForFunction("window.__bench && window.__bench.heading !== undefined && window.__bench.data !== undefined", undefined, {
      timeout: 30_000,
      polling: 50,
    });
  } catch (error) {
    const shown = await page
      .locator("main")
      .innerText()
      .catch(() => "(no <main>)");
    throw new Error(`${id}: no « ${heading} » heading and data (${data}) within 30 s at ${page.url()}; <main> shows:\n${shown.slice(0, 400)}`, {
      cause: error,
    });
  }
  const state = (await page.evaluate("({ click: window.__bench.click, heading: window.__bench.heading, data: window.__bench.data })")) as Marks;
  if (state.click === undefined || state.heading === undefined || state.data === undefined) throw new Error(`${id}: the click was not seen by the page`);
  return { heading: state.heading - state.click, data: state.data - state.click };
}

async function goHome(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Couronne, accueil de la console" }).click();
  await page.getByRole("heading", { level: 1, name: homeHeading }).waitFor({ state: "visible", timeout: 20_000 });
}

// ------------------------------------------------------------------------------------------------ a run

interface RunResult {
  module: ModuleId;
  /** ms from navigation start to the login form. */
  loginPageReady: number;
  shell: Download[];
  afterLogin: Download[];
  moduleFirst: Download[];
  cold: Open;
  warm: Open;
  outside: string[];
  pageErrors: string[];
}

async function run(stack: TestStack, id: ModuleId): Promise<RunResult> {
  const shellOrigin = new URL(stack.urls.console).origin;
  const moduleOrigins = moduleIds.map((m) => [m, new URL(stack.urls.modules[m]).origin] as const);
  const classify = (url: string): Origin => {
    const parsed = new URL(url);
    if (parsed.origin === shellOrigin) return apiPaths.some((p) => parsed.pathname === p || parsed.pathname.startsWith(p.endsWith("/") ? p : `${p}/`)) ? "api" : "shell";
    return moduleOrigins.find(([, origin]) => origin === parsed.origin)?.[0] ?? "other";
  };

  const browser: TestBrowser = await launchBrowser();
  try {
    const { page, context } = browser;
    const recorder = new Recorder(context, classify);

    // 1. The console URL, until the login form is there and the network is quiet.
    let mark = recorder.mark();
    await page.goto(stack.urls.console);
    await page.getByLabel("Adresse e-mail").waitFor({ state: "visible", timeout: 30_000 });
    const loginPageReady = await page.evaluate(() => performance.now());
    await recorder.quiet();
    const shell = await recorder.since(mark);

    // 2. Login, until the navigation lists the module and the network is quiet.
    mark = recorder.mark();
    await page.getByLabel("Adresse e-mail").fill(administrator.email);
    await page.getByLabel("Mot de passe").fill(administrator.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("navigation", { name: "Modules de la console" }).getByRole("link", { name: modules[id].link, exact: true }).waitFor({ state: "visible", timeout: 30_000 });
    await page.getByRole("heading", { level: 1, name: homeHeading }).waitFor({ state: "visible", timeout: 20_000 });
    await recorder.quiet();
    const afterLogin = await recorder.since(mark);

    // 3. The module's first open (cold), until its content is there and the network is quiet.
    mark = recorder.mark();
    const cold = await openModule(page, id);
    await recorder.quiet();
    const moduleFirst = await recorder.since(mark);

    // 4. Away and back (warm): the module's code and its data are in memory.
    await goHome(page);
    await recorder.quiet(200);
    const warm = await openModule(page, id);

    return { module: id, loginPageReady, shell, afterLogin, moduleFirst, cold, warm, outside: browser.requests.filter(isOutside), pageErrors: [...browser.pageErrors] };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------- output

const kB = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function spread(values: number[]): string {
  return `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
}

function table(header: string[], rows: string[][], rightAligned: (column: number) => boolean): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

function sizeCells(t: Totals): string[] {
  return [String(t.files), kB(t.raw), kB(t.gzip)];
}

function listFiles(downloads: Download[], base: Record<string, string>): void {
  const counted = downloads.filter((d) => !d.repeat).sort((a, b) => b.gzip - a.gzip);
  for (const d of counted) {
    const url = new URL(d.url);
    const where = base[url.origin] ?? url.origin;
    console.log(`    ${kB(d.raw).padStart(8)} kB  ${kB(d.gzip).padStart(7)} kB gz  ${String(d.status)}  ${where}${url.pathname}${url.search ? "?…" : ""}${d.again ? "  (downloaded again)" : ""}`);
  }
  for (const d of downloads.filter((d) => d.repeat)) {
    const url = new URL(d.url);
    console.log(`    (from the cache, not counted: ${base[url.origin] ?? url.origin}${url.pathname})`);
  }
}

// ---------------------------------------------------------------------------------------------------- main

const builds = checkBuilds();
console.log(`Machine: ${machine}; ${loadAverage()} at start`);
console.log(`Builds: shell/dist and mfe-*/dist, oldest written ${builds.built}`);
if (builds.stale.length) {
  console.log(`  ⚠ sources changed after the build of: ${builds.stale.join(", ")} — the figures are those of the old build (npm run build)`);
}

const startedAt = performance.now();
let stack: TestStack;
try {
  stack = await startTestStack();
} catch (error) {
  console.error("The platform could not start:", error);
  process.exit(1);
}
process.once("SIGINT", () => {
  void stack.dispose().finally(() => process.exit(130));
});
console.log(`Stack: console ${stack.urls.console}, API ${stack.urls.api}, PGlite (migrated and seeded in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
console.log(`Browser: ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"} headless (playwright-core), a new profile for each of ${runs} run(s) × ${moduleIds.length} modules`);
console.log(`Login: ${administrator.email}\n`);

const results: RunResult[] = [];
const failures: string[] = [];
for (let r = 1; r <= runs; r += 1) {
  for (const id of moduleIds) {
    try {
      const result = await run(stack, id);
      results.push(result);
      console.log(
        `run ${r} ${id.padEnd(10)} cold: heading ${ms(result.cold.heading).padStart(5)} ms, data ${ms(result.cold.data).padStart(5)} ms   warm: heading ${ms(result.warm.heading).padStart(4)} ms, data ${ms(result.warm.data).padStart(4)} ms`,
      );
      for (const url of result.outside) console.log(`  ⚠ request outside 127.0.0.1: ${url}`);
      for (const error of result.pageErrors) console.log(`  ⚠ uncaught error in the page: ${error}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`run ${r} ${id}: ${message}`);
      console.log(`run ${r} ${id.padEnd(10)} FAILED: ${message}`);
    }
  }
}

if (results.length === 0) {
  console.error("\nNo run succeeded: nothing to report.");
  await stack.dispose();
  process.exit(1);
}

// Sizes: from the first successful run of each module (later runs download the same files; a difference is said).
const base: Record<string, string> = { [new URL(stack.urls.console).origin]: "shell " };
for (const id of moduleIds) base[new URL(stack.urls.modules[id]).origin] = `${id} `;

const first = results[0] as RunResult;
const shellTotals = totals(first.shell);
const afterLoginStatic = totals(first.afterLogin, ["shell"]);
const afterLoginApi = totals(first.afterLogin, ["api"]);
console.log("\n▸ Shell, first load: the console URL until the login form shows and the network is quiet");
listFiles(first.shell, base);
console.log("▸ Shell, after login: until the home page and the navigation show (no module opened yet)");
listFiles(first.afterLogin, base);

const moduleRows: string[][] = [];
for (const id of moduleIds) {
  const mine = results.filter((result) => result.module === id);
  const one = mine[0];
  if (!one) continue;
  const own = totals(one.moduleFirst, [id]);
  const fromShell = totals(one.moduleFirst, ["shell"]);
  const api = totals(one.moduleFirst, ["api"]);
  const other = totals(one.moduleFirst, ["other", ...moduleIds.filter((m) => m !== id)]);
  const differs = mine.some((result) => totals(result.moduleFirst, [id, "shell"]).raw !== totals(one.moduleFirst, [id, "shell"]).raw);
  console.log(`▸ ${id}, first open: the click on « ${modules[id].link} » until its data shows and the network is quiet${differs ? " (⚠ other runs downloaded other sizes)" : ""}`);
  listFiles(one.moduleFirst, base);
  if (other.files) console.log(`    ⚠ ${other.files} file(s) from another origin`);
  moduleRows.push([id, ...sizeCells(own), ...sizeCells(fromShell), ...sizeCells({ files: own.files + fromShell.files, raw: own.raw + fromShell.raw, gzip: own.gzip + fromShell.gzip }), ...sizeCells(api)]);
}

console.log(`\n=== Download sizes (kB = 1024 bytes; gz = gzip -9 of each body, an estimate: the static servers send them uncompressed) ===\n`);
table(
  ["first load", "files", "raw kB", "gz kB"],
  [
    ["shell: login page (static)", ...sizeCells(totals(first.shell, ["shell"]))],
    ["shell: login page (API calls)", ...sizeCells(totals(first.shell, ["api"]))],
    ["shell: after login, static", ...sizeCells(afterLoginStatic)],
    ["shell: after login, API calls", ...sizeCells(afterLoginApi)],
    ["shell: total before any module", ...sizeCells({ files: shellTotals.files + afterLoginStatic.files + afterLoginApi.files, raw: shellTotals.raw + afterLoginStatic.raw + afterLoginApi.raw, gzip: shellTotals.gzip + afterLoginStatic.gzip + afterLoginApi.gzip })],
  ],
  (i) => i > 0,
);
console.log();
table(
  ["module first open", "own files", "own kB", "own gz", "shell files", "shell kB", "shell gz", "code files", "code kB", "code gz", "API calls", "API kB", "API gz"],
  moduleRows,
  (i) => i > 0,
);
console.log("own: from the module's server; shell: lazy chunks of the shell's origin; code: both; API: GraphQL responses (data).");

console.log(`\n=== Click on a module's link → its first content, ms (median (min–max) of ${runs} run(s), each in a new browser) ===\n`);
const timeRows: string[][] = [];
for (const id of moduleIds) {
  const mine = results.filter((result) => result.module === id);
  if (mine.length === 0) {
    timeRows.push([id, "failed", "", "", "", "0"]);
    continue;
  }
  timeRows.push([
    id,
    spread(mine.map((m) => m.cold.heading)),
    spread(mine.map((m) => m.cold.data)),
    spread(mine.map((m) => m.warm.heading)),
    spread(mine.map((m) => m.warm.data)),
    String(mine.length),
  ]);
}
table(["module", "cold: heading", "cold: data", "warm: heading", "warm: data", "runs"], timeRows, (i) => i > 0 && i < 5);
console.log(
  "cold: first open in a new browser (its code and data fetched); warm: second open after « Couronne » (home), all in memory.\n" +
    "From the click event to the moment the module's <h1> / first data enters <main> with a layout box (MutationObserver, page clock).",
);
console.log(`Login page ready ${spread(results.map((r) => r.loginPageReady))} ms after navigation start (median (min–max), every browser).`);
if (failures.length) console.log(`\n${failures.length} run(s) failed:\n  ${failures.join("\n  ")}`);
console.log(`\nMachine: ${machine}; ${loadAverage()} at the end`);

await stack.dispose();
// Exit non-zero only when nothing could be measured: times are reported, never judged.
process.exit(0);
