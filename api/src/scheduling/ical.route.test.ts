import { encodeGlobalID } from "@pothos/plugin-relay";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { startApi } from "../server.js";
import { startTestApi, type TestApi } from "../testing/graphql-client.js";
import { createTestAgent, createTestSession } from "../testing/viewers.js";
import { residentCalendarName } from "./ical.route.js";

const hour = 60 * 60 * 1000;
const day = 24 * hour;

let t: TestApi;
let origin: string;

beforeAll(async () => {
  t = await startTestApi();
  origin = new URL(t.api.url).origin;
});
afterAll(async () => t?.close());

describe("GET /ical/:token.ics", () => {
  it("serves the resource's confirmed bookings, parseable, without any resident's personal data", async () => {
    const { prisma } = t.db;
    const marie = await prisma.resident.findUniqueOrThrow({ where: { email: "marie.lambert@example.org" } });
    expect(marie.displayName).toBe("Marie Lambert");
    const place = await prisma.place.findFirstOrThrow({ include: { commune: true } });
    const resource = await prisma.schedulingResource.create({ data: { kind: "ADVISOR", name: "Conseillère numérique", placeId: place.id } });
    const type = await prisma.appointmentType.create({ data: { name: "Aide aux démarches en ligne", resourceKind: "ADVISOR", durationMinutes: 30 } });
    const startsAt = new Date(Math.ceil((Date.now() + 2 * day) / hour) * hour);
    const booking = (status: "CONFIRMED" | "HELD" | "CANCELLED", start: Date) =>
      prisma.booking.create({
        data: {
          resourceId: resource.id,
          appointmentTypeId: type.id,
          placeId: place.id,
          residentId: marie.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 60_000),
          blockedFrom: start,
          blockedUntil: new Date(start.getTime() + 30 * 60_000),
          status,
          holdExpiresAt: status === "HELD" ? new Date(Date.now() + 10 * 60_000) : null,
        },
      });
    const confirmed = await booking("CONFIRMED", startsAt);
    await booking("HELD", new Date(startsAt.getTime() + hour)); // left out of the feed
    await booking("CANCELLED", new Date(startsAt.getTime() + 2 * hour));
    await booking("CONFIRMED", new Date(startsAt.getTime() + 200 * day)); // beyond the window

    const response = await fetch(`${origin}/ical/${resource.icalToken}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const body = await response.text();

    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Conseillère numérique");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Paris");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.uid).toBe(`${confirmed.id}@couronne`);
    expect(event!.summary).toBe("Aide aux démarches en ligne");
    expect(event!.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event!.endDate.toJSDate().toISOString()).toBe(confirmed.endsAt.toISOString());
    expect(event!.location).toBe(`${place.name}, ${place.street}, ${place.postalCode} ${place.commune.name}`);
    expect(event!.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    // Minimal personal data: nothing that identifies the resident, even folded across lines.
    const unfolded = body.replace(/\r\n[ \t]/g, "");
    for (const secret of [marie.displayName, "Lambert", marie.email, marie.phone!, marie.id]) {
      expect(unfolded.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it("answers 404 text/plain to an unknown token", async () => {
    for (const token of ["00000000-0000-4000-8000-000000000000", "nope", "%27%3B--"]) {
      const response = await fetch(`${origin}/ical/${token}.ics`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).not.toContain("BEGIN:VCALENDAR");
    }
  });

  it("keeps the token, the feed's only credential, out of the request log", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
    const api = await startApi({ db: t.db, config: loadConfig({ PORT: "0", NODE_ENV: "test" }), logger });
    const resource = await t.db.prisma.schedulingResource.findFirstOrThrow();
    const resident = await t.db.prisma.resident.findFirstOrThrow();
    try {
      for (const url of [`/ical/${resource.icalToken}.ics?x=1`, `/ical/${resident.icalToken}.ics`]) {
        const response = await fetch(`${new URL(api.url).origin}${url}`);
        expect(response.status).toBe(200);
        await response.text();
      }
    } finally {
      await api.close();
    }
    const completed = lines.filter((line) => line.msg === "request completed");
    expect(completed.map((line) => line.url)).toEqual(["/ical/[redacted].ics?x=1", "/ical/[redacted].ics"]);
    for (const token of [resource.icalToken, resident.icalToken]) expect(JSON.stringify(lines)).not.toContain(token);
  });
});

describe("a resident's own feed at /ical/:token.ics", () => {
  it("serves their confirmed appointments and the sessions they are enrolled in, by start, with no one's personal data", async () => {
    const { prisma } = t.db;
    const laon = await prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02408" } });
    const person = (name: string, phone: string) =>
      prisma.resident.create({ data: { displayName: name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`, phone, communeId: laon.id } });
    const gaelle = await person("Gaëlle Pruvost", "+33323990001");
    const neighbour = await person("Octave Delmotte", "+33323990002");
    const trainer = await prisma.agent.create({ data: { email: "ferdinand.trainer@example.org", displayName: "Ferdinand Vasseur" } });
    const office = await prisma.place.create({ data: { kind: "FRANCE_SERVICES", name: "France services", street: "2 place de l'Hôtel de ville", postalCode: "02000", communeId: laon.id }, include: { commune: true } });
    const library = await prisma.place.create({ data: { kind: "MEDIATHEQUE", name: "Médiathèque, salle B", street: "5 rue Saint-Martin", postalCode: "02000", communeId: laon.id }, include: { commune: true } });
    // An advisor's resource bears their name: it must not reach the resident's feed.
    const advisor = await prisma.schedulingResource.create({ data: { kind: "ADVISOR", name: "Bérénice Lecomte", placeId: office.id } });
    const room = await prisma.schedulingResource.create({ data: { kind: "ROOM", name: "Salle B", placeId: library.id } });
    const help = await prisma.appointmentType.create({ data: { name: "Aide aux démarches en ligne", resourceKind: "ADVISOR", durationMinutes: 30 } });
    const workshop = await prisma.appointmentType.create({ data: { name: "Atelier numérique", resourceKind: "ROOM", durationMinutes: 120, capacity: 10 } });
    const course = await prisma.course.create({
      data: { title: `Premiers pas sur smartphone ${crypto.randomUUID()}`, description: "Allumer, appeler, photographier.", themes: ["SMARTPHONE"], level: "BEGINNER", audience: "RESIDENTS", durationMinutes: 120 },
    });
    const base = new Date(Math.ceil((Date.now() + 2 * day) / hour) * hour);
    const plus = (hours: number) => new Date(base.getTime() + hours * hour);
    const booking = (residentId: string, status: "CONFIRMED" | "HELD" | "CANCELLED", start: Date) =>
      prisma.booking.create({
        data: {
          resourceId: advisor.id,
          appointmentTypeId: help.id,
          placeId: office.id,
          residentId,
          startsAt: start,
          endsAt: new Date(start.getTime() + 30 * 60_000),
          blockedFrom: start,
          blockedUntil: new Date(start.getTime() + 30 * 60_000),
          status,
          holdExpiresAt: status === "HELD" ? new Date(Date.now() + 10 * 60_000) : null,
          note: "Mot de passe des impôts perdu",
        },
      });
    const session = (start: Date, cancelledAt: Date | null = null) =>
      prisma.groupSession.create({ data: { resourceId: room.id, appointmentTypeId: workshop.id, capacity: 10, startsAt: start, endsAt: new Date(start.getTime() + 2 * hour), cancelledAt } });
    const seat = (groupSessionId: string, residentId: string, status: "ENROLLED" | "WAITLISTED" | "CANCELLED") =>
      prisma.groupEnrolment.create({ data: { groupSessionId, residentId, status } });

    const appointment = await booking(gaelle.id, "CONFIRMED", plus(26));
    await booking(gaelle.id, "HELD", plus(27)); // not an appointment yet
    await booking(gaelle.id, "CANCELLED", plus(28));
    await booking(gaelle.id, "CONFIRMED", plus(200 * 24)); // beyond the window
    await booking(neighbour.id, "CONFIRMED", plus(29)); // someone else's
    const training = await session(plus(0));
    await prisma.trainingSession.create({ data: { courseId: course.id, groupSessionId: training.id, trainerId: trainer.id } });
    await seat(training.id, gaelle.id, "ENROLLED");
    await seat(training.id, neighbour.id, "ENROLLED");
    const plain = await session(plus(50));
    await seat(plain.id, gaelle.id, "ENROLLED");
    await seat((await session(plus(74))).id, gaelle.id, "WAITLISTED");
    await seat((await session(plus(98))).id, gaelle.id, "CANCELLED");
    await seat((await session(plus(122), new Date())).id, gaelle.id, "ENROLLED"); // a cancelled session

    const response = await fetch(`${origin}/ical/${gaelle.icalToken}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const body = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(residentCalendarName);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const location = (place: typeof office) => `${place.name}, ${place.street}, ${place.postalCode} ${place.commune.name}`;
    expect(events.map((e) => ({ uid: e.uid, summary: e.summary, location: e.location, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString() }))).toEqual([
      { uid: `${training.id}@couronne`, summary: course.title, location: location(library), start: training.startsAt.toISOString(), end: training.endsAt.toISOString() },
      { uid: `${appointment.id}@couronne`, summary: "Aide aux démarches en ligne", location: location(office), start: appointment.startsAt.toISOString(), end: appointment.endsAt.toISOString() },
      { uid: `${plain.id}@couronne`, summary: "Atelier numérique", location: location(library), start: plain.startsAt.toISOString(), end: plain.endsAt.toISOString() },
    ]);
    for (const event of events) expect(event.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    const unfolded = body.replace(/\r\n[ \t]/g, "").toLowerCase();
    const secrets = [gaelle, neighbour].flatMap((r) => [r.displayName, r.displayName.split(" ")[1]!, r.email, r.phone!, r.id, r.icalToken]);
    secrets.push(trainer.displayName, "Vasseur", trainer.email, trainer.id, advisor.name, "Lecomte", "Mot de passe");
    for (const secret of secrets) expect(unfolded).not.toContain(secret.toLowerCase());
  });

  it("gives Resident.icalUrl to the resident themself only, not to an agent who may see the resident", async () => {
    const { prisma } = t.db;
    const laon = await prisma.commune.findUniqueOrThrow({ where: { inseeCode: "02408" } });
    const resident = await prisma.resident.create({ data: { displayName: "Irène Caron", email: `irene.${crypto.randomUUID()}@example.org`, communeId: laon.id } });
    const agent = await createTestAgent(prisma, [{ role: "PORTAL" }]);
    const query = `query ($id: ID!) { node(id: $id) { ... on Resident { displayName icalUrl } } }`;
    const id = encodeGlobalID("Resident", resident.id);
    const asResident = await t.client.request<{ node: { displayName: string; icalUrl: string | null } }>(query, { id }, { token: (await createTestSession(prisma, { residentId: resident.id })).token });
    expect(asResident.body.errors).toBeUndefined();
    expect(asResident.body.data?.node).toEqual({ displayName: "Irène Caron", icalUrl: `/ical/${resident.icalToken}.ics` });
    const asAgent = await t.client.request<{ node: { displayName: string; icalUrl: string | null } }>(query, { id }, { token: (await createTestSession(prisma, { agentId: agent.agentId })).token });
    expect(asAgent.body.errors).toBeUndefined();
    expect(asAgent.body.data?.node).toEqual({ displayName: "Irène Caron", icalUrl: null });
    // The path works as given, relative to the API's origin.
    const feed = await fetch(`${origin}${asResident.body.data!.node.icalUrl}`);
    expect(feed.status).toBe(200);
    expect(new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent")).toEqual([]);
  });
});
