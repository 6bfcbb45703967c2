/**
 * The one booking engine: the only entry point other modules use. Advisors, rooms, machines, public
 * computers, kiosks, practitioners and desks are all resources with weekly rules, exceptions and bookings.
 */
export { blockedRange, checkSlot, freeSlots, slotRejection } from "./availability.js";
export { dayOfDate, fromLocal, isoWeekday, msPerDay, toLocal } from "./time-zone.js";
export type { AvailabilityInput, FreeSlotsQuery, Slot, SlotCheck, SlotPolicy, SlotRejection, TimeRange, WeeklyRule } from "./availability.js";
export { cancelBooking, confirmBooking, expireStaleHolds, holdMinutes, holdSlot, markNoShow, rescheduleBooking } from "./booking.service.js";
export type { BookingHolder, HoldSlotInput, RescheduleBookingInput } from "./booking.service.js";
export { searchSlots } from "./slot-search.js";
export type { FoundSlot, SlotSearchInput } from "./slot-search.js";
export { isExclusionViolation, withBookingConflicts } from "./booking-conflict.js";
export {
  acceptGroupOffer,
  cancelGroupEnrolment,
  cancelGroupSession,
  createGroupSession,
  enrolInGroupSession,
  groupOfferHours,
  lapseGroupOffer,
} from "./group-session.service.js";
export type { CreateGroupSessionInput, EnrolInGroupSessionInput } from "./group-session.service.js";
export { joinWaitlist, leaveWaitlist, offerFreedSlot, releaseOffer, waitlistOfferHours } from "./waitlist.service.js";
export type { JoinWaitlistInput } from "./waitlist.service.js";
export { SchedulingSweepError, startSchedulingSweep, sweepSchedulingExpiries } from "./sweep.js";
export type { SchedulingSweep, SchedulingSweepOptions, SweepCounts } from "./sweep.js";
export { bookingFeedEvents, escapeText, foldLine, formatUtc, placeLocation, writeCalendar } from "./ical.js";
export type { FeedBooking, FeedPlace, IcalCalendar, IcalEvent, IcalEventStatus } from "./ical.js";
export { icalFeedRoute, icalWindow, resourceIcalFeed } from "./ical.route.js";
