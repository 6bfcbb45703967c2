/**
 * A minimal RFC 5545 (iCalendar) writer, without dependency: one VCALENDAR of VEVENTs in UTC, text
 * escaped (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF endings.
 *
 * Pure: it writes what it is given. Choosing what may appear (no resident name, email or phone: the
 * summary is the appointment type's name or the course's title) is the caller's job, see ical.route.ts,
 * bookingFeedEvents and residentFeedEvents.
 */

export type IcalEventStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export interface IcalEvent {
  /** Globally unique and stable across fetches, e.g. `<booking id>@couronne`. */
  uid: string;
  /** When the information was last revised (DTSTAMP of a calendar without METHOD, RFC 5545 §3.8.7.2). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  status: IcalEventStatus;
  location?: string | null;
}

export interface IcalCalendar {
  /** X-WR-CALNAME: the name calendar applications show. */
  name: string;
  /** X-WR-TIMEZONE: the zone applications display the events in (times themselves are UTC). */
  timeZone?: string;
  events: readonly IcalEvent[];
}

export const icalProductId = "-//CAPL//Couronne//FR";

const maxLineOctets = 75;
const crlf = "\r\n";

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // CTLs other than HTAB are not allowed in a TEXT value (RFC 5545 §3.3.11).
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "")
  );
}

/**
 * Folds one content line: at most 75 octets per line (CRLF excluded), continuation lines starting with
 * one space. Cuts between code points only, so a multi-octet UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > maxLineOctets) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(crlf);
}

/** A UTC DATE-TIME: 20270104T090000Z (seconds kept, milliseconds dropped). */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

function eventLines(event: IcalEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `STATUS:${event.status}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** The whole iCalendar object, CRLF-terminated. */
export function writeCalendar(calendar: IcalCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${icalProductId}`,
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${escapeText(calendar.timeZone ?? "Europe/Paris")}`,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(crlf) + crlf;
}

/** What a feed needs of a booking: no resident field on purpose. */
export interface FeedBooking {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  appointmentType: { name: string };
}

export interface FeedPlace {
  name: string;
  street: string;
  postalCode: string;
  commune: { name: string };
}

/** One event of a feed, whatever it comes from: a title, times and a place; never a person. */
export interface FeedItem {
  /** Id of the booking or group session: the event's UID, stable across fetches. */
  id: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  summary: string;
  place: FeedPlace;
}

/** « Médiathèque, 1 rue X, 02000 Laon ». */
export function placeLocation(place: FeedPlace): string {
  return [place.name, place.street, `${place.postalCode} ${place.commune.name}`].filter((part) => part.trim() !== "").join(", ");
}

/** Events of confirmed items, by start. */
export function feedEvents(items: readonly FeedItem[]): IcalEvent[] {
  return [...items]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((item) => ({
      uid: `${item.id}@couronne`,
      stamp: item.updatedAt,
      start: item.startsAt,
      end: item.endsAt,
      summary: item.summary,
      status: "CONFIRMED" as const,
      location: placeLocation(item.place),
    }));
}

/**
 * The events of a resource's feed: CONFIRMED bookings only. HELD bookings are left out on purpose: a
 * hold lives 10 minutes and the feed is cached 5, so it would mostly show slots that never happen.
 */
export function bookingFeedEvents(bookings: readonly FeedBooking[], place: FeedPlace): IcalEvent[] {
  return feedEvents(
    bookings
      .filter((booking) => booking.status === "CONFIRMED")
      .map((booking) => ({ ...booking, summary: booking.appointmentType.name, place })),
  );
}

/** A resident's booking, at its own place (an advisor may receive in several places). */
export interface FeedResidentBooking extends FeedBooking {
  place: FeedPlace;
}

/** A resident's seat in a group session; the course, when the session is a training session. */
export interface FeedEnrolment {
  status: string;
  updatedAt: Date;
  groupSession: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    updatedAt: Date;
    cancelledAt: Date | null;
    appointmentType: { name: string };
    trainingSession: { course: { title: string } } | null;
    resource: { place: FeedPlace };
  };
}

/**
 * The events of a resident's own feed: their CONFIRMED bookings (appointment type as summary) and the
 * group sessions they are ENROLLED in and that still take place (the course's title for a training
 * session). Waitlisted and offered seats, holds and waiting-list offers are not appointments yet.
 */
export function residentFeedEvents(bookings: readonly FeedResidentBooking[], enrolments: readonly FeedEnrolment[]): IcalEvent[] {
  return feedEvents([
    ...bookings
      .filter((booking) => booking.status === "CONFIRMED")
      .map((booking) => ({ ...booking, summary: booking.appointmentType.name })),
    ...enrolments
      .filter((enrolment) => enrolment.status === "ENROLLED" && enrolment.groupSession.cancelledAt === null)
      .map(({ updatedAt, groupSession: session }) => ({
        id: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        // Either change is a revision of the resident's event: their seat, or the session itself.
        updatedAt: updatedAt > session.updatedAt ? updatedAt : session.updatedAt,
        summary: session.trainingSession?.course.title ?? session.appointmentType.name,
        place: session.resource.place,
      })),
  ]);
}
