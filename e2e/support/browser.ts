/**
 * Debian's Chromium driven by playwright-core, kept on this machine: every request the pages make is
 * recorded and a test fails if one leaves 127.0.0.1 (a CDN font, an analytics call, a Google host).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const artifactsDir = fileURLToPath(new URL("../.artifacts/", import.meta.url));

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Playwright passes its own --disable-features list; a second flag replaces it, so it is repeated here
// (playwright-core 1.65) with AutofillServerCommunication added: Chromium calls Google without it.
const disabledFeatures = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
  "AutofillServerCommunication",
];

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Port 9 (discard) on the loopback: sign-in and component-updater calls go nowhere.
  "--gaia-url=http://127.0.0.1:9",
  "--component-updater=url-source=http://127.0.0.1:9",
  `--disable-features=${disabledFeatures.join(",")}`,
];

const networkSchemes = new Set(["http:", "https:", "ws:", "wss:", "ftp:"]);

export function isOutside(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  return networkSchemes.has(parsed.protocol) && parsed.hostname !== "127.0.0.1";
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Every URL requested since launch, in order. */
  requests: string[];
  /** Uncaught exceptions of the pages. */
  pageErrors: string[];
  /**
   * Runs one test's steps on the page; on failure saves a screenshot in e2e/.artifacts/ before
   * rethrowing. After the steps, fails if a request left 127.0.0.1 or a page threw.
   */
  check(name: string, steps: (page: Page) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "couronne-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  const watch = (page: Page) => page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  context.pages().forEach(watch);
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    requests,
    pageErrors,
    async check(name, steps) {
      try {
        await steps(page);
        const outside = requests.filter(isOutside);
        if (outside.length > 0) throw new Error(`requests outside 127.0.0.1:\n  ${outside.join("\n  ")}`);
        if (pageErrors.length > 0) throw new Error(`uncaught errors in the page:\n  ${pageErrors.join("\n  ")}`);
      } catch (error) {
        fs.mkdirSync(artifactsDir, { recursive: true });
        const file = path.join(artifactsDir, `${name.replace(/[^\w-]+/g, "-").slice(0, 80)}.png`);
        await page.screenshot({ path: file, fullPage: true }).then(
          () => console.error(`screenshot: ${path.relative(process.cwd(), file)}`),
          (screenshotError: unknown) => console.error("no screenshot:", screenshotError),
        );
        throw error;
      }
    },
    async close() {
      try {
        await context.close();
      } finally {
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Polls `probe` until it returns true; playwright-core has no `expect`, only locators and waits. */
export async function eventually(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 15_000, intervalMs = 100 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
