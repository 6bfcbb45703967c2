/** Booking, BookingStatus, BookingFilter, Query.bookings, Mutation.holdSlot, confirmBooking, cancelBooking, rescheduleBooking, markBookingNoShow */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { BookingStatus, Prisma } from "../../generated/prisma/client.js";
import { runMutation } from "../../mutation.js";
import { canViewResident, type Viewer } from "../identity/index.js";
import { AgentRef } from "../identity/agent.schema.js";
import { ResidentRef } from "../identity/resident.schema.js";
import { AppointmentTypeRef } from "./appointment-type.schema.js";
import { bookingReaderRoles, canViewBooking, schedulingRoles, visibleBookings } from "./booking.policy.js";
import { cancelBookingFor, confirmBookingFor, holdSlotFor, markNoShowFor, rescheduleBookingFor } from "./booking.service.js";
import { SchedulingResourceRef } from "./scheduling-resource.schema.js";

export const BookingStatusEnum = builder.enumType("BookingStatus", {
  description: "Where a booking stands.",
  values: {
    HELD: { description: "Kept for a few minutes while the booking is completed (or offered from the waiting list until holdExpiresAt); confirm it with confirmBooking." },
    CONFIRMED: { description: "Booked." },
    CANCELLED: { description: "Cancelled (see cancelReason); the slot is free again." },
    NO_SHOW: { description: "The person did not come." },
    EXPIRED: { description: "A hold not confirmed in time." },
  } as const satisfies Record<BookingStatus, unknown>,
});

/** What the row-level rule needs, loaded with every booking whatever the query selects. */
const bookingScopeSelect = {
  id: true,
  residentId: true,
  resource: { select: { kind: true } },
  place: { select: { communeId: true } },
} as const;

export const BookingRef = builder.prismaNode("Booking", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "A booking of a resource: an appointment with a digital advisor, a machine or computer slot… Visible to its resident and to agents of the resource kind's role covering the place's commune (never to partners).",
  select: bookingScopeSelect,
  authScopes: (booking, ctx) => (canViewBooking(ctx.viewer, booking) ? true : { $granted: "self" }),
  fields: (t) => ({
    status: t.expose("status", { type: BookingStatusEnum, description: "Where the booking stands." }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "Start of the appointment." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "End of the appointment (buffers not included)." }),
    holdExpiresAt: t.expose("holdExpiresAt", { type: "DateTime", nullable: true, description: "For a HELD booking: when the hold runs out unless confirmed." }),
    resource: t.relation("resource", { description: "The resource booked." }),
    appointmentType: t.relation("appointmentType", { description: "What is booked." }),
    place: t.relation("place", { description: "Where it takes place." }),
    resident: t.field({
      type: ResidentRef,
      nullable: true,
      description: "Whom it is for: shown to the resident and to agents serving the resident's commune; null otherwise, or when booked for nobody.",
      select: { resident: true },
      resolve: (booking, _args, ctx) => (booking.resident && canViewResident(ctx.viewer, booking.resident) ? booking.resident : null),
    }),
    bookedBy: t.field({
      type: AgentRef,
      nullable: true,
      description: "The agent who booked on the resident's behalf (shown to agents only); null when the resident booked.",
      select: { bookedBy: true },
      resolve: (booking, _args, ctx) => (ctx.viewer.kind === "agent" ? booking.bookedBy : null),
    }),
    note: t.exposeString("note", { nullable: true, description: "What the person needs, in their words, given when booking." }),
    cancelReason: t.exposeString("cancelReason", { nullable: true, description: "Why it was cancelled (« rescheduled » when replaced by another booking)." }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true, description: "When it was cancelled." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
  }),
});

// Declared apart from the type: a field of a type returning that same type cannot be typed inline.
builder.prismaObjectFields(BookingRef, (t) => ({
  rescheduledFrom: t.field({
    type: BookingRef,
    nullable: true,
    description: "The booking this one replaced, when it was rescheduled (null if you may not see it).",
    select: { rescheduledFrom: { select: bookingScopeSelect } },
    resolve: async (booking, _args, ctx) =>
      booking.rescheduledFrom && canViewBooking(ctx.viewer, booking.rescheduledFrom)
        ? ctx.prisma.booking.findUnique({ where: { id: booking.rescheduledFrom.id }, include: { resource: true, place: true } })
        : null,
  }),
}));

