/** Course, TrainingTheme, TrainingLevel, TrainingAudience, CourseFilter, Query.courses, Mutation.createCourse, updateCourse, archiveCourse */
import { z } from "zod";
import { builder } from "../../builder.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import type { Prisma, PrismaClient, TrainingAudience, TrainingLevel, TrainingTheme } from "../../generated/prisma/client.js";
import { runMutation } from "../../mutation.js";
import { archiveCourse, courseIdsMatching, createCourse, updateCourse } from "./course.service.js";
import { trainingReaders, trainingWriters } from "./training-session.policy.js";

export const TrainingThemeEnum = builder.enumType("TrainingTheme", {
  description: "What a course teaches.",
  values: {
    COMPUTER_BASICS: { description: "First steps on a computer: mouse, keyboard, files." },
    SMARTPHONE: { description: "Using a smartphone or a tablet." },
    EMAIL: { description: "E-mail: an address, writing, attachments." },
    ONLINE_PROCEDURES: { description: "Online administrative procedures (CAF, taxes, health, employment…)." },
    ONLINE_SAFETY: { description: "Staying safe online: passwords, scams, personal data." },
    OFFICE_TOOLS: { description: "Office and collaborative tools: word processing, spreadsheets, shared documents." },
    SOCIAL_NETWORKS: { description: "Social networks." },
    ECOMMERCE_VISIBILITY: { description: "Selling online and being found online (search engines, maps), for artisans and shopkeepers." },
    ARTIFICIAL_INTELLIGENCE: { description: "Understanding and using artificial intelligence tools." },
    DIGITAL_FABRICATION: { description: "Digital fabrication: 3D printing, laser cutting (fab lab)." },
  } as const satisfies Record<TrainingTheme, unknown>,
});

export const TrainingLevelEnum = builder.enumType("TrainingLevel", {
  description: "How much a learner should already know.",
  values: {
    BEGINNER: { description: "No prior knowledge needed." },
    INTERMEDIATE: { description: "For people who already use the basics." },
    ADVANCED: { description: "For confident users." },
  } as const satisfies Record<TrainingLevel, unknown>,
});

export const TrainingAudienceEnum = builder.enumType("TrainingAudience", {
  description: "Whom a course is for.",
  values: {
    RESIDENTS: { description: "Residents of the territory." },
    BUSINESSES: { description: "Artisans, shopkeepers and small businesses." },
    AGENTS: { description: "Agents of the agglomeration and its communes." },
  } as const satisfies Record<TrainingAudience, unknown>,
});

export const CourseRef = builder.prismaNode("Course", {
  id: { field: "id" },
  // node(id) answers null for an id of no record, instead of failing.
  nullable: true,
  description: "A course of the training catalogue (digital inclusion); its sessions take place at places on dates. Public, and readable with read:training.",
  authScopes: trainingReaders,
  fields: (t) => ({
    title: t.exposeString("title", { description: "Title (in French), unique in the catalogue." }),
    description: t.exposeString("description", { description: "What the course is about, for learners (in French)." }),
    themes: t.expose("themes", { type: [TrainingThemeEnum], description: "What it teaches (at least one)." }),
    level: t.expose("level", { type: TrainingLevelEnum, description: "Level expected of learners." }),
    audience: t.expose("audience", { type: TrainingAudienceEnum, description: "Whom it is for." }),
    durationMinutes: t.exposeInt("durationMinutes", { description: "Length of one session, in minutes." }),
    isArchived: t.boolean({ description: "True when the course is archived: it takes no new session.", resolve: (course) => course.archivedAt !== null }),
    sessions: t.relatedConnection(
      "sessions",
      {
        cursor: "id",
        totalCount: true,
        description: "Its sessions that are not cancelled, by start: those to come, or all with includePast.",
        args: {
          includePast: t.arg.boolean({ defaultValue: false, description: "Also list sessions that have already started." }),
        },
        query: (args) => ({
          where: { groupSession: { cancelledAt: null, ...(args.includePast ? {} : { startsAt: { gte: new Date() } }) } },
          orderBy: [{ groupSession: { startsAt: "asc" } }, { id: "asc" }],
        }),
      },
      { name: "CourseSessionsConnection", description: "A page of a course's sessions." },
      { name: "CourseSessionsEdge", description: "A session of the course and its cursor." },
    ),
  }),
});

const themes = z.array(z.string()).min(1, "must name at least one theme").max(10);
const title = z.string().trim().min(1).max(200);
const description = z.string().trim().min(1).max(5000);
/** A session lasts at most a day: longer trainings are several sessions. */
const durationMinutes = z.number().int().min(1).max(1440);

const CourseFilter = builder.inputType("CourseFilter", {
  description: "Conditions on courses; all given conditions must hold.",
  fields: (t) => ({
    themes: t.field({ type: [TrainingThemeEnum], description: "Courses teaching any of these themes.", validate: z.array(z.string()).max(10) }),
    audience: t.field({ type: TrainingAudienceEnum, description: "Only courses for this audience." }),
    level: t.field({ type: TrainingLevelEnum, description: "Only courses of this level." }),
    search: t.string({ description: "Words of the title or the description (case and accents ignored).", validate: z.string().max(200) }),
    includeArchived: t.boolean({ description: "Also list archived courses (default: false)." }),
  }),
});

interface CourseFilterShape {
  themes?: TrainingTheme[] | null;
  audience?: TrainingAudience | null;
  level?: TrainingLevel | null;
  search?: string | null;
  includeArchived?: boolean | null;
}

