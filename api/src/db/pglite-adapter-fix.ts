/**
 * The one place where pglite-prisma-adapter 0.7.2's defects are worked around
 * (proved by migrations.test.ts; the defects are upstream and may come back with any upgrade):
 * - `executeScript()` does not await `PGlite.exec()`, so a failing migration.sql was recorded in
 *   `_prisma_migrations` as applied while nothing of it ran;
 * - `connectToShadowDb()` opens a PGlite without extensions, so replaying a migration that runs
 *   `CREATE EXTENSION btree_gist` fails there and `diff` proposes to re-create every table.
 */
import { PGlite, type Extensions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
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
