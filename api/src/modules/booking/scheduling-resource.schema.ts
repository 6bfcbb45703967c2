/** SchedulingResource, SchedulingResourceKind, AvailabilityRule, AvailabilityException, Query.schedulingResources, Mutation.createSchedulingResource, retireSchedulingResource, setAvailabilityRules, addAvailabilityException */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { Prisma, SchedulingResourceKind } from "../../generated/prisma/client.js";
import { runMutation } from "../../mutation.js";
import { canManageResource, schedulingRoles } from "./booking.policy.js";
import { placeGlobalId } from "../territory/index.js";
import { addAvailabilityException, calendarDayOf, createResource, formatTimeOfDay, replaceAvailabilityRules, retireResource, timeOfDayPattern } from "./resource.service.js";

export const SchedulingResourceKindEnum = builder.enumType("SchedulingResourceKind", {
  description: "What a bookable resource is; each kind is managed by agents of one module role.",
  values: {
    ADVISOR: { description: "A digital advisor (conseiller numérique) giving appointments (TRAINING)." },
    ROOM: { description: "A room, e.g. where training sessions take place (TRAINING)." },
    MACHINE: { description: "A makerspace machine: 3D printer, laser cutter… (TRAINING)." },
    COMPUTER: { description: "A public computer (TRAINING)." },
    KIOSK: { description: "A self-service kiosk (TRAINING)." },
    PRACTITIONER: { description: "A health practitioner giving teleconsultations (TELEHEALTH)." },
    DESK: { description: "A coworking desk (INTRANET)." },
  } as const satisfies Record<SchedulingResourceKind, unknown>,
});

/** Public: resources are bookable by anyone, and a partner with read:training lists them; nothing personal. */
export const schedulingReaders = { public: true, partner: "read:training" } as const;

export const SchedulingResourceRef = builder.prismaNode("SchedulingResource", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "Something that can be booked: a digital advisor, a room, a machine, a public computer, a kiosk, a practitioner, a desk.",
  authScopes: schedulingReaders,
  fields: (t) => ({
    kind: t.expose("kind", { type: SchedulingResourceKindEnum, description: "What the resource is." }),
    name: t.exposeString("name", { description: "Name shown to the people who book it." }),
    description: t.exposeString("description", { nullable: true, description: "What it is, for the people who book it (in French)." }),
    place: t.relation("place", { description: "Home place; availability rules may put the resource at other places on some days." }),
    isRetired: t.boolean({ description: "True when the resource is no longer in service (it then offers no slot).", resolve: (resource) => resource.retiredAt !== null }),
    appointmentTypes: t.prismaField({
      type: ["AppointmentType"],
      description: "The appointment types booked on this resource, by name: those listing it, or, for types listing none, every type of its kind.",
      resolve: (query, resource, _args, ctx) =>
        ctx.prisma.appointmentType.findMany({
          ...query,
          where: {
            retiredAt: null,
            OR: [{ resources: { some: { id: resource.id } } }, { resourceKind: resource.kind, resources: { none: {} } }],
          },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
    availabilityRules: t.relation("rules", {
      authScopes: { agent: true },
      description: "Weekly opening windows, by weekday then time (agents only).",
      query: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
    }),
    availabilityExceptions: t.relation("exceptions", {
      authScopes: { agent: true },
      description: "Closures and absences overlapping [from, to), by start (agents only).",
      args: {
        from: t.arg({ type: "DateTime", required: true, description: "Start of the period." }),
        to: t.arg({ type: "DateTime", required: true, description: "End of the period (at most 366 days after `from`)." }),
      },
      query: (args) => {
        if (args.to.getTime() - args.from.getTime() > 366 * 86_400_000) throw new BadUserInputError("The period may not exceed 366 days");
        return { where: { startsAt: { lt: args.to }, endsAt: { gt: args.from } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] };
      },
    }),
    icalUrl: t.string({
      nullable: true,
      description: "Path of the resource's iCalendar feed (confirmed bookings, no personal data): only for agents who manage it, null for others.",
      select: { place: { select: { communeId: true } } },
      resolve: (resource, _args, ctx) => (canManageResource(ctx.viewer, resource) ? `/ical/${resource.icalToken}.ics` : null),
    }),
  }),
});

builder.prismaObject("AvailabilityRule", {
  description: "A weekly opening window of a resource, in its local time (Europe/Paris).",
  select: { id: true, startMinute: true, endMinute: true, validFrom: true, validUntil: true, placeId: true, resource: { select: { placeId: true } } },
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startTime: t.string({ description: "Local opening time, HH:MM (e.g. 09:00).", resolve: (rule) => formatTimeOfDay(rule.startMinute) }),
    endTime: t.string({ description: "Local closing time, HH:MM (24:00 = midnight at the end of the day); slots end by then.", resolve: (rule) => formatTimeOfDay(rule.endMinute) }),
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    place: t.prismaField({
      type: "Place",
      description: "Where the resource is during this window (its home place unless the rule names another).",
      resolve: (query, rule, _args, ctx) => ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: rule.placeId ?? rule.resource.placeId } }),
    }),
    validFrom: t.field({ type: "Date", nullable: true, description: "First day the rule applies; null: always did.", resolve: (rule) => (rule.validFrom ? calendarDayOf(rule.validFrom) : null) }),
    validUntil: t.field({ type: "Date", nullable: true, description: "Last day the rule applies; null: no end.", resolve: (rule) => (rule.validUntil ? calendarDayOf(rule.validUntil) : null) }),
  }),
});

