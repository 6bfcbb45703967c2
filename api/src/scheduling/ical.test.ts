import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { bookingFeedEvents, escapeText, foldLine, formatUtc, residentFeedEvents, writeCalendar, type FeedEnrolment, type IcalEvent } from "./ical.js";

const event = (overrides: Partial<IcalEvent> = {}): IcalEvent => ({
  uid: "0190-abc@couronne",
  stamp: new Date("2027-01-03T12:00:00.123Z"),
  start: new Date("2027-01-04T09:00:00Z"),
  end: new Date("2027-01-04T09:30:00Z"),
  summary: "Aide aux démarches",
  status: "CONFIRMED",
  location: "Médiathèque, 1 rue de la Paix, 02000 Laon",
  ...overrides,
});

const octets = (line: string) => Buffer.byteLength(line, "utf8");

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and line breaks, and drops other control characters", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeText("tab\tok\u0000\u001f")).toBe("tab\tok");
    expect(escapeText("Médiathèque: « ok »")).toBe("Médiathèque: « ok »");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds at 75 octets with a leading space", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("folds long UTF-8 lines without splitting a character, every line ≤ 75 octets", () => {
    const text = `SUMMARY:${"Médiathèque « Émile Zola » — 🗓 ".repeat(12)}`;
    const folded = foldLine(text);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(" ")).toBe(true);
    expect(folded).not.toContain("\uFFFD");
    // Unfolding (RFC 5545 §3.1) gives the line back, byte for byte.
    expect(folded.replace(/\r\n /g, "")).toBe(text);
    // No line ends in the middle of a multi-octet character: each one is valid UTF-8 on its own.
    for (const line of lines) expect(Buffer.from(Buffer.from(line, "utf8").toString("utf8"), "utf8").equals(Buffer.from(line, "utf8"))).toBe(true);
  });
});

