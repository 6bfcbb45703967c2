import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { startApi } from "../server.js";
import { startTestApi, type TestApi } from "../testing/graphql-client.js";

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
    try {
      const response = await fetch(`${new URL(api.url).origin}/ical/${resource.icalToken}.ics?x=1`);
      expect(response.status).toBe(200);
      await response.text();
    } finally {
      await api.close();
    }
    const completed = lines.filter((line) => line.msg === "request completed");
    expect(completed.map((line) => line.url)).toEqual(["/ical/[redacted].ics?x=1"]);
    expect(JSON.stringify(lines)).not.toContain(resource.icalToken);
  });
});
