/**
 * An agent's day in the console: log in with the keyboard, see exactly the modules of one's roles, open
 * each, reload on a deep link inside a module, survive a module whose server is down (fallback, then
 * Retry once it is back), log out. Every page passes an axe-core scan, and the shared libraries
 * (React, react-dom, urql, the ui kit) are downloaded once, from the shell.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { eventually } from "./support/browser.js";
import { consoleNavigation, demoAgents, expectAccessible, logIn, setUpConsole } from "./support/console.js";

const agentModules = [
  { id: "portal", title: "Portail famille", route: "/portail" },
  { id: "intranet", title: "Intranet", route: "/intranet" },
] as const;
const otherModules = ["Inclusion numérique", "Télésanté"];
/**
 * A string each shared library's code carries through minification. A module's build holds its own
 * copies (for standalone use); inside the console none of them may be downloaded from the module.
 */
const sharedLibraryMarkers = {
  "React or react-dom": "react.transitional.element",
  "urql": "application/graphql-response+json",
  "the ui kit": "Ouvrir le calendrier",
} as const;

const ready = setUpConsole();

test("an agent with two module roles works through the console", { timeout: 180_000 }, async (t) => {
  const { stack, browser } = ready();
  const moduleOrigins = Object.values(stack.urls.modules);
  const moduleScripts: Promise<{ url: string; body: string }>[] = [];
  browser.context.on("response", (response) => {
    if (moduleOrigins.some((origin) => response.url().startsWith(origin)) && response.url().endsWith(".js")) {
      moduleScripts.push(response.text().then((body) => ({ url: response.url(), body }), () => ({ url: response.url(), body: "" })));
    }
  });
  await browser.check(t.name, async (page) => {
    await page.goto(stack.urls.console);
    await page.getByLabel("Adresse e-mail").waitFor({ state: "visible", timeout: 20_000 });
    await expectAccessible(page, "the login page");

    await logIn(page, demoAgents.portalAndIntranet, { keyboard: true });
    const nav = consoleNavigation(page);
    for (const module of agentModules) {
      await nav.getByRole("link", { name: module.title, exact: true }).waitFor({ state: "visible", timeout: 20_000 });
    }
    await eventually("exactly the agent's two modules in the navigation", async () => {
      for (const title of otherModules) if ((await nav.getByRole("link", { name: title, exact: true }).count()) > 0) return false;
      return true;
    });

    // Open each module: the first from the keyboard, the other with a click.
    const portalLink = nav.getByRole("link", { name: "Portail famille", exact: true });
    await portalLink.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname.startsWith("/portail"));
    await page.getByRole("heading", { level: 1 }).first().waitFor({ state: "visible", timeout: 20_000 });
    await page.getByRole("table").first().waitFor({ state: "visible", timeout: 20_000 });
    await expectAccessible(page, "the family portal's root screen");

    await nav.getByRole("link", { name: "Intranet", exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/intranet"));
    const laon = page.getByRole("link", { name: "Laon", exact: true });
    await laon.waitFor({ state: "visible", timeout: 20_000 });
    await expectAccessible(page, "the intranet's root screen");

    // A deep link inside the module survives a reload, and the back button returns to the list.
    await laon.click();
    await page.waitForURL((url) => url.pathname === "/intranet/communes/02408");
    const detailHeading = page.getByRole("heading", { level: 1, name: /Laon/ });
    await detailHeading.waitFor({ state: "visible", timeout: 20_000 });
    await page.reload();
    assert.equal(new URL(page.url()).pathname, "/intranet/communes/02408");
    await detailHeading.waitFor({ state: "visible", timeout: 20_000 });
    await page.goBack();
    await page.waitForURL((url) => url.pathname === "/intranet");
    await laon.waitFor({ state: "visible", timeout: 20_000 });

    // One module's server down: its page shows the fallback, the rest of the console works.
    await stack.stopModule("portal");
    await page.goto(`${stack.urls.console}portail`);
    const fallback = page.getByText("Le module Portail famille est momentanément indisponible.");
    await fallback.waitFor({ state: "visible", timeout: 30_000 });
    await nav.getByRole("link", { name: "Intranet", exact: true }).waitFor({ state: "visible" });
    await nav.getByRole("link", { name: "Intranet", exact: true }).click();
    await laon.waitFor({ state: "visible", timeout: 20_000 });

    // Back up: Retry (from the keyboard) loads it.
    await page.goBack();
    await fallback.waitFor({ state: "visible", timeout: 30_000 });
    await stack.startModule("portal");
    const retry = page.getByRole("button", { name: "Réessayer" });
    await retry.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table").first().waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(await fallback.count(), 0);

    // React, react-dom, urql and the ui kit are downloaded once, from the shell.
    const scripts = await Promise.all(moduleScripts);
    assert.ok(scripts.length > 0, "no module was loaded from its own server");
    const ownCopies = scripts.flatMap(({ url, body }) =>
      Object.entries(sharedLibraryMarkers).flatMap(([library, marker]) => (body.includes(marker) ? [`${library}: ${url}`] : [])),
    );
    assert.deepEqual(ownCopies, [], "a module downloaded its own copy of a shared library");

    await page.getByRole("button", { name: "Se déconnecter" }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Adresse e-mail").waitFor({ state: "visible", timeout: 20_000 });
  });
});
