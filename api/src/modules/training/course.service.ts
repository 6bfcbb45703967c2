/**
 * The course catalogue: creating, changing and archiving courses, and finding them by words of their
 * title or description whatever the case and accents. Archived courses stay (their sessions keep their
 * history) but take no new session.
 */
import { ConflictError, NotFoundError } from "../../errors.js";
import { Prisma, type TrainingAudience, type TrainingLevel, type TrainingTheme } from "../../generated/prisma/client.js";
import { foldForSearch } from "../../lib/search-text.js";
import type { Tx } from "../../mutation.js";

type Db = Pick<Tx, "$queryRaw">;

/**
 * `column` folded in SQL as foldForSearch folds the search words (lower case, no accents, one space for
 * blanks, apostrophes and hyphens). Spelt out letter by letter rather than with the unaccent extension,
 * which PGlite does not ship; upper-case letters are translated before lower(), which only folds ASCII
 * under the C locale.
 */
function foldedSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`trim(regexp_replace(lower(translate(replace(replace(replace(replace(${column}, 'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'),
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝŸýÿ',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYYyy')), '[[:space:]''’-]+', ' ', 'g'))`;
}

/** The search words folded the same way (ligatures spelt out, as the SQL side does). */
export function foldSearchWords(text: string): string {
  return foldForSearch(text).replace(/œ/g, "oe").replace(/æ/g, "ae");
}

/** Ids of the courses whose title or description contains `search` (case- and accent-insensitive). */
export async function courseIdsMatching(db: Db, search: string): Promise<string[]> {
  const words = foldSearchWords(search);
  const pattern = `%${words.replace(/[%_\\]/g, "\\$&")}%`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "Course"
    WHERE ${foldedSql(Prisma.sql`"title"`)} LIKE ${pattern} OR ${foldedSql(Prisma.sql`"description"`)} LIKE ${pattern}`;
  return rows.map((row) => row.id);
}

export interface CourseFields {
  title: string;
  description: string;
  themes: readonly TrainingTheme[];
  level: TrainingLevel;
  audience: TrainingAudience;
  durationMinutes: number;
}

/**
 * Two courses may not have the same title, even written with other capitals or accents ("Le courriel"
 * and "Le Courriel" would confuse every learner). The unique index on the exact title is the last word
 * when two creations race.
 */
async function assertTitleFree(tx: Tx, title: string, exceptId: string | null): Promise<void> {
  const rows = await tx.$queryRaw<{ title: string }[]>`
    SELECT "title" FROM "Course"
    WHERE ${foldedSql(Prisma.sql`"title"`)} = ${foldSearchWords(title)} ${exceptId ? Prisma.sql`AND "id" <> ${exceptId}::uuid` : Prisma.empty}
    LIMIT 1`;
  if (rows[0]) throw new ConflictError(`A course is already called « ${rows[0].title} »`);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function withTitleConflict<T>(title: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A course is already called « ${title} »`, { cause: error });
    throw error;
  }
}

export async function createCourse(tx: Tx, input: CourseFields) {
  await assertTitleFree(tx, input.title, null);
  return withTitleConflict(input.title, () => tx.course.create({ data: { ...input, themes: [...new Set(input.themes)] } }));
}

export type CourseChanges = Partial<CourseFields> & { courseId: string };

export async function updateCourse(tx: Tx, { courseId, ...changes }: CourseChanges) {
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { id: true } });
  if (!course) throw new NotFoundError("Course", courseId);
  if (changes.title !== undefined) await assertTitleFree(tx, changes.title, courseId);
  const data: Prisma.CourseUpdateInput = {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.themes !== undefined ? { themes: [...new Set(changes.themes)] } : {}),
    ...(changes.level !== undefined ? { level: changes.level } : {}),
    ...(changes.audience !== undefined ? { audience: changes.audience } : {}),
    ...(changes.durationMinutes !== undefined ? { durationMinutes: changes.durationMinutes } : {}),
  };
  return withTitleConflict(changes.title ?? "", () => tx.course.update({ where: { id: courseId }, data }));
}

/** Archiving twice keeps the first date. Sessions already scheduled are kept. */
export async function archiveCourse(tx: Tx, courseId: string, now = new Date()) {
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { archivedAt: true } });
  if (!course) throw new NotFoundError("Course", courseId);
  if (course.archivedAt) return tx.course.findUniqueOrThrow({ where: { id: courseId } });
  return tx.course.update({ where: { id: courseId }, data: { archivedAt: now } });
}
