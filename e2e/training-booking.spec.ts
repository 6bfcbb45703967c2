/**
 * Digital inclusion in the console (issue 5): a digital advisor books an appointment for a resident from
 * the agenda (slot search → hold → confirm) and finds it in the week agenda; she writes the activity report
 * of last week's appointment; every screen of the module opens without an error and passes axe. The
 * partner's key (Bibliothèque départementale de l'Aisne) lists sessions with free places at libraries
 * over the API, with nothing personal in the answer.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { demoPartnerKey } from "../api/prisma/seed/demo.js";
import { eventually } from "./support/browser.js";
import { consoleNavigation, demoAgents, expectAccessible, logIn, setUpConsole } from "./support/console.js";

const ready = setUpConsole();

/** Written in the booking and read back from the agenda: proves the event shown is the one just booked. */
const bookingNote = "Remplir le dossier de la CAF en ligne (parcours e2e).";

function moduleNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Rubriques de l'inclusion numérique" });
}

async function openTrainingModule(page: Page): Promise<void> {
  await consoleNavigation(page).getByRole("link", { name: "Inclusion numérique", exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/formations"));
  await moduleNavigation(page).waitFor({ state: "visible", timeout: 20_000 });
}

/**
 * Ticks a radio button or checkbox of the ui kit the way a person does, by its label: react-aria keeps
 * the input itself visually hidden under the drawn box.
 */
async function choose(scope: Page | Locator, role: "radio" | "checkbox", name: string | RegExp): Promise<Locator> {
  const page = "page" in scope ? scope.page() : scope;
  const input = scope.getByRole(role, { name });
  await scope.locator("label", { has: page.getByRole(role, { name }) }).first().click();
  await eventually(`« ${name} » ticked`, () => input.first().isChecked());
  return input.first();
}

/** Waits until the screen has loaded (no « Chargement… » left) and fails on an error state. */
async function expectLoaded(page: Page, what: string): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ state: "visible", timeout: 20_000 });
  await eventually(`${what} loaded`, async () => (await page.getByRole("status").filter({ hasText: "Chargement…" }).count()) === 0, {
    timeoutMs: 20_000,
  });
  const errors = await page.locator(".cou-state--error").allTextContents();
  assert.deepEqual(errors, [], `${what} shows an error`);
}

test("an advisor books an appointment for a resident, sees it in her week agenda and writes last week's activity report", { timeout: 240_000 }, async (t) => {
  const { stack, browser } = ready();
  await browser.check(t.name, async (page) => {
    await page.goto(stack.urls.console);
    await logIn(page, demoAgents.advisor, { keyboard: true });
    await openTrainingModule(page);
    await moduleNavigation(page).getByRole("link", { name: "Agenda des conseillers" }).click();
    await page.waitForURL((url) => url.pathname === "/formations/agenda");
    await expectLoaded(page, "the agenda");
    await page.getByRole("heading", { level: 1, name: "Agenda des conseillers numériques" }).waitFor();
    // Her own agenda: the viewer's advisor profile is chosen by default.
    await page.getByRole("button", { name: /Conseiller/ }).filter({ hasText: "Nadia Lefebvre" }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, "the advisor's agenda");

    // Book: the resident, the appointment type, a free slot, hold, confirm.
    await page.getByRole("button", { name: "Nouveau rendez-vous" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau rendez-vous" });
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("textbox", { name: /Rechercher un habitant/ }).fill("Lambert");
    await dialog.getByRole("button", { name: "Rechercher", exact: true }).click();
    await choose(dialog, "radio", /Marie Lambert/);
    await dialog.getByRole("button", { name: /Type de rendez-vous/ }).click();
    await page.getByRole("option", { name: /Accompagnement numérique individuel/ }).click();
    await dialog.getByRole("button", { name: "Chercher les créneaux" }).click();
    const firstSlot = dialog.getByRole("group", { name: "Créneaux libres" }).locator("label").filter({ has: page.getByRole("radio") }).first();
    await firstSlot.waitFor({ state: "visible", timeout: 20_000 });
    const slotLabel = await firstSlot.innerText();
    const slotTime = /\d{2}:\d{2} – \d{2}:\d{2}/.exec(slotLabel)?.[0];
    assert.ok(slotTime, `no time in the slot's label « ${slotLabel} »`);
    await firstSlot.click();
    await eventually("the slot chosen", () => firstSlot.getByRole("radio").isChecked());
    await dialog.getByRole("textbox", { name: /Besoin exprimé/ }).fill(bookingNote);
    await expectAccessible(page, "the booking dialog");
    await dialog.getByRole("button", { name: "Réserver ce créneau" }).click();
    await dialog.getByText(/Créneau réservé jusqu'à \d{2}:\d{2}/).waitFor({ timeout: 20_000 });
    await dialog.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 20_000 });
    await page.getByText("Rendez-vous confirmé").first().waitFor({ timeout: 20_000 });

    // The agenda now shows the week of the appointment: the event, and in its details the note given.
    const booked = page.getByRole("button", { name: `${slotTime} Accompagnement numérique individuel — Marie Lambert` });
    await eventually("the new appointment in the week agenda", async () => (await booked.count()) > 0, { timeoutMs: 20_000 });
    let found = false;
    for (const event of await booked.all()) {
      await event.click();
      const details = page.getByRole("region", { name: /Rendez-vous du/ });
      await details.waitFor({ state: "visible" });
      found = (await details.getByText(bookingNote).count()) > 0;
      await page.getByRole("button", { name: "Fermer le détail" }).click();
      if (found) break;
    }
    assert.ok(found, "no appointment of the agenda carries the note given when booking");

    // Last week's appointment with Marie Lambert was left without a report (demo data): write it.
    await page.getByRole("button", { name: "Cette semaine" }).click();
    await page.getByRole("button", { name: "Semaine précédente" }).click();
    const pastAppointment = page.getByRole("button", { name: "10:00 – 10:45 Accompagnement numérique individuel — Marie Lambert" });
    await pastAppointment.waitFor({ state: "visible", timeout: 20_000 });
    await pastAppointment.click();
    await page.getByRole("link", { name: "Rédiger le compte rendu" }).click();
    await page.waitForURL((url) => /^\/formations\/agenda\/[^/]+\/compte-rendu$/.test(url.pathname));
    await expectLoaded(page, "the activity report form");
    await choose(page, "checkbox", "Courriels");
    await choose(page, "checkbox", "Prise en main du matériel");
    await choose(page, "checkbox", "Smartphone");
    await choose(page, "radio", "Autonome avec de l'aide");
    await expectAccessible(page, "the activity report form");
    await page.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    await page.getByText("Compte rendu enregistré").first().waitFor({ timeout: 20_000 });
    await page.waitForURL((url) => url.pathname === "/formations/agenda");

    // Back in the agenda: the appointment's report is recorded, and it can no longer be written twice.
    await pastAppointment.waitFor({ state: "visible", timeout: 20_000 });
    await pastAppointment.click();
    await page.getByText("Enregistré", { exact: true }).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByRole("link", { name: "Rédiger le compte rendu" }).count(), 0);
  });
});