async function coursesWhere(prisma: PrismaClient, filter: CourseFilterShape | null | undefined): Promise<Prisma.CourseWhereInput> {
  const search = filter?.search?.trim();
  return {
    AND: [
      filter?.includeArchived ? {} : { archivedAt: null },
      filter?.themes?.length ? { themes: { hasSome: filter.themes } } : {},
      filter?.audience ? { audience: filter.audience } : {},
      filter?.level ? { level: filter.level } : {},
      search ? { id: { in: await courseIdsMatching(prisma, search) } } : {},
    ],
  };
}

builder.queryField("courses", (t) =>
  t.prismaConnection(
    {
      type: "Course",
      cursor: "id",
      authScopes: trainingReaders,
      description: "The training catalogue, by title: courses not archived (unless includeArchived), narrowed by the filter.",
      args: { filter: t.arg({ type: CourseFilter, required: false, description: "Narrow the list." }) },
      totalCount: async (_parent, args, ctx) => ctx.prisma.course.count({ where: await coursesWhere(ctx.prisma, args.filter) }),
      resolve: async (query, _parent, args, ctx) =>
        ctx.prisma.course.findMany({ ...query, where: await coursesWhere(ctx.prisma, args.filter), orderBy: [{ title: "asc" }, { id: "asc" }] }),
    },
    { description: "A page of courses." },
    { description: "A course and its cursor." },
  ),
);

const courseSuccess = (name: string, description: string, field: string) =>
  builder.objectRef<{ courseId: string }>(name).implement({
    description,
    fields: (f) => ({
      course: f.prismaField({
        type: "Course",
        description: field,
        resolve: (query, payload, _args, ctx) => ctx.prisma.course.findUniqueOrThrow({ ...query, where: { id: payload.courseId } }),
      }),
    }),
  });

const CreateCourseInput = builder.inputType("CreateCourseInput", {
  description: "A new course of the catalogue.",
  fields: (t) => ({
    title: t.string({ required: true, description: "Title (in French, at most 200 characters), unique in the catalogue whatever the case and accents.", validate: title }),
    description: t.string({ required: true, description: "What the course is about, for learners (at most 5000 characters).", validate: description }),
    themes: t.field({ type: [TrainingThemeEnum], required: true, description: "What it teaches: one to ten themes.", validate: themes }),
    level: t.field({ type: TrainingLevelEnum, required: true, description: "Level expected of learners." }),
    audience: t.field({ type: TrainingAudienceEnum, required: true, description: "Whom it is for." }),
    durationMinutes: t.int({ required: true, description: "Length of one session in minutes: 1 to 1440 (a day).", validate: durationMinutes }),
  }),
});

builder.mutationField("createCourse", (t) =>
  t.field({
    nullable: true,
    type: courseSuccess("CreateCourseSuccess", "The course is in the catalogue.", "The new course."),
    authScopes: trainingWriters,
    errors: { types: [ConflictError, BadUserInputError] },
    description: "Adds a course to the catalogue (training agents). ConflictError when another course has the same title.",
    args: { input: t.arg({ type: CreateCourseInput, required: true, description: "The course." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const course = await createCourse(tx, input);
        journal.targetIds.push(course.id);
        return { courseId: course.id };
      }),
  }),
);

const UpdateCourseInput = builder.inputType("UpdateCourseInput", {
  description: "Changes to a course; fields left out keep their value. Sessions already scheduled keep their times.",
  fields: (t) => ({
    courseId: t.globalID({ required: true, for: [CourseRef], description: "The course." }),
    title: t.string({ description: "New title, unique in the catalogue.", validate: title }),
    description: t.string({ description: "New description.", validate: description }),
    themes: t.field({ type: [TrainingThemeEnum], description: "New themes (one to ten).", validate: themes }),
    level: t.field({ type: TrainingLevelEnum, description: "New level." }),
    audience: t.field({ type: TrainingAudienceEnum, description: "New audience." }),
    durationMinutes: t.int({ description: "New length of one session (1 to 1440 minutes); sessions already scheduled are not changed.", validate: durationMinutes }),
  }),
});

builder.mutationField("updateCourse", (t) =>
  t.field({
    nullable: true,
    type: courseSuccess("UpdateCourseSuccess", "The course is changed.", "The course after the change."),
    authScopes: trainingWriters,
    errors: { types: [NotFoundError, ConflictError, BadUserInputError] },
    description: "Changes a course of the catalogue (training agents). ConflictError when the new title is another course's.",
    args: { input: t.arg({ type: UpdateCourseInput, required: true, description: "The course and its changes." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const courseId = input.courseId.id;
        journal.targetIds.push(courseId);
        // A field sent as null is left as it is, like a field left out: every field of a course is required.
        await updateCourse(tx, {
          courseId,
          title: input.title ?? undefined,
          description: input.description ?? undefined,
          themes: input.themes ?? undefined,
          level: input.level ?? undefined,
          audience: input.audience ?? undefined,
          durationMinutes: input.durationMinutes ?? undefined,
        });
        return { courseId };
      }),
  }),
);

const ArchiveCourseInput = builder.inputType("ArchiveCourseInput", {
  description: "A course to archive.",
  fields: (t) => ({ courseId: t.globalID({ required: true, for: [CourseRef], description: "The course." }) }),
});

builder.mutationField("archiveCourse", (t) =>
  t.field({
    nullable: true,
    type: courseSuccess("ArchiveCourseSuccess", "The course is archived.", "The archived course."),
    authScopes: trainingWriters,
    errors: { types: [NotFoundError] },
    description: "Archives a course (training agents): it leaves the catalogue and takes no new session; sessions already scheduled are kept.",
    args: { input: t.arg({ type: ArchiveCourseInput, required: true, description: "The course." }) },
    resolve: (_root, { input }, ctx, info) =>
      runMutation(ctx, info, async (tx, journal) => {
        const courseId = input.courseId.id;
        journal.targetIds.push(courseId);
        await archiveCourse(tx, courseId);
        return { courseId };
      }),
  }),
);
