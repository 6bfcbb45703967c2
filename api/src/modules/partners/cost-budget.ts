/**
 * Query-cost budgets of partner API clients: token buckets that hold at most `capacity` points and refill
 * continuously at `refillPerSecond`. An operation is charged its computed cost before it runs and refused
 * when the bucket holds less. Two stores behind one interface: in memory for a single API instance, in the
 * database (PostgreSQL or PGlite) when several instances share the counters.
 */
import type { PrismaClient } from "../../generated/prisma/client.js";

export interface BudgetRule {
  capacity: number;
  refillPerSecond: number;
}

export interface BudgetCharge {
  allowed: boolean;
  /** Points left after this charge (or, when refused, what is available now). */
  remaining: number;
  /** Seconds until `cost` points are available again; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface CostBudgetStore {
  charge(clientId: string, cost: number, rule: BudgetRule): Promise<BudgetCharge>;
}

function settle(tokens: number, cost: number, rule: BudgetRule): BudgetCharge {
  if (cost <= tokens) return { allowed: true, remaining: tokens - cost, retryAfterSeconds: 0 };
  const missing = cost - tokens;
  const retryAfterSeconds = cost > rule.capacity || rule.refillPerSecond <= 0 ? Infinity : Math.ceil(missing / rule.refillPerSecond);
  return { allowed: false, remaining: tokens, retryAfterSeconds };
}

export class MemoryCostBudgetStore implements CostBudgetStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async charge(clientId: string, cost: number, rule: BudgetRule): Promise<BudgetCharge> {
    const now = this.now();
    const bucket = this.buckets.get(clientId) ?? { tokens: rule.capacity, at: now };
    const tokens = Math.min(rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * rule.refillPerSecond);
    const result = settle(tokens, cost, rule);
    this.buckets.set(clientId, { tokens: result.allowed ? result.remaining : tokens, at: now });
    return result;
  }
}

/**
 * Shared counter in the CostBudget table. Read under the row's lock (SELECT … FOR UPDATE) and written in
 * the same transaction, so concurrent requests on several instances never spend the same points twice.
 */
export class DatabaseCostBudgetStore implements CostBudgetStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async charge(clientId: string, cost: number, rule: BudgetRule): Promise<BudgetCharge> {
    return this.prisma.$transaction(async (tx) => {
      const now = this.now();
      await tx.$executeRaw`
        INSERT INTO "CostBudget" ("clientId", "tokens", "updatedAt") VALUES (${clientId}::uuid, ${rule.capacity}, ${now})
        ON CONFLICT ("clientId") DO NOTHING`;
      const [row] = await tx.$queryRaw<{ tokens: number; updatedAt: Date }[]>`
        SELECT "tokens", "updatedAt" FROM "CostBudget" WHERE "clientId" = ${clientId}::uuid FOR UPDATE`;
      if (!row) throw new Error(`Cost budget of client ${clientId} could not be read`);
      const elapsedSeconds = Math.max(0, now.getTime() - row.updatedAt.getTime()) / 1000;
      const tokens = Math.min(rule.capacity, Number(row.tokens) + elapsedSeconds * rule.refillPerSecond);
      const result = settle(tokens, cost, rule);
      const updatedAt = now > row.updatedAt ? now : row.updatedAt;
      await tx.$executeRaw`
        UPDATE "CostBudget" SET "tokens" = ${result.allowed ? result.remaining : tokens}, "updatedAt" = ${updatedAt}
        WHERE "clientId" = ${clientId}::uuid`;
      return result;
    });
  }
}
