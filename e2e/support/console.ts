/**
 * What every console spec shares: one stack and one browser for the whole file, the demo accounts and
 * the login step.
 */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { launchBrowser, type TestBrowser } from "./browser.js";
import { startTestStack, type TestStack } from "./stack.js";

/** Demo agents (api/prisma/seed/demo.ts). */
export const demoAgents = {
  /** Administrator: may open every module. */
  administrator: { email: "camille.martin@capl.example", password: "Couronne-demo-2026" },
  /** Holds two module roles: PORTAL and INTRANET. */
  portalAndIntranet: { email: "emma.roux@capl.example", password: "Couronne-demo-2026" },
  /** Digital advisor (conseillère numérique) holding TRAINING: her own agenda opens by default. */
  advisor: { email: "nadia.lefebvre@capl.example", password: "Couronne-demo-2026" },
} as const;

/**
 * Starts the stack and the browser before the file's tests and stops them after; call once at the top
 * of a spec. Each test calls the returned `ready()` to get both (it fails if either did not start).
 */
export function setUpConsole(): () => { stack: TestStack; browser: TestBrowser } {
  let stack: TestStack | undefined;
  let browser: TestBrowser | undefined;
  before(async () => {
    stack = await startTestStack();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stack?.dispose();
  });
  return () => {
    assert.ok(stack && browser, "the stack or the browser did not start");
    return { stack, browser };
  };
}

/**
 * Logs in on the login page: with the pointer (fill, then click « Se connecter »), or from the keyboard
 * (type, Tab, type, Enter).
 */
export async function logIn(
  page: Page,
  agent: { email: string; password: string },
  { keyboard = false }: { keyboard?: boolean } = {},
): Promise<void> {
  const email = page.getByLabel("Adresse e-mail");
  await email.waitFor({ state: "visible", timeout: 20_000 });
  if (keyboard) {
    await email.focus();
    await page.keyboard.type(agent.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(agent.password);
    await page.keyboard.press("Enter");
  } else {
    await email.fill(agent.email);
    await page.getByLabel("Mot de passe").fill(agent.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
  }
}

/** The shell's navigation between modules. */
export function consoleNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Modules de la console" });
}

/** No serious or critical accessibility violation on the page as it is now (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
    `accessibility violations on ${what}`,
  );
}
