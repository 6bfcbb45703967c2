import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../testing/graphql-client.js";
import { createTestAgent, createTestResident, createTestSession } from "../../testing/viewers.js";

let t: TestApi;
const query = `{ consoleModules { id title route entryUrl exposedModule role icon } }`;

beforeAll(async () => {
  t = await startTestApi({ MFE_TRAINING_ENTRY: "https://cdn.example.org/training/mf-manifest.json" });
});
afterAll(async () => t?.close());

async function modulesOf(roles: Parameters<typeof createTestAgent>[1]) {
  const agent = await createTestAgent(t.db.prisma, roles);
  const { token } = await createTestSession(t.db.prisma, { agentId: agent.agentId });
  const answer = await t.client.request<{ consoleModules: { id: string; entryUrl: string }[] }>(query, {}, { token });
  return answer.body.data?.consoleModules ?? [];
}

describe("consoleModules", () => {
  it("lists exactly the modules of the agent's roles, with their configured entries", async () => {
    const modules = await modulesOf([{ role: "PORTAL" }, { role: "TRAINING", communeInseeCodes: ["02408"] }]);
    expect(modules.map((m) => m.id)).toEqual(["portal", "training"]);
    expect(modules[1]).toMatchObject({ entryUrl: "https://cdn.example.org/training/mf-manifest.json" });
  });

  it("lists every module for administrators and none for roles without a module", async () => {
    expect((await modulesOf([{ role: "ADMIN" }])).map((m) => m.id)).toEqual(["portal", "intranet", "training", "telehealth"]);
    expect(await modulesOf([{ role: "TERRITORY" }])).toEqual([]);
  });

  it("is refused to anonymous callers and residents", async () => {
    const anonymous = await t.client.request(query);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const resident = await createTestResident(t.db.prisma);
    const { token } = await createTestSession(t.db.prisma, { residentId: resident.residentId });
    const answer = await t.client.request(query, {}, { token });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
