/**
 * Opens the one database of the platform. DATABASE_URL picks the driver at run time:
 * - unset or a directory path → embedded PGlite (Postgres compiled to Wasm, in-process), default <repo>/.data/pglite;
 * - `memory://`                → PGlite in memory (tests, throwaway runs);
 * - `postgres://…`             → PostgreSQL through @prisma/adapter-pg (production, several API instances).
 * Same schema, same migrations, same constraints on both.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrateDeploy } from "./migrations.js";
import { createPgliteAdapterFactory, createPostgresAdapterFactory, openPglite } from "./adapter-fixes.js";

export const defaultDatabaseUrl = fileURLToPath(new URL("../../../.data/pglite", import.meta.url));

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** The driver adapter factory: what the schema engine needs to migrate this database. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Resolves when the database answers a query; rejects with the driver's reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  url?: string;
  /** Apply committed migrations before returning (`migrate deploy` semantics). */
  migrate?: boolean;
  /** Called with every SQL statement the Prisma client sends (tests count statements with it). */
  onQuery?: (sql: string) => void;
  /** For PGlite: an existing PGlite instance (e.g. loaded from a dump) instead of opening `url`. */
  pglite?: PGlite;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL ?? defaultDatabaseUrl;
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver = async () => {};
  let kind: DatabaseKind;
  if (!options.pglite && isPostgresUrl(url)) {
    adapterFactory = createPostgresAdapterFactory(url);
    kind = "postgres";
  } else {
    let client = options.pglite;
    if (!client) {
      if (!url.startsWith("memory://")) fs.mkdirSync(url, { recursive: true });
      client = openPglite(url);
    }
    const pglite = client;
    adapterFactory = createPgliteAdapterFactory(pglite);
    closeDriver = () => pglite.close();
    kind = "pglite";
  }
  try {
    if (options.migrate) await migrateDeploy(adapterFactory);
  } catch (error) {
    await closeDriver();
    throw error;
  }
  const prisma = new PrismaClient({
    adapter: adapterFactory,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as unknown as { $on(e: "query", cb: (event: { query: string }) => void): void }).$on("query", (event) =>
      onQuery(event.query),
    );
  }
  return {
    prisma,
    kind,
    adapterFactory,
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
