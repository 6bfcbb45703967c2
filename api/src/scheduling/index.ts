/**
 * The one booking engine: the only entry point other modules use. Advisors, rooms, machines, public
 * computers, kiosks, practitioners and desks are all resources with weekly rules, exceptions and bookings.
 */
export { freeSlots, slotRejection, blockedRange } from "./availability.js";
export type { AvailabilityInput, FreeSlotsQuery, Slot, SlotPolicy, SlotRejection, TimeRange, WeeklyRule } from "./availability.js";
export { cancelBooking, confirmBooking, expireStaleHolds, holdMinutes, holdSlot } from "./booking.service.js";
export type { BookingHolder, HoldSlotInput } from "./booking.service.js";
export { isExclusionViolation, withBookingConflicts } from "./booking-conflict.js";
export { cancelGroupEnrolment, enrolInGroupSession } from "./group-session.service.js";
export { bookingFeedEvents, escapeText, foldLine, formatUtc, placeLocation, writeCalendar } from "./ical.js";
export type { FeedBooking, FeedPlace, IcalCalendar, IcalEvent, IcalEventStatus } from "./ical.js";
export { icalFeedRoute, icalWindow, resourceIcalFeed } from "./ical.route.js";