const BookingFilter = builder.inputType("BookingFilter", {
  description: "Conditions on bookings; all given conditions must hold.",
  fields: (t) => ({
    resourceIds: t.globalIDList({ for: [SchedulingResourceRef], description: "Bookings of any of these resources.", validate: z.array(z.unknown()).max(100) }),
    from: t.field({ type: "DateTime", description: "Bookings ending after this instant." }),
    to: t.field({ type: "DateTime", description: "Bookings starting before this instant." }),
    statuses: t.field({ type: [BookingStatusEnum], description: "Bookings in any of these statuses." }),
    residentId: t.globalID({ for: [ResidentRef], description: "Bookings for this resident." }),
  }),
});

interface BookingFilterShape {
  resourceIds?: { id: string }[] | null;
  from?: Date | null;
  to?: Date | null;
  statuses?: BookingStatus[] | null;
  residentId?: { id: string } | null;
}

function bookingsWhere(viewer: Viewer, filter: BookingFilterShape | null | undefined): Prisma.BookingWhereInput {
  return {
    AND: [
      visibleBookings(viewer),
      filter?.resourceIds ? { resourceId: { in: filter.resourceIds.map((r) => r.id) } } : {},
      filter?.from ? { endsAt: { gt: filter.from } } : {},
      filter?.to ? { startsAt: { lt: filter.to } } : {},
      filter?.statuses ? { status: { in: filter.statuses } } : {},
      filter?.residentId ? { residentId: filter.residentId.id } : {},
    ],
  };
}