describe("writeCalendar", () => {
  it("writes UTC times with CRLF line endings and the calendar properties", () => {
    const text = writeCalendar({ name: "Conseillère numérique, Laon", events: [event()] });
    expect(formatUtc(new Date("2027-01-04T09:00:00.999Z"))).toBe("20270104T090000Z");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("\r\nVERSION:2.0\r\n");
    expect(text).toContain("\r\nCALSCALE:GREGORIAN\r\n");
    expect(text).toContain("\r\nX-WR-CALNAME:Conseillère numérique\\, Laon\r\n");
    expect(text).toContain("\r\nX-WR-TIMEZONE:Europe/Paris\r\n");
    expect(text).toContain("\r\nDTSTART:20270104T090000Z\r\n");
    expect(text).toContain("\r\nDTSTAMP:20270103T120000Z\r\n");
  });

  it("parses back with ical.js: escaped and folded values come back intact", () => {
    const tricky = `Atelier ; « Médiathèque », niveau 2\\3\n${"Médiathèque ".repeat(10)}`;
    const text = writeCalendar({
      name: "Salle ; informatique, étage",
      events: [event(), event({ uid: "0190-def@couronne", summary: tricky, status: "TENTATIVE", location: null })],
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//CAPL//Couronne//FR");
    // X- properties default to TEXT (RFC 5545 §3.8.8.2), hence escaped; ical.js leaves unknown properties raw.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Salle \\; informatique\\, étage");
    const [first, second] = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(first!.uid).toBe("0190-abc@couronne");
    expect(first!.summary).toBe("Aide aux démarches");
    expect(first!.location).toBe("Médiathèque, 1 rue de la Paix, 02000 Laon");
    expect(first!.startDate.toJSDate().toISOString()).toBe("2027-01-04T09:00:00.000Z");
    expect(first!.endDate.toJSDate().toISOString()).toBe("2027-01-04T09:30:00.000Z");
    expect(first!.startDate.zone.tzid).toBe("UTC");
    expect(first!.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(second!.summary).toBe(tricky);
    expect(second!.location).toBeNull();
    expect(second!.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
  });
});

describe("bookingFeedEvents", () => {
  it("keeps CONFIRMED bookings only, with a stable UID and the place as location", () => {
    const base = { startsAt: new Date("2027-01-04T09:00:00Z"), endsAt: new Date("2027-01-04T09:30:00Z"), updatedAt: new Date("2027-01-01T00:00:00Z"), appointmentType: { name: "Aide" } };
    const events = bookingFeedEvents(
      [
        { ...base, id: "b1", status: "CONFIRMED" },
        { ...base, id: "b2", status: "HELD" },
        { ...base, id: "b3", status: "CANCELLED" },
      ],
      { name: "Médiathèque", street: "1 rue de la Paix", postalCode: "02000", commune: { name: "Laon" } },
    );
    expect(events).toEqual([
      { uid: "b1@couronne", stamp: base.updatedAt, start: base.startsAt, end: base.endsAt, summary: "Aide", status: "CONFIRMED", location: "Médiathèque, 1 rue de la Paix, 02000 Laon" },
    ]);
  });
});

describe("residentFeedEvents", () => {
  it("keeps CONFIRMED bookings and ENROLLED seats of sessions still on, by start; a training session is titled by its course", () => {
    const office = { name: "France services", street: "2 place", postalCode: "02000", commune: { name: "Laon" } };
    const library = { name: "Médiathèque", street: "", postalCode: "02000", commune: { name: "Laon" } };
    const t = (iso: string) => new Date(iso);
    const booking = (id: string, status: string, start: string) => ({
      id,
      status,
      startsAt: t(start),
      endsAt: new Date(t(start).getTime() + 30 * 60_000),
      updatedAt: t("2027-01-01T00:00:00Z"),
      appointmentType: { name: "Aide aux démarches" },
      place: office,
    });
    const seat = (id: string, status: string, start: string, course: string | null, cancelledAt: Date | null = null): FeedEnrolment => ({
      status,
      updatedAt: t("2027-01-02T00:00:00Z"),
      groupSession: {
        id,
        startsAt: t(start),
        endsAt: new Date(t(start).getTime() + 2 * 3_600_000),
        updatedAt: t("2027-01-03T00:00:00Z"),
        cancelledAt,
        appointmentType: { name: "Atelier" },
        trainingSession: course ? { course: { title: course } } : null,
        resource: { place: library },
      },
    });
    const events = residentFeedEvents(
      [booking("b1", "CONFIRMED", "2027-01-06T09:00:00Z"), booking("b2", "HELD", "2027-01-04T09:00:00Z"), booking("b3", "CANCELLED", "2027-01-04T10:00:00Z")],
      [
        seat("s1", "ENROLLED", "2027-01-05T13:00:00Z", "Premiers pas sur smartphone"),
        seat("s2", "ENROLLED", "2027-01-07T13:00:00Z", null),
        seat("s3", "WAITLISTED", "2027-01-04T13:00:00Z", "Messagerie"),
        seat("s4", "OFFERED", "2027-01-04T14:00:00Z", "Messagerie"),
        seat("s5", "ENROLLED", "2027-01-04T15:00:00Z", "Messagerie", t("2027-01-02T00:00:00Z")),
      ],
    );
    expect(events.map((e) => [e.uid, e.summary, e.location, e.start.toISOString()])).toEqual([
      ["s1@couronne", "Premiers pas sur smartphone", "Médiathèque, 02000 Laon", "2027-01-05T13:00:00.000Z"],
      ["b1@couronne", "Aide aux démarches", "France services, 2 place, 02000 Laon", "2027-01-06T09:00:00.000Z"],
      ["s2@couronne", "Atelier", "Médiathèque, 02000 Laon", "2027-01-07T13:00:00.000Z"],
    ]);
    // The later of the seat's and the session's revisions.
    expect(events[0]!.stamp).toEqual(t("2027-01-03T00:00:00Z"));
    expect(events.every((e) => e.status === "CONFIRMED")).toBe(true);
  });
});
