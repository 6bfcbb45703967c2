/** WaitlistEntry, WaitlistStatus, Query.myWaitlistEntries, Mutation.joinWaitlist, Mutation.leaveWaitlist */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import type { WaitlistStatus } from "../../generated/prisma/client.js";
import { runMutation } from "../../mutation.js";
import { ResidentRef } from "../identity/resident.schema.js";
import { AppointmentTypeRef } from "./appointment-type.schema.js";
import { BookingRef } from "./booking.schema.js";
import { canViewBooking, canViewWaitlistEntry, schedulingRoles } from "./booking.policy.js";
import { joinWaitlistFor, leaveWaitlistFor } from "./booking.service.js";
import { SchedulingResourceRef } from "./scheduling-resource.schema.js";

const WaitlistStatusEnum = builder.enumType("WaitlistStatus", {
  description: "Where a place on a waiting list stands.",
  values: {
    WAITING: { description: "Waiting for a slot to free up." },
    OFFERED: { description: "A freed slot is held for the person (see offer): confirm it with confirmBooking before it runs out." },
    BOOKED: { description: "The offer was confirmed." },
    LAPSED: { description: "The offer ran out or was declined." },
    CANCELLED: { description: "The person left the waiting list." },
  } as const satisfies Record<WaitlistStatus, unknown>,
});

export const WaitlistEntryRef = builder.prismaNode("WaitlistEntry", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description:
    "A person waiting for an appointment between two instants: when a matching booking is cancelled, the first in line gets the slot as a hold. Visible to the person and to agents serving their commune (never to partners).",
  select: { id: true, residentId: true, resident: { select: { id: true, communeId: true } }, appointmentType: { select: { resourceKind: true } } },
  authScopes: (entry, ctx) => (canViewWaitlistEntry(ctx.viewer, entry) ? true : { $granted: "self" }),
  fields: (t) => ({
    status: t.expose("status", { type: WaitlistStatusEnum, description: "Where the entry stands." }),
    appointmentType: t.relation("appointmentType", { description: "The appointment wanted." }),
    resource: t.relation("resource", { nullable: true, description: "The resource wanted; null: any resource offering the type." }),
    wantedFrom: t.expose("wantedFrom", { type: "DateTime", description: "The slot must start at or after this instant." }),
    wantedUntil: t.expose("wantedUntil", { type: "DateTime", description: "The slot must end by this instant." }),
    resident: t.field({
      type: ResidentRef,
      description: "The person waiting.",
      select: { resident: true },
      resolve: (entry) => entry.resident,
    }),
    offer: t.field({
      type: BookingRef,
      nullable: true,
      description: "For an OFFERED entry: the HELD booking kept for the person, to confirm before its holdExpiresAt.",
      select: { offerBooking: { include: { resource: true, place: true } } },
      resolve: (entry, _args, ctx) => (entry.offerBooking && canViewBooking(ctx.viewer, entry.offerBooking) ? entry.offerBooking : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the person joined: the order of the waiting list." }),
  }),
});

builder.queryField("myWaitlistEntries", (t) =>
  t.prismaField({
    type: ["WaitlistEntry"],
    authScopes: { resident: true },
    description: "The resident's waiting-list entries still waiting or offered, then the last 50 others, newest first.",
    resolve: async (query, _root, _args, ctx) => {
      const residentId = ctx.viewer.kind === "resident" ? ctx.viewer.residentId : "";
      const [open, closed] = await Promise.all([
        ctx.prisma.waitlistEntry.findMany({ ...query, where: { residentId, status: { in: ["WAITING", "OFFERED"] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
        ctx.prisma.waitlistEntry.findMany({
          ...query,
          where: { residentId, status: { notIn: ["WAITING", "OFFERED"] } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 50,
        }),
      ]);
      return [...open, ...closed];
    },
  }),
);

const entrySuccess = (name: string, description: string, field: string) =>
  builder.objectRef<{ entryId: string }>(name).implement({
    description,
    fields: (f) => ({
      entry: f.prismaField({
        type: "WaitlistEntry",
        description: field,
        resolve: (query, payload, _args, ctx) => ctx.prisma.waitlistEntry.findUniqueOrThrow({ ...query, where: { id: payload.entryId } }),
      }),
    }),
  });

const JoinWaitlistInput = builder.inputType("JoinWaitlistInput", {
  description: "The appointment a person waits for, and when they could come.",
  fields: (t) => ({
    appointmentTypeId: t.globalID({ required: true, for: [AppointmentTypeRef], description: "The appointment type." }),
    resourceId: t.globalID({ for: [SchedulingResourceRef], description: "Only this resource; absent: any resource offering the type." }),
    wantedFrom: t.field({ type: "DateTime", required: true, description: "The slot must start at or after this instant." }),
    wantedUntil: t.field({ type: "DateTime", required: true, description: "The slot must end by this instant, after wantedFrom." }),
    residentId: t.globalID({ for: [ResidentRef], description: "The person waiting: required for an agent acting on a resident's behalf; omitted by a resident." }),
  }),
  validate: z
    .looseObject({ wantedFrom: z.date(), wantedUntil: z.date() })
    .refine((input) => input.wantedFrom.getTime() < input.wantedUntil.getTime(), { message: "must be after wantedFrom", path: ["wantedUntil"] }),
});

builder.mutationField("joinWaitlist", (t) =>
  t.field({
    nullable: true,
    type: entrySuccess("JoinWaitlistSuccess", "The person is on the waiting list.", "The WAITING entry."),
    authScopes: { resident: true, anyRole: schedulingRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError, BadUserInputError] },
    description: "Puts a resident on the waiting list of an appointment type: by the resident, or by an agent of the kind's role on the resident's behalf.",
    args: { input: t.arg({ type: JoinWaitlistInput, required: true, description: "What is wanted." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const { entry, onBehalfOfResidentId } = await joinWaitlistFor(tx, ctx.viewer, {
          appointmentTypeId: input.appointmentTypeId.id,
          resourceId: input.resourceId?.id,
          wantedFrom: input.wantedFrom,
          wantedUntil: input.wantedUntil,
          residentId: input.residentId?.id,
        });
        journal.targetIds.push(entry.id);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { entryId: entry.id };
      }),
  }),
);

const LeaveWaitlistInput = builder.inputType("LeaveWaitlistInput", {
  description: "A waiting-list entry to withdraw.",
  fields: (t) => ({ entryId: t.globalID({ required: true, for: [WaitlistEntryRef], description: "The entry." }) }),
});

builder.mutationField("leaveWaitlist", (t) =>
  t.field({
    nullable: true,
    type: entrySuccess("LeaveWaitlistSuccess", "The person left the waiting list.", "The CANCELLED entry."),
    authScopes: { resident: true, anyRole: schedulingRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    description: "Takes a person off a waiting list (an offer they held passes to the next person): by the resident, or by an agent on their behalf.",
    args: { input: t.arg({ type: LeaveWaitlistInput, required: true, description: "The entry." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const entryId = input.entryId.id;
        journal.targetIds.push(entryId);
        const { entry, onBehalfOfResidentId } = await leaveWaitlistFor(tx, ctx.viewer, entryId);
        journal.onBehalfOfResidentId = onBehalfOfResidentId;
        return { entryId: entry.id };
      }),
  }),
);
