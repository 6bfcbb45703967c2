/** AppointmentType, AppointmentModality, Query.appointmentTypes */
import { builder } from "../../builder.js";
import type { AppointmentModality } from "../../generated/prisma/client.js";
import { schedulingReaders, SchedulingResourceKindEnum } from "./scheduling-resource.schema.js";

const AppointmentModalityEnum = builder.enumType("AppointmentModality", {
  description: "How an appointment takes place.",
  values: {
    ON_SITE: { description: "At the place of the booking." },
    PHONE: { description: "By phone." },
    VIDEO: { description: "By video call." },
  } as const satisfies Record<AppointmentModality, unknown>,
});

export const AppointmentTypeRef = builder.prismaNode("AppointmentType", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "What is booked: its duration, the buffers kept free around it, how early and how far ahead it can be booked.",
  authScopes: schedulingReaders,
  fields: (t) => ({
    name: t.exposeString("name", { description: "Name shown to the people who book it (in French), e.g. « Aide aux démarches en ligne »." }),
    description: t.exposeString("description", { nullable: true, description: "What the person is told when booking (in French)." }),
    durationMinutes: t.exposeInt("durationMinutes", { description: "Length of the appointment." }),
    bufferBeforeMinutes: t.exposeInt("bufferBeforeMinutes", { description: "Time kept free on the resource before it." }),
    bufferAfterMinutes: t.exposeInt("bufferAfterMinutes", { description: "Time kept free on the resource after it." }),
    minimumNoticeMinutes: t.exposeInt("minimumNoticeMinutes", { description: "It cannot be booked less than this long before it starts." }),
    horizonDays: t.exposeInt("horizonDays", { description: "It cannot be booked more than this many days ahead." }),
    capacity: t.exposeInt("capacity", { description: "People per booking: 1 for an appointment; more for a group session (booked by enrolment)." }),
    modality: t.expose("modality", { type: AppointmentModalityEnum, description: "On site, by phone or by video." }),
    resourceKind: t.expose("resourceKind", { type: SchedulingResourceKindEnum, description: "The kind of resource it is booked on." }),
  }),
});

builder.queryField("appointmentTypes", (t) =>
  t.prismaField({
    type: ["AppointmentType"],
    authScopes: schedulingReaders,
    description: "Appointment types still offered, by name: all, or those booked on one kind of resource.",
    args: { resourceKind: t.arg({ type: SchedulingResourceKindEnum, description: "Only types booked on this kind of resource." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.appointmentType.findMany({
        ...query,
        where: { retiredAt: null, ...(args.resourceKind ? { resourceKind: args.resourceKind } : {}) },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
