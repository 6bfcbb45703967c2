/** Row counts of every table, to prove that a refused request changed nothing. */
import type { PrismaClient } from "../generated/prisma/client.js";

export type TableCounts = Record<string, number>;

/**
 * Rows in every table of the public schema except `ignored` (tables a refused request may legitimately
 * write to: the audit journal, login throttle, cost budgets, sessions).
 */
export async function countRows(prisma: PrismaClient, ignored: readonly string[] = []): Promise<TableCounts> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: TableCounts = {};
  for (const { table_name: table } of tables) {
    if (ignored.includes(table)) continue;
    const [row] = await prisma.$queryRawUnsafe<{ count: bigint | number }[]>(`SELECT count(*) AS count FROM "${table.replaceAll('"', '""')}"`);
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}

/** Tables a refused request may write to; every other table must stay as it was. */
export const journalTables = ["AuditEvent", "LoginThrottle", "CostBudget", "Session"] as const;
