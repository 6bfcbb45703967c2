/**
 * The console's first journey: an administrator signs in, the shell lists the four modules, the intranet
 * opens from the keyboard and shows the 38 communes of the Pays de Laon, and a reload on the module's
 * URL shows them again.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { eventually } from "./support/browser.js";
import { consoleNavigation, demoAgents, expectAccessible, logIn, setUpConsole } from "./support/console.js";

const moduleTitles = ["Portail famille", "Intranet", "Inclusion numérique", "Télésanté"];
/** The communes of the Communauté d'Agglomération du Pays de Laon (EPCI 200043495). */
const communeCount = 38;

const ready = setUpConsole();

async function expectCommunes(page: Page): Promise<void> {
  const table = page.getByRole("table");
  await table.waitFor({ state: "visible", timeout: 20_000 });
  const rows = table.locator("tbody tr");
  await eventually(`${communeCount} commune rows`, async () => (await rows.count()) === communeCount);
  // Exact match: Athies-sous-Laon contains the name too.
  assert.equal(await table.locator("tbody").getByText("Laon", { exact: true }).count(), 1);
}

test("the console lists the four modules; the intranet opens with the keyboard and lists the 38 communes", { timeout: 120_000 }, async (t) => {
  const { stack, browser } = ready();
  await browser.check(t.name, async (page) => {
    await page.goto(stack.urls.console);
    await logIn(page, demoAgents.administrator);

    const navigation = consoleNavigation(page);
    for (const title of moduleTitles) {
      await navigation.getByRole("link", { name: title, exact: true }).waitFor({ state: "visible", timeout: 20_000 });
    }

    const intranet = navigation.getByRole("link", { name: "Intranet", exact: true });
    await intranet.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/intranet" || url.pathname.startsWith("/intranet/"));
    await expectCommunes(page);

    const moduleUrl = page.url();
    await page.reload();
    assert.equal(page.url(), moduleUrl);
    await expectCommunes(page);

    // The other modules' root screens (the journey spec scans the login page, portal and intranet).
    for (const [title, path, heading] of [
      ["Inclusion numérique", "/formations", "Séances de formation"],
      ["Télésanté", "/telesante", "Centres de santé"],
    ] as const) {
      await navigation.getByRole("link", { name: title, exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith(path));
      await page.getByRole("heading", { level: 1, name: heading }).waitFor({ state: "visible", timeout: 20_000 });
      await expectAccessible(page, `the root screen of ${title}`);
    }

    // The page really went through this stack: API and the intranet module's own origin.
    assert.ok(browser.requests.some((url) => url.startsWith(`${stack.urls.console}graphql`)), "no GraphQL request through the shell");
    assert.ok(browser.requests.some((url) => url.startsWith(stack.urls.modules.intranet)), "nothing loaded from the intranet module's server");
  });
});
