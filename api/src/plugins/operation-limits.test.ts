/**
 * Operation limits over HTTP, with both cost-budget stores: `extensions.cost` on every response, the
 * depth and cost limits, and a partner key's budget that runs out (RATE_LIMITED, 429, Retry-After) and
 * refills over time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.js";
import { startTestApi, type GraphQLAnswer, type TestApi } from "../testing/graphql-client.js";
import { createTestDatabase } from "../testing/test-database.js";
import { createAdminSession, createTestAgent, createTestPartnerKey, createTestSession } from "../testing/viewers.js";

const maxQueryCost = 1000;

/** A selection `levels` deep (the innermost `__typename` counts as one): places → edges → node → commune → places… */
function nested(levels: number): string {
  const path = ["places(first: 1)", "edges", "node", "commune"];
  const fields = Array.from({ length: levels - 1 }, (_, i) => path[i % path.length]);
  return `{ ${fields.map((f) => `${f} { `).join("")}__typename${" }".repeat(fields.length)} }`;
}

const fullPage = `communes(first: 100) { edges { node { name } } }`;
/** Sixty pages of 100 communes: over MAX_QUERY_COST however lists are priced. */
const costly = `{ ${Array.from({ length: 60 }, (_, i) => `p${i}: ${fullPage}`).join(" ")} }`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function expectCost(answer: GraphQLAnswer, what: string): void {
  const cost = answer.body.extensions?.cost;
  expect(cost, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeDefined();
  expect(cost!.maxCost, what).toBe(maxQueryCost);
  expect(Number.isInteger(cost!.requested) && cost!.requested >= 0, what).toBe(true);
}

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

describe.each(["memory", "database"] as const)("with COST_BUDGET_STORE=%s", (store) => {
  let t: TestApi;

  beforeAll(async () => {
    t = await startTestApi({ COST_BUDGET_STORE: store, MAX_QUERY_COST: String(maxQueryCost) }, db);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("reports extensions.cost on every response: public, authenticated, partner, mutation and errors", async () => {
    const agent = await createTestAgent(db.prisma, [{ role: "TERRITORY" }]);
    const { token: agentToken } = await createTestSession(db.prisma, { agentId: agent.agentId });
    const { token: adminToken } = await createAdminSession(db.prisma);
    const partner = await createTestPartnerKey(db.prisma, { scopes: ["read:territory"], costCapacity: 5000, costRefillPerSecond: 10 });
    const request = t.client.request.bind(t.client);

    const publicAnswer = await request(`{ communes(first: 2) { totalCount } }`);
    expect(publicAnswer.status).toBe(200);
    expectCost(publicAnswer, "public query");
    expect(publicAnswer.body.extensions!.cost!.requested).toBeGreaterThan(0);
    expect(publicAnswer.body.extensions!.cost!.remaining).toBeUndefined();

    expectCost(await request(`{ viewer { kind } }`, undefined, { token: agentToken }), "authenticated query");
    expectCost(
      await request(`mutation { logout(input: {}) { __typename } }`, undefined, { token: (await createTestSession(db.prisma, { agentId: agent.agentId })).token }),
      "mutation",
    );
    expectCost(await request(`{ agents(first: 1) { totalCount } }`, undefined, { token: agentToken }), "refused field (FORBIDDEN)");
    expectCost(await request(`{ agents(first: 1) { totalCount } }`, undefined, { token: adminToken }), "admin query");

    const partnerAnswer = await request(`{ communes(first: 2) { totalCount } }`, undefined, { token: partner.key });
    expectCost(partnerAnswer, "partner query");
    const partnerCost = partnerAnswer.body.extensions!.cost!;
    expect(partnerCost).toMatchObject({ budget: 5000, refillPerSecond: 10 });
    expect(partnerCost.remaining).toBeGreaterThanOrEqual(5000 - partnerCost.requested - 1);
    expect(partnerCost.remaining).toBeLessThanOrEqual(5000 - partnerCost.requested);

    expectCost(await request(`{ commune(inseeCode: "99999") { name } }`), "field error (NOT_FOUND)");
    expectCost(await request(`{ communes { nope } }`), "validation error");
    expectCost(await request(`{ communes { `), "syntax error");
    expectCost(await request(nested(13)), "depth refusal");
    expectCost(await request(costly), "cost refusal");
  });

  it("refuses 13 levels of nesting before running, and charges nothing for it", async () => {
    const partner = await createTestPartnerKey(db.prisma, { scopes: ["read:territory"], costCapacity: 100, costRefillPerSecond: 1 });
    const deep = await t.client.request(nested(13), undefined, { token: partner.key });
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(deep.body.errors?.[0]?.message).toMatch(/deep/i);
    expect(deep.body.data ?? null).toBeNull();
    // Twelve levels pass the depth check (this one may still be too costly for MAX_QUERY_COST here).
    const twelve = await t.client.request(nested(12));
    expect(twelve.body.errors?.[0]?.message ?? "").not.toMatch(/deep/i);
    // The refused operation cost the key nothing: a cheap query finds the budget full.
    const cheap = await t.client.request(`{ commune(inseeCode: "02408") { name } }`, undefined, { token: partner.key });
    const cost = cheap.body.extensions!.cost!;
    expect(cost.remaining).toBe(100 - cost.requested);
  });

  it("refuses an operation costing more than MAX_QUERY_COST before running, whoever calls", async () => {
    const partner = await createTestPartnerKey(db.prisma, { scopes: ["read:territory"] });
    for (const token of [undefined, partner.key]) {
      const answer = await t.client.request(costly, undefined, { token });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(answer.body.errors?.[0]?.message).toMatch(/costly/i);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.extensions!.cost!.requested).toBeGreaterThan(maxQueryCost);
    }
    const affordable = await t.client.request(`{ communes(first: 10) { edges { node { name } } } }`);
    expect(affordable.status).toBe(200);
    expect(affordable.body.extensions!.cost!.requested).toBeLessThanOrEqual(maxQueryCost);
  });

  it("refuses a partner whose budget is spent with RATE_LIMITED, 429 and Retry-After, then serves it again once refilled", async () => {
    // A query worth 30 to 100 points: a budget of 100 pays for one to three of them in a row.
    const candidates = [
      ...[3, 4, 5, 6, 7, 8].map(nested),
      ...[5, 10, 20, 40, 80].map((size) => `{ communes(first: ${size}) { totalCount edges { node { name inseeCode } } } }`),
    ];
    let query: string | undefined;
    let price = 0;
    for (const candidate of candidates) {
      price = (await t.client.request(candidate)).body.extensions!.cost!.requested;
      if (price >= 30 && price <= 100) {
        query = candidate;
        break;
      }
    }
    expect(query, "a query costing 30 to 100 points").toBeDefined();

    const partner = await createTestPartnerKey(db.prisma, { scopes: ["read:territory"], costCapacity: 100, costRefillPerSecond: 50 });
    let refused: GraphQLAnswer | undefined;
    for (let attempt = 0; attempt < 20 && !refused; attempt++) {
      const answer = await t.client.request(query!, undefined, { token: partner.key });
      if (answer.status === 429) refused = answer;
      else {
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.extensions!.cost).toMatchObject({ requested: price, budget: 100, refillPerSecond: 50 });
      }
    }
    expect(refused, "the budget runs out").toBeDefined();
    expect(refused!.body.errors?.map((e) => e.extensions?.code)).toEqual(["RATE_LIMITED"]);
    expect(refused!.body.data ?? null).toBeNull();
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After: ${refused!.headers.get("retry-after")}`).toBe(true);
    const cost = refused!.body.extensions!.cost!;
    expect(cost).toMatchObject({ requested: price, budget: 100, refillPerSecond: 50 });
    expect(cost.remaining).toBeLessThan(price);

    if (store === "database") {
      const row = await db.prisma.costBudget.findUnique({ where: { clientId: partner.clientId } });
      expect(row, "the shared counter is in the CostBudget table").not.toBeNull();
      expect(row!.tokens).toBeLessThan(price);
    }

    // Waiting as told is enough to be served again.
    let served: GraphQLAnswer | undefined;
    for (let attempt = 0; attempt < 5 && !served; attempt++) {
      await sleep(retryAfter * 1000 + 100);
      const answer = await t.client.request(query!, undefined, { token: partner.key });
      if (answer.status === 200) served = answer;
      else expect(answer.status).toBe(429);
    }
    expect(served, "served again after the refill").toBeDefined();
    expect(served!.body.errors).toBeUndefined();
    expect(served!.body.data).toBeTruthy();
  });

  // Pricing does not depend on the store: checked once.
  it.runIf(store === "memory")("prices a page by the number of items asked for", async () => {
    const price = async (size: number) =>
      (await t.client.request(`{ communes(first: ${size}) { edges { node { name } } } }`)).body.extensions!.cost!.requested;
    const [one, hundred] = [await price(1), await price(100)];
    expect(hundred, `a page of 100 costs ${hundred}, a page of 1 costs ${one}`).toBeGreaterThan(one);
    expect(hundred).toBeGreaterThanOrEqual(100);
  });

  it("refuses for good, without Retry-After, an operation costing more than the whole budget", async () => {
    const partner = await createTestPartnerKey(db.prisma, { scopes: ["read:territory"], costCapacity: 20, costRefillPerSecond: 50 });
    const answer = await t.client.request(`{ ${fullPage} }`, undefined, { token: partner.key });
    expect(answer.body.extensions!.cost!.requested).toBeGreaterThan(20);
    expect(answer.status).toBe(429);
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(["RATE_LIMITED"]);
    expect(answer.headers.get("retry-after")).toBeNull();
  });
});
