/** Booking: bookable resources, appointment types, slot search, bookings and waiting lists over the booking engine (api/src/scheduling). */
import "./scheduling-resource.schema.js";
import "./appointment-type.schema.js";
import "./slot.schema.js";
import "./booking.schema.js";
import "./waitlist.schema.js";

export { AppointmentTypeRef } from "./appointment-type.schema.js";
export { BookingRef } from "./booking.schema.js";
export { canManageAt, canManageResource, canViewBooking, kindsServedBy, resourceKindRoles, schedulingRoles, visibleBookings } from "./booking.policy.js";
export { SchedulingResourceKindEnum, SchedulingResourceRef, schedulingReaders } from "./scheduling-resource.schema.js";
export { WaitlistEntryRef } from "./waitlist.schema.js";
