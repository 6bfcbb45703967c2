import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./database.js";
import { createTestDatabase, testDatabaseKind } from "../testing/test-database.js";
import { defaultMigrationPaths, migrateDeploy } from "./migrations.js";

const opened: Database[] = [];
async function freshPglite(): Promise<Database> {
  const db = await openDatabase({ url: "memory://" });
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

// That the committed migrations match schema.prisma is the "migrations drift" step of npm test (npm run db:diff).
describe("committed migrations", () => {
  it("apply to an empty database once, then are a no-op", async () => {
    const db = await freshPglite();
    const first = await migrateDeploy(db.adapterFactory);
    expect(first.length).toBe(fs.readdirSync(defaultMigrationPaths.migrationsDir).filter((d) => /^\d{14}_/.test(d)).length);
    expect(await migrateDeploy(db.adapterFactory)).toEqual([]);
    expect(await db.prisma.commune.count()).toBe(0);
  });
});

describe("a broken migration (guards the pglite-prisma-adapter fix)", () => {
  it("makes deploy fail and is not recorded as applied", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "couronne-migrations-"));
    fs.cpSync(defaultMigrationPaths.migrationsDir, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29991231000000_broken"));
    fs.writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      'CREATE TABLE "Survivor" (id INT);\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n',
    );
    const db = await freshPglite();
    await expect(migrateDeploy(db.adapterFactory, { ...defaultMigrationPaths, migrationsDir: dir })).rejects.toThrow(/NoSuchTable/);
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.finished_at).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("migrations on the test database (PostgreSQL when TEST_POSTGRES_URL is set)", () => {
  it("install the audit journal's append-only trigger, a dollar-quoted function included", async () => {
    const db = await createTestDatabase({ seed: false });
    opened.push(db);
    const triggers = await db.prisma.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgname IN ('AuditEvent_append_only', 'AuditEvent_no_truncate') ORDER BY tgname`;
    expect(triggers.map((t) => t.tgname)).toEqual(["AuditEvent_append_only", "AuditEvent_no_truncate"]);
    expect(db.kind).toBe(testDatabaseKind());
  });
});
