/**
 * GET /ical/:token.ics — the iCalendar feed of one scheduling resource, for an agent's calendar app.
 *
 * Access: the token is the resource's `icalToken`, a random UUID v4 (122 random bits) that is the only
 * credential — a capability URL, as calendar apps cannot send an Authorization header. Whoever holds the
 * URL can read the feed, so the feed carries the minimum: the appointment type's name, the times and the
 * place; never the resident's name, email or phone (nor the resident's id). Rotating the token (a new
 * uuid in `icalToken`) revokes every copy of the URL. The request log redacts the token (server.ts).
 */
import type { RequestHandler } from "express";
import type { Database } from "../db/database.js";
import { bookingFeedEvents, writeCalendar } from "./ical.js";

const day = 24 * 60 * 60 * 1000;
/** The feed's window: past bookings a month back, upcoming ones six months ahead. */
export const icalWindow = { daysBack: 30, daysAhead: 180 };
const tokenPattern = /^[\w-]{1,128}$/;

/** The feed's text, or null when no resource has this token. */
export async function resourceIcalFeed(prisma: Database["prisma"], token: string, now = new Date()): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const resource = await prisma.schedulingResource.findUnique({
    where: { icalToken: token },
    select: {
      name: true,
      place: { select: { name: true, street: true, postalCode: true, commune: { select: { name: true } } } },
      bookings: {
        where: {
          status: "CONFIRMED",
          startsAt: { gte: new Date(now.getTime() - icalWindow.daysBack * day), lt: new Date(now.getTime() + icalWindow.daysAhead * day) },
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        // Deliberately no resident: the feed must not be able to leak what it never reads.
        select: { id: true, status: true, startsAt: true, endsAt: true, updatedAt: true, appointmentType: { select: { name: true } } },
      },
    },
  });
  if (!resource) return null;
  return writeCalendar({ name: resource.name, timeZone: "Europe/Paris", events: bookingFeedEvents(resource.bookings, resource.place) });
}

export function icalFeedRoute(prisma: Database["prisma"]): RequestHandler<{ token: string }> {
  return async (req, res) => {
    const feed = await resourceIcalFeed(prisma, req.params.token);
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
