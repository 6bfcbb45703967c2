import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { bookingFeedEvents, escapeText, foldLine, formatUtc, writeCalendar, type IcalEvent } from "./ical.js";

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
