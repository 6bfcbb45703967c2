/** Slot, SlotSearchInput, Query.availableSlots */
import { z } from "zod";
import { builder } from "../../builder.js";
import { searchSlots, type FoundSlot } from "../../scheduling/index.js";
import { placeGlobalId } from "../territory/index.js";
import { AppointmentTypeRef } from "./appointment-type.schema.js";
import { schedulingReaders, SchedulingResourceRef } from "./scheduling-resource.schema.js";

export const maxSlotWindowDays = 31;
export const maxSlots = 200;
const defaultSlots = 50;
const msPerDay = 86_400_000;

const SlotRef = builder.objectRef<FoundSlot>("Slot").implement({
  description: "A free start time of a resource: bookable now with holdSlot (nothing personal in it).",
  fields: (t) => ({
    startsAt: t.expose("startsAt", { type: "DateTime", description: "Start of the appointment." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "End of the appointment (buffers not included)." }),
    // findUnique calls made in the same tick are batched by Prisma into one query per selection.
    resource: t.prismaField({
      type: "SchedulingResource",
      description: "The resource to book.",
      resolve: (query, slot, _args, ctx) => ctx.prisma.schedulingResource.findUniqueOrThrow({ ...query, where: { id: slot.resourceId } }),
    }),
    place: t.prismaField({
      type: "Place",
      description: "Where the appointment takes place (where the resource is that day).",
      resolve: (query, slot, _args, ctx) => ctx.prisma.place.findUniqueOrThrow({ ...query, where: { id: slot.placeId } }),
    }),
  }),
});

const SlotSearchInput = builder.inputType("SlotSearchInput", {
  description: `Which free slots to look for: one appointment type, in a window of at most ${maxSlotWindowDays} days.`,
  fields: (t) => ({
    appointmentTypeId: t.globalID({ required: true, for: [AppointmentTypeRef], description: "The appointment type." }),
    resourceIds: t.globalIDList({
      for: [SchedulingResourceRef],
      description: "Any of these resources; omitted or empty: every resource offering the type.",
      validate: z.array(z.unknown()).max(100),
    }),
    placeIds: t.globalIDList({
      description: "Only slots at any of these places; omitted or empty: anywhere.",
      validate: z.array(placeGlobalId).max(100),
    }),
    communeInseeCodes: t.stringList({
      description: "Only slots at places in any of these communes (INSEE codes); omitted or empty: anywhere.",
      validate: z.array(z.string().regex(/^(\d{2}|2[AB])\d{3}$/, "must be an INSEE code")).max(100),
    }),
    from: t.field({ type: "DateTime", required: true, description: "Slots starting at or after this instant." }),
    to: t.field({ type: "DateTime", required: true, description: `Slots starting before this instant, at most ${maxSlotWindowDays} days after \`from\`.` }),
    first: t.int({ description: `Return the earliest slots only, at most this many (default ${defaultSlots}, at most ${maxSlots}).`, validate: z.number().int().min(1).max(maxSlots) }),
  }),
  validate: z
    .looseObject({ from: z.date(), to: z.date() })
    .refine((input) => input.from.getTime() < input.to.getTime(), { message: "`to` must be after `from`", path: ["to"] })
    .refine((input) => input.to.getTime() - input.from.getTime() <= maxSlotWindowDays * msPerDay, {
      message: `the window may not exceed ${maxSlotWindowDays} days`,
      path: ["to"],
    }),
});

/** Empty filter lists mean "no filter" for callers (a screen with nothing ticked). */
const nonEmpty = <T>(list: readonly T[] | null | undefined) => (list && list.length ? list : undefined);

builder.queryField("availableSlots", (t) =>
  t.field({
    type: [SlotRef],
    authScopes: schedulingReaders,
    description: "Free slots of an appointment type across resources and places, by start then resource. NotFound for an unknown type.",
    complexity: (args) => ({ field: 5, multiplier: args.input.first ?? defaultSlots }),
    args: { input: t.arg({ type: SlotSearchInput, required: true, description: "What to look for." }) },
    resolve: async (_root, { input }, ctx) => {
      const inseeCodes = nonEmpty(input.communeInseeCodes);
      const communeIds = inseeCodes
        ? (await ctx.prisma.commune.findMany({ where: { inseeCode: { in: [...inseeCodes] } }, select: { id: true } })).map((c) => c.id)
        : undefined;
      return searchSlots(ctx.prisma, {
        appointmentTypeId: input.appointmentTypeId.id,
        resourceIds: nonEmpty(input.resourceIds)?.map((r) => r.id),
        placeIds: nonEmpty(input.placeIds)?.map((p) => p.id),
        communeIds,
        from: input.from,
        to: input.to,
        limit: input.first ?? defaultSlots,
      });
    },
  }),
);
