/**
 * GET /ical/:token.ics — the iCalendar feed of one scheduling resource, for an agent's calendar app, or
 * of one resident (their confirmed appointments and training sessions), for their own calendar app.
 *
 * Access: the token is the resource's or the resident's `icalToken`, a random UUID v4 (122 random bits)
 * that is the only credential — a capability URL, as calendar apps cannot send an Authorization header.
 * Whoever holds the URL can read the feed, so the feed carries the minimum: the appointment type's name
 * (or the course's title), the times and the place; never a name, email or phone (the resident's, an
 * advisor's or a trainer's), nor a person's id. Rotating the token (a new uuid in `icalToken`) revokes
 * every copy of the URL. The request log redacts the token (server.ts).
 */
import type { RequestHandler } from "express";
import type { Database } from "../db/database.js";
import { bookingFeedEvents, residentFeedEvents, writeCalendar } from "./ical.js";

const day = 24 * 60 * 60 * 1000;
/** The feed's window: past bookings a month back, upcoming ones six months ahead. */
export const icalWindow = { daysBack: 30, daysAhead: 180 };
const tokenPattern = /^[\w-]{1,128}$/;
/** The name calendar apps show for a resident's feed: deliberately not the resident's name. */
export const residentCalendarName = "Mes rendez-vous et formations";
const placeSelect = { select: { name: true, street: true, postalCode: true, commune: { select: { name: true } } } } as const;

function feedWindow(now: Date) {
  return { gte: new Date(now.getTime() - icalWindow.daysBack * day), lt: new Date(now.getTime() + icalWindow.daysAhead * day) };
}

/** The feed's text, or null when no resource has this token. */
export async function resourceIcalFeed(prisma: Database["prisma"], token: string, now = new Date()): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const resource = await prisma.schedulingResource.findUnique({
    where: { icalToken: token },
    select: {
      name: true,
      place: placeSelect,
      bookings: {
        where: { status: "CONFIRMED", startsAt: feedWindow(now) },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        // Deliberately no resident: the feed must not be able to leak what it never reads.
        select: { id: true, status: true, startsAt: true, endsAt: true, updatedAt: true, appointmentType: { select: { name: true } } },
      },
    },
  });
  if (!resource) return null;
  return writeCalendar({ name: resource.name, timeZone: "Europe/Paris", events: bookingFeedEvents(resource.bookings, resource.place) });
}

/** The feed's text, or null when no resident has this token. */
export async function residentIcalFeed(prisma: Database["prisma"], token: string, now = new Date()): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const resident = await prisma.resident.findUnique({
    where: { icalToken: token },
    // Deliberately nothing of the resident but their appointments: the feed cannot leak what it never reads.
    select: {
      bookings: {
        where: { status: "CONFIRMED", startsAt: feedWindow(now) },
        select: { id: true, status: true, startsAt: true, endsAt: true, updatedAt: true, appointmentType: { select: { name: true } }, place: placeSelect },
      },
      groupEnrolments: {
        where: { status: "ENROLLED", groupSession: { cancelledAt: null, startsAt: feedWindow(now) } },
        select: {
          status: true,
          updatedAt: true,
          groupSession: {
            select: {
              id: true,
              startsAt: true,
              endsAt: true,
              updatedAt: true,
              cancelledAt: true,
              appointmentType: { select: { name: true } },
              // The course's title only: not the trainer.
              trainingSession: { select: { course: { select: { title: true } } } },
              resource: { select: { place: placeSelect } },
            },
          },
        },
      },
    },
  });
  if (!resident) return null;
  return writeCalendar({ name: residentCalendarName, timeZone: "Europe/Paris", events: residentFeedEvents(resident.bookings, resident.groupEnrolments) });
}

/** A resource's feed, else a resident's: one URL shape for both, the token says which. */
export async function icalFeed(prisma: Database["prisma"], token: string, now = new Date()): Promise<string | null> {
  return (await resourceIcalFeed(prisma, token, now)) ?? (await residentIcalFeed(prisma, token, now));
}

export function icalFeedRoute(prisma: Database["prisma"]): RequestHandler<{ token: string }> {
  return async (req, res) => {
    const feed = await icalFeed(prisma, req.params.token);
    res.setHeader("X-Robots-Tag", "noindex");
    if (feed === null) {
      res.status(404).type("text/plain; charset=utf-8").setHeader("Cache-Control", "no-store").send("Calendrier introuvable\n");
      return;
    }
    res.setHeader("Content-Type", "text/calendar; charset=utf-8");
    res.setHeader("Cache-Control", "private, max-age=300");
    res.send(feed);
  };
}
