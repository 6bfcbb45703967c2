/**
 * State and settings shared by every request of one API instance: the login throttle, the partners'
 * cost budgets and the operation limits. Built once from the configuration by createPlatformServices.
 */
import type { ConsoleModule } from "./config.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { LoginThrottle } from "./modules/identity/login-throttle.js";
import { DatabaseCostBudgetStore, MemoryCostBudgetStore, type CostBudgetStore } from "./modules/partners/cost-budget.js";

export interface OperationLimits {
  /** Deepest selection accepted (fields nested in fields). */
  maxDepth: number;
  /** Highest cost of one operation, whoever calls. */
  maxCost: number;
  /** Aliased fields in one operation (1,000 aliases of a cheap field would otherwise pass the cost limit). */
  maxAliases: number;
  /** Root mutation fields in one operation. */
  maxMutations: number;
  /** Operations in one batched HTTP request. */
  maxBatchSize: number;
  /** An operation still resolving fields after this is stopped with an error. */
  executionTimeoutMs: number;
}

export interface PlatformServices {
  /** The console's modules, where their remotes are served (from the configuration). */
  consoleModules: readonly ConsoleModule[];
  loginThrottle: LoginThrottle;
  costBudgets: CostBudgetStore;
  sessionTtlMs: number;
  limits: OperationLimits;
}

export const defaultOperationLimits: OperationLimits = {
  maxDepth: 12,
  maxCost: 5000,
  maxAliases: 100,
  maxMutations: 10,
  maxBatchSize: 10,
  executionTimeoutMs: 10_000,
};

export interface PlatformSettings {
  /** `database`: counters shared by several API instances; `memory`: one instance. */
  costBudgetStore: "memory" | "database";
  sessionTtlMs: number;
  limits: OperationLimits;
}

export function createPlatformServices(
  prisma: PrismaClient,
  settings: PlatformSettings,
  consoleModules: readonly ConsoleModule[] = [],
): PlatformServices {
  return {
    consoleModules,
    loginThrottle: new LoginThrottle(prisma),
    costBudgets: settings.costBudgetStore === "database" ? new DatabaseCostBudgetStore(prisma) : new MemoryCostBudgetStore(),
    sessionTtlMs: settings.sessionTtlMs,
    limits: settings.limits,
  };
}
