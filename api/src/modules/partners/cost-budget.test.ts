import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { createTestDatabase } from "../../testing/test-database.js";
import { DatabaseCostBudgetStore, MemoryCostBudgetStore, type CostBudgetStore } from "./cost-budget.js";

const rule = { capacity: 100, refillPerSecond: 10 };
let db: Database;
let clientId: string;
let clock = 0;
const now = () => clock;

beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
  const client = await db.prisma.apiClient.create({
    data: { name: "BDA", keyPrefix: "ck_test", keyHash: "x", scopes: [], expiresAt: new Date(Date.now() + 86_400_000), allowedIpRanges: [], costCapacity: 100, costRefillPerSecond: 10 },
  });
  clientId = client.id;
});
afterAll(async () => db?.close());

describe.each([
  ["in memory", () => new MemoryCostBudgetStore(now)],
  ["in the database", () => new DatabaseCostBudgetStore(db.prisma, () => new Date(Date.UTC(2026, 0, 1) + clock))],
] as const)("cost budget %s", (_name, makeStore) => {
  it("charges until empty, refuses, then refills continuously", async () => {
    clock = 0;
    const store: CostBudgetStore = makeStore();
    const id = _name === "in memory" ? "client-1" : clientId;
    expect(await store.charge(id, 60, rule)).toEqual({ allowed: true, remaining: 40, retryAfterSeconds: 0 });
    expect(await store.charge(id, 40, rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await store.charge(id, 30, rule)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 3 });
    clock += 3_000;
    expect(await store.charge(id, 30, rule)).toMatchObject({ allowed: true, remaining: 0 });
    clock += 60_000;
    expect(await store.charge(id, 1, rule)).toMatchObject({ allowed: true, remaining: 99 });
    expect(await store.charge(id, 101, rule)).toMatchObject({ allowed: false, retryAfterSeconds: Infinity });
  });
});

describe("database cost budget under concurrency", () => {
  it("never spends the same points twice", async () => {
    const store = new DatabaseCostBudgetStore(db.prisma, () => new Date(Date.UTC(2027, 0, 1)));
    await db.prisma.costBudget.deleteMany();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.charge(clientId, 10, { capacity: 100, refillPerSecond: 0 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});