test("every screen of the digital inclusion module opens without an error and passes axe", { timeout: 180_000 }, async (t) => {
  const { stack, browser } = ready();
  await browser.check(t.name, async (page) => {
    await page.goto(stack.urls.console);
    await page.getByRole("button", { name: "Se déconnecter" }).or(page.getByLabel("Adresse e-mail")).first().waitFor({ timeout: 20_000 });
    if ((await page.getByLabel("Adresse e-mail").count()) > 0) await logIn(page, demoAgents.advisor);
    await openTrainingModule(page);
    const screens = [
      { link: "Séances", heading: "Séances de formation" },
      { link: "Catalogue", heading: "Catalogue des formations" },
      { link: "Agenda des conseillers", heading: "Agenda des conseillers numériques" },
      { link: "Statistiques", heading: "Statistiques des accompagnements" },
      { link: "Équipements", heading: "Équipements" },
      { link: "Lieux", heading: "Lieux de l'inclusion numérique" },
    ];
    for (const { link, heading } of screens) {
      await moduleNavigation(page).getByRole("link", { name: link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor({ state: "visible", timeout: 20_000 });
      await expectLoaded(page, `the screen « ${heading} »`);
      await expectAccessible(page, `the screen « ${heading} »`);
    }
    // The demo catalogue and equipment are there (real data from the seed, through the API).
    await moduleNavigation(page).getByRole("link", { name: "Équipements", exact: true }).click();
    await page.getByText("Fab lab du Pays de Laon (démo)", { exact: false }).first().waitFor({ timeout: 20_000 });
  });
});

test("the partner's key lists sessions with free places at libraries, and nothing personal", { timeout: 60_000 }, async () => {
  const { stack } = ready();
  const response = await fetch(stack.urls.api, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${demoPartnerKey}` },
    body: JSON.stringify({
      query: `{ trainingSessions(first: 50, filter: { placeKinds: [MEDIATHEQUE], hasFreePlaces: true }) {
        totalCount
        edges { node { startsAt endsAt capacity freePlaces trainer { displayName } course { title audience } place { name kind commune { name } } } }
      } }`,
    }),
  });
  assert.equal(response.status, 200);
  const body = (await response.json()) as {
    errors?: unknown;
    data: { trainingSessions: { totalCount: number; edges: { node: { freePlaces: number; trainer: unknown; place: { name: string; kind: string } } }[] } };
  };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  const sessions = body.data.trainingSessions.edges.map((edge) => edge.node);
  assert.ok(sessions.length > 0, "no session with free places at a library");
  assert.ok(sessions.some((session) => session.place.name === "Médiathèque de Laon (démo)"), "no session at the Laon library");
  for (const session of sessions) {
    assert.equal(session.place.kind, "MEDIATHEQUE");
    assert.ok(session.freePlaces > 0);
    assert.equal(session.trainer, null, "a partner sees the trainer");
  }
  const text = JSON.stringify(body);
  for (const personal of ["Lambert", "Girard", "Lefebvre", "@example.org", "@capl.example"]) {
    assert.ok(!text.includes(personal), `the partner's answer contains « ${personal} »`);
  }

  const enrolments = await fetch(stack.urls.api, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${demoPartnerKey}` },
    body: JSON.stringify({ query: "{ trainingSessions(first: 1) { edges { node { enrolments { id } } } } }" }),
  });
  const refused = (await enrolments.json()) as { errors?: { extensions?: { code?: string } }[] };
  assert.equal(refused.errors?.[0]?.extensions?.code, "FORBIDDEN", "a partner may read enrolments");
});