const AvailabilityExceptionRef = builder.prismaObject("AvailabilityException", {
  description: "A closure or an absence: no slot of the resource touches it.",
  fields: (t) => ({
    id: t.globalID({ description: "Global ID of the exception.", resolve: (exception) => ({ type: "AvailabilityException", id: exception.id }) }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "Start of the closure." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "End of the closure (excluded)." }),
    reason: t.exposeString("reason", { description: "Why, e.g. « Congés », « Fermeture exceptionnelle »." }),
  }),
});

function resourcesWhere(args: { kind?: SchedulingResourceKind | null; placeId?: { id: string } | null }): Prisma.SchedulingResourceWhereInput {
  const placeId = args.placeId?.id;
  return {
    retiredAt: null,
    ...(args.kind ? { kind: args.kind } : {}),
    ...(placeId ? { OR: [{ placeId }, { rules: { some: { placeId } } }] } : {}),
  };
}

builder.queryField("schedulingResources", (t) =>
  t.prismaConnection(
    {
      type: "SchedulingResource",
      cursor: "id",
      authScopes: schedulingReaders,
      description: "Resources in service, by name: all, or of one kind, or at one place (their home place or a place of their rules).",
      args: {
        kind: t.arg({ type: SchedulingResourceKindEnum, description: "Only resources of this kind." }),
        placeId: t.arg.globalID({ description: "Only resources at this place.", validate: placeGlobalId }),
      },
      totalCount: (_parent, args, ctx) => ctx.prisma.schedulingResource.count({ where: resourcesWhere(args) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.prisma.schedulingResource.findMany({ ...query, where: resourcesWhere(args), orderBy: [{ name: "asc" }, { id: "asc" }] }),
    },
    { description: "A page of bookable resources." },
    { description: "A bookable resource and its cursor." },
  ),
);

const resourceSuccess = (name: string, description: string) =>
  builder.objectRef<{ resourceId: string }>(name).implement({
    description,
    fields: (f) => ({
      resource: f.prismaField({
        type: "SchedulingResource",
        description: "The resource after the change.",
        resolve: (query, payload, _args, ctx) => ctx.prisma.schedulingResource.findUniqueOrThrow({ ...query, where: { id: payload.resourceId } }),
      }),
    }),
  });

const timeOfDay = z.string().regex(timeOfDayPattern, "must be a time HH:MM between 00:00 and 24:00");

const AvailabilityRuleInput = builder.inputType("AvailabilityRuleInput", {
  description: "A weekly opening window, in the resource's local time.",
  fields: (t) => ({
    weekday: t.int({ required: true, description: "ISO weekday: 1 = Monday … 7 = Sunday.", validate: z.number().int().min(1).max(7) }),
    startTime: t.string({ required: true, description: "Opening time HH:MM, e.g. 09:00.", validate: timeOfDay }),
    endTime: t.string({ required: true, description: "Closing time HH:MM, after startTime (24:00 = end of the day).", validate: timeOfDay }),
    placeId: t.globalID({ description: "Where the resource is during this window; absent: its home place.", validate: placeGlobalId }),
    validFrom: t.field({ type: "Date", description: "First day the rule applies; absent: from now on." }),
    validUntil: t.field({ type: "Date", description: "Last day the rule applies; absent: no end." }),
  }),
});

const SetAvailabilityRulesInput = builder.inputType("SetAvailabilityRulesInput", {
  description: "The complete new set of weekly rules of a resource.",
  fields: (t) => ({
    resourceId: t.globalID({ required: true, for: [SchedulingResourceRef], description: "The resource." }),
    rules: t.field({
      type: [AvailabilityRuleInput],
      required: true,
      description: "Every rule of the resource (the previous ones are replaced); windows of one weekday may not overlap. Empty: no slot at all.",
      validate: z.array(z.unknown()).max(70),
    }),
  }),
});

builder.mutationField("setAvailabilityRules", (t) =>
  t.field({
    nullable: true,
    type: resourceSuccess("SetAvailabilityRulesSuccess", "The resource's weekly rules are replaced; existing bookings are kept."),
    authScopes: { anyRole: schedulingRoles },
    errors: { types: [NotFoundError, ForbiddenError, BadUserInputError] },
    description:
      "Replaces the weekly opening windows of a resource (agents of the kind's role covering the commune of the resource and of each rule's place). Bookings already made are not moved.",
    args: { input: t.arg({ type: SetAvailabilityRulesInput, required: true, description: "The rules." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const resourceId = input.resourceId.id;
        journal.targetIds.push(resourceId);
        await replaceAvailabilityRules(
          tx,
          ctx.viewer,
          resourceId,
          input.rules.map((rule) => ({ ...rule, placeId: rule.placeId?.id ?? null })),
        );
        return { resourceId };
      }),
  }),
);

const AddAvailabilityExceptionInput = builder.inputType("AddAvailabilityExceptionInput", {
  description: "A closure or absence of a resource.",
  fields: (t) => ({
    resourceId: t.globalID({ required: true, for: [SchedulingResourceRef], description: "The resource." }),
    startsAt: t.field({ type: "DateTime", required: true, description: "Start of the closure." }),
    endsAt: t.field({ type: "DateTime", required: true, description: "End of the closure (excluded), after startsAt." }),
    reason: t.string({ required: true, description: "Why, e.g. « Congés ».", validate: z.string().trim().min(1).max(200) }),
  }),
});

const AddAvailabilityExceptionSuccess = builder
  .objectRef<{ resourceId: string; exceptionId: string; affectedBookingIds: string[] }>("AddAvailabilityExceptionSuccess")
  .implement({
    description: "The exception is recorded: no new slot touches it.",
    fields: (f) => ({
      exception: f.prismaField({
        type: AvailabilityExceptionRef,
        description: "The new exception.",
        resolve: (query, payload, _args, ctx) => ctx.prisma.availabilityException.findUniqueOrThrow({ ...query, where: { id: payload.exceptionId } }),
      }),
      resource: f.prismaField({
        type: "SchedulingResource",
        description: "The resource.",
        resolve: (query, payload, _args, ctx) => ctx.prisma.schedulingResource.findUniqueOrThrow({ ...query, where: { id: payload.resourceId } }),
      }),
      affectedBookings: f.prismaField({
        type: ["Booking"],
        description: "Held and confirmed bookings during the closure, by start: they are kept, and the people concerned should be told.",
        resolve: (query, payload, _args, ctx) =>
          ctx.prisma.booking.findMany({ ...query, where: { id: { in: payload.affectedBookingIds } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] }),
      }),
    }),
  });

builder.mutationField("addAvailabilityException", (t) =>
  t.field({
    nullable: true,
    type: AddAvailabilityExceptionSuccess,
    authScopes: { anyRole: schedulingRoles },
    errors: { types: [NotFoundError, ForbiddenError, BadUserInputError] },
    description: "Closes a resource for a while (absence, closure), for agents of the kind's role covering the resource's commune.",
    args: { input: t.arg({ type: AddAvailabilityExceptionInput, required: true, description: "The closure." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const resourceId = input.resourceId.id;
        journal.targetIds.push(resourceId);
        const { exception, affectedBookingIds } = await addAvailabilityException(tx, ctx.viewer, { ...input, resourceId });
        journal.targetIds.push(exception.id);
        return { resourceId, exceptionId: exception.id, affectedBookingIds };
      }),
  }),
);

const CreateSchedulingResourceInput = builder.inputType("CreateSchedulingResourceInput", {
  description: "A new bookable resource: a makerspace machine, a public computer, a kiosk, a room…",
  fields: (t) => ({
    kind: t.field({ type: SchedulingResourceKindEnum, required: true, description: "What it is (MACHINE, COMPUTER, KIOSK, ROOM…)." }),
    name: t.string({ required: true, description: "Name shown to the people who book it, e.g. « Imprimante 3D » (at most 120 characters).", validate: z.string().trim().min(1).max(120) }),
    description: t.string({ description: "What it is, for the people who book it (at most 1000 characters).", validate: z.string().trim().max(1000) }),
    placeId: t.globalID({ required: true, description: "Its home place.", validate: placeGlobalId }),
  }),
});

builder.mutationField("createSchedulingResource", (t) =>
  t.field({
    nullable: true,
    type: resourceSuccess("CreateSchedulingResourceSuccess", "The resource exists; give it weekly rules (setAvailabilityRules) to open slots."),
    authScopes: { anyRole: schedulingRoles },
    errors: { types: [NotFoundError, ForbiddenError, BadUserInputError] },
    description: "Adds a bookable resource at a place (agents of the kind's role covering the place's commune). It offers no slot until it has weekly rules.",
    args: { input: t.arg({ type: CreateSchedulingResourceInput, required: true, description: "The resource." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const resource = await createResource(tx, ctx.viewer, { kind: input.kind, name: input.name, description: input.description, placeId: input.placeId.id });
        journal.targetIds.push(resource.id);
        return { resourceId: resource.id };
      }),
  }),
);

const RetireSchedulingResourceInput = builder.inputType("RetireSchedulingResourceInput", {
  description: "A resource to take out of service.",
  fields: (t) => ({ resourceId: t.globalID({ required: true, for: [SchedulingResourceRef], description: "The resource." }) }),
});

builder.mutationField("retireSchedulingResource", (t) =>
  t.field({
    nullable: true,
    type: resourceSuccess("RetireSchedulingResourceSuccess", "The resource is out of service: it keeps its history and offers no slot."),
    authScopes: { anyRole: schedulingRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    description:
      "Takes a resource out of service (agents of the kind's role covering the resource's commune). ConflictError while bookings to come are held or confirmed on it. Retiring twice changes nothing.",
    args: { input: t.arg({ type: RetireSchedulingResourceInput, required: true, description: "The resource." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const resourceId = input.resourceId.id;
        journal.targetIds.push(resourceId);
        await retireResource(tx, ctx.viewer, resourceId);
        return { resourceId };
      }),
  }),
);
