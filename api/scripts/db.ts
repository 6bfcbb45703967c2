/**
 * npm run db:deploy | db:diff | db:migration:create -- NAME | db:status
 * deploy/status act on DATABASE_URL (default: the embedded PGlite in <repo>/.data/pglite).
 * diff/create always author against a throwaway in-memory PGlite: @prisma/adapter-pg 7.10.1 cannot
 * serve the schema describer, and authoring needs no real data.
 */
import path from "node:path";
import { openDatabase } from "../src/db/database.js";
import { migrateCreate, migrateDeploy, migrateDiff, migrateStatus } from "../src/db/migrations.js";

const usage = "usage: tsx scripts/db.ts <deploy | diff | create NAME | status>";

async function run(command: string | undefined, name: string | undefined): Promise<number> {
  const authoring = command === "diff" || command === "create";
  const db = await openDatabase(authoring ? { url: "memory://" } : {});
  try {
    switch (command) {
      case "deploy": {
        const applied = await migrateDeploy(db.adapterFactory);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
        return 0;
      }
      case "diff": {
        const sql = await migrateDiff(db.adapterFactory);
        process.stdout.write(sql ?? "-- no changes\n");
        return 0;
      }
      case "create": {
        if (!name) throw new Error(usage);
        const dir = await migrateCreate(db.adapterFactory, name);
        console.log(dir ? `Created ${path.relative(process.cwd(), dir)}/migration.sql` : "No schema changes, no migration created.");
        return 0;
      }
      case "status":
        console.log(JSON.stringify(await migrateStatus(db.adapterFactory), null, 2));
        return 0;
      default:
        throw new Error(usage);
    }
  } finally {
    await db.close();
  }
}

run(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("db failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
