/**
 * Offline Prisma migrations: the schema engine compiled to WebAssembly (@prisma/schema-engine-wasm),
 * driven through a Prisma driver adapter. Prisma's CLI would download a native engine, which this
 * project's machines cannot reach. Same `_prisma_migrations` table and semantics as `prisma migrate`.
 *
 * Relies on internal, unversioned engine APIs: keep every Prisma pin exact, and keep the tests in
 * migrations.test.ts (diff prints no change; a broken migration fails deploy).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

const apiRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

export const defaultMigrationPaths: MigrationPaths = {
  schemaPath: path.join(apiRoot, "prisma/schema.prisma"),
  migrationsDir: path.join(apiRoot, "prisma/migrations"),
};

const filters = { externalTables: [], externalEnums: [] };

/* The wasm-bindgen glue has no useful types, and Node's WebAssembly global has none in our libs: the part we call. */
type WasmExports = Record<string, unknown>;
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: WasmExports };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface EngineGlue {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: { new: (config: unknown, log: (msg: string) => void, adapter: unknown) => Promise<EngineInstance> };
  [key: string]: unknown;
}
interface EngineInstance {
  free(): void;
  [method: string]: unknown;
}

let gluePromise: Promise<EngineGlue> | undefined;

function loadEngine(): Promise<EngineGlue> {
  gluePromise ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: "",
      set_message(this: { message: string }, m: string) {
        this.message = `RuntimeError: ${m}`;
      },
    };
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg" as string)) as EngineGlue;
    const glueFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const module = new wasm.Module(await fs.readFile(path.join(path.dirname(glueFile), "schema_engine_bg.wasm")));
    // The engine's timers (e.g. a 10 s advisory-lock timeout) are never cleared: unref them so the
    // process can exit once migrations are done.
    const imports: Record<string, unknown> = { ...glue };
    for (const name of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (fn: () => void, ms: number) => setTimeout(fn, ms >>> 0).unref();
    }
    const instance = new wasm.Instance(module, { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return gluePromise;
}

interface OpenEngine {
  datamodel: { files: { path: string; content: string }[] };
  call<T>(method: string, input: unknown): Promise<T>;
  free(): Promise<void>;
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory, paths: MigrationPaths): Promise<OpenEngine> {
  const glue = await loadEngine();
  const files = [{ path: paths.schemaPath, content: await fs.readFile(paths.schemaPath, "utf8") }];
  // Track the connections the engine opens so free() can dispose them (a pg pool would keep the process alive).
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracked);
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  // Driver errors are kept in a registry and referenced as "External error id#N" in engine errors.
  const explain = (error: unknown): Error => {
    const e = error instanceof Error ? error : new Error(String(error));
    for (const [, id] of e.message.matchAll(/External error id#(\d+)/g)) {
      const record = bound.errorRegistry.consumeError(Number(id));
      if (record) e.message += `\n  caused by driver error #${id}: ${JSON.stringify(record.error)}`;
    }
    return e;
  };
  let engine: EngineInstance;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, log, bound);
  } catch (e) {
    throw explain(e);
  }
  return {
    datamodel: { files },
    async call<T>(method: string, input: unknown) {
      try {
        return (await (engine[method] as (i: unknown) => Promise<T>).call(engine, input)) as T;
      } catch (e) {
        throw explain(e);
      }
    },
    async free() {
      engine.free();
      await Promise.all(opened.map((a) => a.dispose()));
    },
  };
}

async function listMigrations(migrationsDir: string) {
  const lockfile = {
    path: "migration_lock.toml",
    content: await fs.readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null),
  };
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const dir of entries.filter((e) => e.isDirectory())) {
    const content = await fs.readFile(path.join(migrationsDir, dir.name, "migration.sql"), "utf8").then(
      (value) => ({ tag: "ok", value }),
      (e: Error) => ({ tag: "error", value: e.message }),
    );
    migrationDirectories.push({ path: dir.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile, migrationDirectories, shadowDbInitScript: "" };
}

/** `prisma migrate deploy`: applies pending committed migrations; returns the names applied. */
export async function migrateDeploy(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<string[]> {
  const engine = await openEngine(factory, paths);
  try {
    const out = await engine.call<{ appliedMigrationNames: string[] }>("applyMigrations", {
      migrationsList: await listMigrations(paths.migrationsDir),
      filters,
    });
    return out.appliedMigrationNames;
  } finally {
    await engine.free();
  }
}

/** SQL still missing between the committed migrations (replayed on a shadow database) and schema.prisma; null when none. */
export async function migrateDiff(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<string | null> {
  const engine = await openEngine(factory, paths);
  try {
    const list = await listMigrations(paths.migrationsDir);
    const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };
    const result = await engine.call<{ exitCode: number; stdout: string }>("diff", {
      from,
      to: { tag: "schemaDatamodel", ...engine.datamodel },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 0 ? null : result.stdout;
  } finally {
    await engine.free();
  }
}

/** `prisma migrate dev --create-only --name NAME`: writes the missing SQL as a new migration, applies nothing. */
export async function migrateCreate(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<string | null> {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`Migration name must be letters, digits and underscores: ${name}`);
  const sql = await migrateDiff(factory, paths);
  if (sql === null) return null;
  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(paths.migrationsDir, `${timestamp}_${name}`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "migration.sql"), sql);
  await fs.writeFile(
    path.join(paths.migrationsDir, "migration_lock.toml"),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}

/** What the engine knows of the database's migration history (pending, failed, edited migrations). */
export async function migrateStatus(
  factory: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultMigrationPaths,
): Promise<unknown> {
  const engine = await openEngine(factory, paths);
  try {
    return await engine.call("diagnoseMigrationHistory", {
      migrationsList: await listMigrations(paths.migrationsDir),
      optInToShadowDatabase: false,
      filters,
    });
  } finally {
    await engine.free();
  }
}
