/**
 * The API's configuration, read once from environment variables with safe local defaults.
 * A bad value stops the start with a message naming the variable, rather than failing later.
 */
import { z } from "zod";
import type { Role } from "./generated/prisma/client.js";
import { defaultOperationLimits, type PlatformSettings } from "./platform.js";

export type NodeEnv = "development" | "test" | "production";

export interface ConsoleModule {
  /** Stable identifier, used in URLs and role names. */
  id: string;
  /** Module Federation name of the remote (e.g. mfe_portal). */
  name: string;
  /** French title shown in the console navigation. */
  title: string;
  /** Name of the module's icon in the ui kit. */
  icon: string;
  /** The role an agent needs to open the module. */
  role: Role;
  /** Route of the module inside the console. */
  route: string;
  /** URL of the remote's mf-manifest.json. */
  entry: string;
  /** Exposed module to load from the remote. */
  exposedModule: string;
}

export interface Config {
  host: string;
  port: number;
  nodeEnv: NodeEnv;
  logLevel: string;
  /** Unset: embedded PGlite in <repo>/.data/pglite (decided by openDatabase). */
  databaseUrl?: string;
  /** Largest accepted request body, in the `bytes` package syntax (e.g. 1mb). */
  bodyLimit: string;
  consoleModules: ConsoleModule[];
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (express `trust proxy`). */
  trustProxy: boolean;
  /** Seconds between two sweeps of the booking engine's expiries (holds, waiting-list and seat offers); 0 = none. */
  schedulingSweepSeconds: number;
  platform: PlatformSettings;
}

const consoleModuleDefaults = [
  { id: "portal", name: "mfe_portal", title: "Portail famille", icon: "family", role: "PORTAL", route: "/portail", envVar: "MFE_PORTAL_ENTRY", port: 4101 },
  { id: "intranet", name: "mfe_intranet", title: "Intranet", icon: "intranet", role: "INTRANET", route: "/intranet", envVar: "MFE_INTRANET_ENTRY", port: 4102 },
  { id: "training", name: "mfe_training", title: "Inclusion numérique", icon: "training", role: "TRAINING", route: "/formations", envVar: "MFE_TRAINING_ENTRY", port: 4103 },
  { id: "telehealth", name: "mfe_telehealth", title: "Télésanté", icon: "telehealth", role: "TELEHEALTH", route: "/telesante", envVar: "MFE_TELEHEALTH_ENTRY", port: 4104 },
] as const;

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(4000),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z
    .string()
    .min(1)
    .refine((url) => !url.includes("://") || /^(postgres(ql)?|memory):\/\//.test(url), {
      error: "must be postgres://…, memory:// or a directory path",
    })
    .optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, "must be a size such as 100kb or 1mb")
    .default("1mb"),
  SESSION_TTL_MINUTES: z.coerce.number({ error: "must be a number" }).int().min(5).max(30 * 24 * 60).default(12 * 60),
  COST_BUDGET_STORE: z.enum(["memory", "database"]).default("memory"),
  MAX_QUERY_COST: z.coerce.number({ error: "must be a number" }).int().min(10).max(1_000_000).default(defaultOperationLimits.maxCost),
  EXECUTION_TIMEOUT_MS: z.coerce.number({ error: "must be a number" }).int().min(100).max(600_000).default(defaultOperationLimits.executionTimeoutMs),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  // No default here: it depends on NODE_ENV (see loadConfig).
  SCHEDULING_SWEEP_SECONDS: z.coerce.number({ error: "must be a number" }).int("must be a whole number of seconds").min(0, "must be 0 (off) or more").max(86_400, "must be at most 86400 (a day)").optional(),
  ...Object.fromEntries(
    consoleModuleDefaults.map((module) => [module.envVar, httpUrl.default(`http://127.0.0.1:${module.port}/mf-manifest.json`)]),
  ),
});

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO= in a .env file) means "use the default", not "the empty string".
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const values = parsed.data as z.infer<typeof envSchema> & Record<string, string>;
  return {
    host: values.HOST,
    port: values.PORT,
    nodeEnv: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    ...(values.DATABASE_URL === undefined ? {} : { databaseUrl: values.DATABASE_URL }),
    bodyLimit: values.BODY_LIMIT,
    consoleModules: consoleModuleDefaults.map((module) => ({
      id: module.id,
      name: module.name,
      title: module.title,
      icon: module.icon,
      role: module.role,
      route: module.route,
      entry: values[module.envVar] as string,
      exposedModule: "./module",
    })),
    trustProxy: values.TRUST_PROXY === "true",
    // A test server runs no background job unless asked to: a sweep at a random moment would make tests flaky.
    schedulingSweepSeconds: values.SCHEDULING_SWEEP_SECONDS ?? (values.NODE_ENV === "test" ? 0 : 60),
    platform: {
      costBudgetStore: values.COST_BUDGET_STORE,
      sessionTtlMs: values.SESSION_TTL_MINUTES * 60_000,
      limits: { ...defaultOperationLimits, maxCost: values.MAX_QUERY_COST, executionTimeoutMs: values.EXECUTION_TIMEOUT_MS },
    },
  };
}
