import type { GraphQLResolveInfo } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./db/database.js";
import { isRetryableTransactionFailure } from "./db/driver-error.js";
import { runMutation } from "./mutation.js";
import { testContext } from "./testing/context.js";
import { createTestDatabase, testDatabaseKind } from "./testing/test-database.js";

let db: Database;
let residentIds: [string, string];

beforeAll(async () => {
  db = await createTestDatabase();
  const residents = await db.prisma.resident.findMany({ select: { id: true }, take: 2, orderBy: { id: "asc" } });
  residentIds = [residents[0]!.id, residents[1]!.id];
});
afterAll(async () => db?.close());

const info = (operation: string) => ({ fieldName: operation, path: { key: operation, prev: undefined, typename: "Mutation" } }) as GraphQLResolveInfo;
const journalOf = (operation: string) => db.prisma.auditEvent.findMany({ where: { operation }, select: { outcome: true, targetIds: true, errorCode: true } });

describe("runMutation", () => {
  it("runs again a transaction the database aborted for a deadlock, and journals only the attempt that committed", async () => {
    let attempts = 0;
    const result = await runMutation(testContext(db.prisma), info("retriedOnce"), async (tx, journal) => {
      attempts += 1;
      journal.targetIds.push(`attempt-${attempts}`);
      await tx.resident.findFirst({ select: { id: true } });
      // What Prisma 7.10 throws when PostgreSQL picks the transaction as a deadlock's victim.
      if (attempts === 1) throw Object.assign(new Error("Transaction failed due to a write conflict or a deadlock"), { code: "P2034" });
      return "done";
    });
    expect([result, attempts]).toEqual(["done", 2]);
    expect(await journalOf("retriedOnce")).toEqual([{ outcome: "SUCCESS", targetIds: ["attempt-2"], errorCode: null }]);
  });

  it("gives up after three attempts and journals one failure; other errors are not run again", async () => {
    let attempts = 0;
    const deadlock = Object.assign(new Error("deadlock"), { code: "P2034" });
    await expect(runMutation(testContext(db.prisma), info("alwaysDeadlocked"), async () => {
      attempts += 1;
      throw deadlock;
    })).rejects.toBe(deadlock);
    expect(attempts).toBe(3);
    expect(await journalOf("alwaysDeadlocked")).toEqual([{ outcome: "FAILURE", targetIds: [], errorCode: "INTERNAL" }]);

    let other = 0;
    await expect(runMutation(testContext(db.prisma), info("failsOnce"), async () => {
      other += 1;
      throw new Error("not a database conflict");
    })).rejects.toThrow("not a database conflict");
    expect(other).toBe(1);
  });

  it.runIf(testDatabaseKind() === "postgres")("survives a real deadlock on PostgreSQL: both mutations commit, one of them after running again", async () => {
    // Each transaction locks one resident row, waits until the other holds its own, then asks for the other's:
    // PostgreSQL detects the deadlock and aborts one (SQLSTATE 40P01), which runMutation runs again.
    let locked = 0;
    const bothLocked = new Promise<void>((resolve) => {
      const check = setInterval(() => locked >= 2 && (clearInterval(check), resolve()), 10);
    });
    let attempts = 0;
    const lockInOrder = (first: string, second: string, operation: string) =>
      runMutation(testContext(db.prisma), info(operation), async (tx) => {
        attempts += 1;
        await tx.$queryRaw`SELECT 1 FROM "Resident" WHERE "id" = ${first}::uuid FOR UPDATE`;
        locked += 1;
        await bothLocked;
        await tx.$queryRaw`SELECT 1 FROM "Resident" WHERE "id" = ${second}::uuid FOR UPDATE`;
        return operation;
      });
    const [a, b] = residentIds;
    const results = await Promise.allSettled([lockInOrder(a, b, "deadlockA"), lockInOrder(b, a, "deadlockB")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(attempts).toBe(3);
    expect([...(await journalOf("deadlockA")), ...(await journalOf("deadlockB"))].map((e) => e.outcome)).toEqual(["SUCCESS", "SUCCESS"]);
  }, 30_000);
});

describe("isRetryableTransactionFailure", () => {
  it("knows Prisma's P2034 and the SQLSTATEs of deadlocks and serialization failures, nothing else", () => {
    const driver = (code: string) => ({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: code } } } });
    expect([driver("40P01"), driver("40001"), { code: "P2034" }].map(isRetryableTransactionFailure)).toEqual([true, true, true]);
    expect([driver("23P01"), driver("23505"), new Error("boom"), null].map(isRetryableTransactionFailure)).toEqual([false, false, false, false]);
  });
});
