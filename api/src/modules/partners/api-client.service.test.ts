import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { createTestDatabase } from "../../testing/test-database.js";
import { createApiClient, isAddressAllowed, revokeApiClient, viewerFromApiKey } from "./api-client.service.js";

const day = 86_400_000;
let db: Database;
let adminId: string;

beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
  adminId = (await db.prisma.agent.create({ data: { email: "admin@capl.example", displayName: "Admin" } })).id;
});
afterAll(async () => db?.close());

describe("address ranges", () => {
  it("match IPv4 and IPv6 ranges, and IPv4-mapped addresses", () => {
    expect(isAddressAllowed([], null)).toBe(true);
    expect(isAddressAllowed(["192.0.2.0/24"], "192.0.2.77")).toBe(true);
    expect(isAddressAllowed(["192.0.2.0/24"], "::ffff:192.0.2.77")).toBe(true);
    expect(isAddressAllowed(["192.0.2.0/24"], "198.51.100.1")).toBe(false);
    expect(isAddressAllowed(["2001:db8::/32"], "2001:db8::1")).toBe(true);
    expect(isAddressAllowed(["127.0.0.1"], null)).toBe(false);
  });
});

describe("partner keys", () => {
  it("are shown once, stored hashed, and give a partner viewer with their scopes", async () => {
    const { client, key } = await db.prisma.$transaction((tx) =>
      createApiClient(tx, { name: "BDA", scopes: ["read:training"], expiresAt: new Date(Date.now() + 30 * day), allowedIpRanges: [] }, adminId),
    );
    expect(key.startsWith(`${client.keyPrefix}_`)).toBe(true);
    expect(client.keyHash).not.toContain(key);
    const viewer = await viewerFromApiKey(db.prisma, key, "192.0.2.1");
    expect(viewer).toMatchObject({ kind: "partner", clientId: client.id, costCapacity: 1000, costRefillPerSecond: 50 });
    expect(viewer.kind === "partner" && [...viewer.scopes]).toEqual(["read:training"]);
  });

  it("refuse expired, revoked, unknown keys and other addresses", async () => {
    const { client, key } = await db.prisma.$transaction((tx) =>
      createApiClient(tx, { name: "X", scopes: ["read:territory"], expiresAt: new Date(Date.now() + day), allowedIpRanges: ["192.0.2.0/24"] }, adminId),
    );
    await expect(viewerFromApiKey(db.prisma, key, "198.51.100.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(viewerFromApiKey(db.prisma, key, "192.0.2.1", new Date(Date.now() + 2 * day))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await db.prisma.$transaction((tx) => revokeApiClient(tx, client.id));
    await expect(viewerFromApiKey(db.prisma, key, "192.0.2.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(viewerFromApiKey(db.prisma, "ck_000000000000_nope", null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("must expire within a year and name valid ranges", async () => {
    const create = (expiresInDays: number, ranges: string[] = []) =>
      db.prisma.$transaction((tx) =>
        createApiClient(tx, { name: "Y", scopes: [], expiresAt: new Date(Date.now() + expiresInDays * day), allowedIpRanges: ranges }, adminId),
      );
    await expect(create(366)).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(create(-1)).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(create(10, ["10.0.0.0/33"])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(create(10, ["not-an-ip"])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