builder.queryField("bookings", (t) =>
  t.prismaConnection(
    {
      type: "Booking",
      cursor: "id",
      authScopes: { resident: true, anyRole: bookingReaderRoles },
      description:
        "Bookings by start time: a resident's own; for agents, those of the resource kinds their roles serve at places in their communes; every booking for administrators.",
      args: { filter: t.arg({ type: BookingFilter, required: false, description: "Narrow the list." }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.booking.count({ where: bookingsWhere(ctx.viewer, args.filter) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.booking.findMany({ ...query, where: bookingsWhere(ctx.viewer, args.filter), orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
    },
    { description: "A page of bookings." },
    { description: "A booking and its cursor." },
  ),
);

const bookingSuccess = (name: string, description: string, field: string) =>
  builder.objectRef<{ bookingId: string }>(name).implement({
    description,
    fields: (f) => ({
      booking: f.prismaField({
        type: "Booking",
        description: field,
        resolve: (query, payload, _args, ctx) => ctx.prisma.booking.findUniqueOrThrow({ ...query, where: { id: payload.bookingId } }),
      }),
    }),
  });

const bookingErrors = [NotFoundError, ForbiddenError, ConflictError, BadUserInputError];
const bookers = { resident: true, anyRole: schedulingRoles } as const;
const note = z.string().trim().max(1000);
const reason = z.string().trim().min(1).max(500);

const HoldSlotInput = builder.inputType("HoldSlotInput", {
  description: "A slot to hold (from availableSlots) and whom it is for.",
  fields: (t) => ({
    appointmentTypeId: t.globalID({ required: true, for: [AppointmentTypeRef], description: "The appointment type." }),
    resourceId: t.globalID({ required: true, for: [SchedulingResourceRef], description: "The resource." }),
    startsAt: t.field({ type: "DateTime", required: true, description: "Start of the slot." }),
    residentId: t.globalID({ for: [ResidentRef], description: "The resident it is for: required for an agent booking on a resident's behalf; omitted by a resident." }),
    note: t.string({ description: "What the person needs, in their words.", validate: note }),
  }),
});

builder.mutationField("holdSlot", (t) =>
  t.field({
    nullable: true,
    type: bookingSuccess("HoldSlotSuccess", "The slot is held for a few minutes: confirm it with confirmBooking.", "The HELD booking."),
    authScopes: bookers,
    errors: { types: bookingErrors },
    description:
      "Holds a slot: by a resident for themself, or by an agent of the resource kind's role on a resident's behalf, at a place in the agent's communes. ConflictError when the slot is taken; BadUserInputError when it is not bookable (outside the opening hours, too soon, too far ahead).",
    args: { input: t.arg({ type: HoldSlotInput, required: true, description: "The slot." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const { booking, onBehalfOfResidentId } = await holdSlotFor(tx, ctx.viewer, {
          appointmentTypeId: input.appointmentTypeId.id,
          resourceId: input.resourceId.id,
          startsAt: input.startsAt,
          residentId: input.residentId?.id,
          note: input.note,
        });
        journal.targetIds.push(booking.id);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { bookingId: booking.id };
      }),
  }),
);

const ConfirmBookingInput = builder.inputType("ConfirmBookingInput", {
  description: "A held booking to confirm.",
  fields: (t) => ({ bookingId: t.globalID({ required: true, for: [BookingRef], description: "The HELD booking." }) }),
});

builder.mutationField("confirmBooking", (t) =>
  t.field({
    nullable: true,
    type: bookingSuccess("ConfirmBookingSuccess", "The booking is confirmed.", "The CONFIRMED booking."),
    authScopes: bookers,
    errors: { types: bookingErrors },
    description:
      "Confirms a held booking (also accepts an offer from the waiting list): by its resident, or by an agent on the resident's behalf. ConflictError when the hold has run out or the booking is no longer held.",
    args: { input: t.arg({ type: ConfirmBookingInput, required: true, description: "The booking." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const bookingId = input.bookingId.id;
        journal.targetIds.push(bookingId);
        const { booking, onBehalfOfResidentId } = await confirmBookingFor(tx, ctx.viewer, bookingId);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { bookingId: booking.id };
      }),
  }),
);

const CancelBookingInput = builder.inputType("CancelBookingInput", {
  description: "A booking to cancel, and why.",
  fields: (t) => ({
    bookingId: t.globalID({ required: true, for: [BookingRef], description: "The HELD or CONFIRMED booking." }),
    reason: t.string({ required: true, description: "Why it is cancelled (kept with the booking).", validate: reason }),
  }),
});

builder.mutationField("cancelBooking", (t) =>
  t.field({
    nullable: true,
    type: bookingSuccess("CancelBookingSuccess", "The booking is cancelled; the slot went to the first person on the waiting list, if any.", "The CANCELLED booking."),
    authScopes: bookers,
    errors: { types: bookingErrors },
    description: "Cancels a booking, by its resident or by an agent on the resident's behalf; the freed slot is offered to the waiting list.",
    args: { input: t.arg({ type: CancelBookingInput, required: true, description: "The booking and the reason." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const bookingId = input.bookingId.id;
        journal.targetIds.push(bookingId);
        const { booking, offer, onBehalfOfResidentId } = await cancelBookingFor(tx, ctx.viewer, bookingId, input.reason);
        if (offer) journal.targetIds.push(offer.id);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { bookingId: booking.id };
      }),
  }),
);

const RescheduleBookingInput = builder.inputType("RescheduleBookingInput", {
  description: "A booking to move to another slot.",
  fields: (t) => ({
    bookingId: t.globalID({ required: true, for: [BookingRef], description: "The HELD or CONFIRMED booking." }),
    startsAt: t.field({ type: "DateTime", required: true, description: "Start of the new slot." }),
    resourceId: t.globalID({ for: [SchedulingResourceRef], description: "Another resource offering the same type; absent: the same resource." }),
  }),
});

builder.mutationField("rescheduleBooking", (t) =>
  t.field({
    nullable: true,
    type: bookingSuccess("RescheduleBookingSuccess", "The booking is moved.", "The new CONFIRMED booking (rescheduledFrom: the old one, now CANCELLED)."),
    authScopes: bookers,
    errors: { types: bookingErrors },
    description:
      "Moves a booking to another slot in one step: a new confirmed booking replaces the old one, which is cancelled. ConflictError when the new slot is taken (the old booking is then kept).",
    args: { input: t.arg({ type: RescheduleBookingInput, required: true, description: "The booking and its new slot." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        journal.targetIds.push(input.bookingId.id);
        const { booking, onBehalfOfResidentId } = await rescheduleBookingFor(tx, ctx.viewer, {
          bookingId: input.bookingId.id,
          startsAt: input.startsAt,
          resourceId: input.resourceId?.id,
        });
        journal.targetIds.push(booking.id);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { bookingId: booking.id };
      }),
  }),
);

const MarkBookingNoShowInput = builder.inputType("MarkBookingNoShowInput", {
  description: "A booking whose person did not come.",
  fields: (t) => ({ bookingId: t.globalID({ required: true, for: [BookingRef], description: "The CONFIRMED booking, already started." }) }),
});

builder.mutationField("markBookingNoShow", (t) =>
  t.field({
    nullable: true,
    type: bookingSuccess("MarkBookingNoShowSuccess", "The absence is recorded.", "The NO_SHOW booking."),
    authScopes: { anyRole: schedulingRoles },
    errors: { types: bookingErrors },
    description: "Records that the person did not come (agents of the resource kind's role covering the place), once the appointment has started.",
    args: { input: t.arg({ type: MarkBookingNoShowInput, required: true, description: "The booking." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const bookingId = input.bookingId.id;
        journal.targetIds.push(bookingId);
        await markNoShowFor(tx, ctx.viewer, bookingId);
        return { bookingId };
      }),
  }),
);
