/**
 * Test databases: migrated, with the CAPL territory and the demo data loaded, one per call, isolated.
 * - Default: PGlite. Migrating and seeding a fresh PGlite takes seconds, so it is done once per set of
 *   migrations and seed sources, dumped to the OS temp dir, and each test database is loaded from that dump.
 * - TEST_POSTGRES_URL=postgres://…/base: each call creates a fresh PostgreSQL database next to `base`,
 *   migrates and seeds it, and close() drops it. The same tests then prove the production path.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type Database, type OpenDatabaseOptions } from "../db/database.js";
import { pgliteExtensions } from "../db/adapter-fixes.js";
import { seedIfEmpty } from "../../prisma/seed/index.js";

const apiRoot = fileURLToPath(new URL("../../", import.meta.url));

export type TestDatabaseOptions = Pick<OpenDatabaseOptions, "onQuery"> & {
  /** Load the territory and demo data (default true). */
  seed?: boolean;
};

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.TEST_POSTGRES_URL ? "postgres" : "pglite";
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const seed = options.seed ?? true;
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  if (postgresUrl) return createPostgresTestDatabase(postgresUrl, seed, options);
  const dump = await pgliteDump(seed);
  const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: pgliteExtensions });
  return openDatabase({ pglite: client, onQuery: options.onQuery });
}

/** Fingerprint of everything that shapes a fresh database: a change to any of it rebuilds the dump. */
function sourcesFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && !e.name.endsWith(".test.ts"))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  for (const file of ["prisma", "src/db", "src/lib", "src/modules/identity", "src/modules/partners"].flatMap((dir) => files(path.join(apiRoot, dir)))) {
    hash.update(file).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

const dumps = new Map<boolean, Promise<Buffer>>();

function pgliteDump(seed: boolean): Promise<Buffer> {
  let dump = dumps.get(seed);
  if (!dump) {
    dump = buildOrReadDump(seed);
    dumps.set(seed, dump);
  }
  return dump;
}

async function buildOrReadDump(seed: boolean): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `couronne-test-db-${sourcesFingerprint()}-${seed ? "seeded" : "empty"}.tgz`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const client = await PGlite.create("memory://", { extensions: pgliteExtensions });
  const db = await openDatabase({ pglite: client, migrate: true });
  if (seed) await seedIfEmpty(db.prisma, { demo: true });
  await db.prisma.$disconnect();
  const dump = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
  await client.close();
  // Written under a unique name then renamed: parallel test workers never read a half-written dump.
  const partial = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(partial, dump);
  fs.renameSync(partial, file);
  return dump;
}

async function createPostgresTestDatabase(baseUrl: string, seed: boolean, options: TestDatabaseOptions): Promise<Database> {
  const name = `couronne_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: baseUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  let db: Database;
  try {
    db = await openDatabase({ url: url.toString(), migrate: true, onQuery: options.onQuery });
  } catch (error) {
    await drop();
    throw error;
  }
  try {
    if (seed) await seedIfEmpty(db.prisma, { demo: true });
  } catch (error) {
    await db.close();
    await drop();
    throw error;
  }
  return {
    ...db,
    async close() {
      await db.close();
      await drop();
    },
  };
}
