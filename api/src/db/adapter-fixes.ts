/**
 * The one place where the Prisma driver adapters' defects are worked around (proved by
 * migrations.test.ts; the defects are upstream and may come back with any upgrade).
 *
 * pglite-prisma-adapter 0.7.2:
 * - `executeScript()` does not await `PGlite.exec()`, so a failing migration.sql was recorded in
 *   `_prisma_migrations` as applied while nothing of it ran;
 * - `connectToShadowDb()` opens a PGlite without extensions, so replaying a migration that runs
 *   `CREATE EXTENSION btree_gist` fails there and `diff` proposes to re-create every table.
 * @prisma/adapter-pg 7.10.1:
 * - `executeScript()` splits the script on every `;`, which cuts a dollar-quoted function body (the
 *   audit journal's append-only trigger) and fails with "unterminated dollar-quoted string".
 */
import { PGlite, type Extensions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Extensions the migrations may CREATE: PGlite loads an extension only when given at construction. */
export const pgliteExtensions: Extensions = { btree_gist };

export function openPglite(dataDir: string): PGlite {
  return new PGlite(dataDir, { extensions: pgliteExtensions });
}

type Connected = Awaited<ReturnType<PrismaPGlite["connect"]>>;

function awaitScripts(adapter: Connected, client: PGlite): Connected {
  adapter.executeScript = async (script: string) => {
    await client.exec(script);
  };
  return adapter;
}

/** A Prisma driver-adapter factory over `client`, with both defects fixed. */
export function createPgliteAdapterFactory(client: PGlite): PrismaPGlite {
  const factory = new PrismaPGlite(client);
  factory.connect = async () => awaitScripts(await new PrismaPGlite(client).connect(), client);
  factory.connectToShadowDb = async () => {
    const shadow = openPglite("memory://");
    return awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
  };
  return factory;
}

type PgConnected = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * A @prisma/adapter-pg factory whose scripts run whole, in one simple query (PostgreSQL's own parser
 * splits the statements, dollar quotes included). `underlying` is the adapter's pg client.
 */
export function createPostgresAdapterFactory(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: PgConnected = await connect();
    const client = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client;
    adapter.executeScript = async (script: string) => {
      await client.query(script);
    };
    return adapter;
  };
  return factory;
}
