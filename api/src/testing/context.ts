/** A GraphQL context for tests that execute operations without the HTTP server. */
import type { Context } from "../builder.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { createLogger } from "../logger.js";
import { anonymous } from "../modules/identity/viewer.js";
import { createPlatformServices, defaultOperationLimits } from "../platform.js";

export function testContext(prisma: PrismaClient, overrides: Partial<Context> = {}): Context {
  return {
    prisma,
    requestId: "test-request",
    logger: createLogger({ level: "silent" }),
    viewer: anonymous,
    credentialError: null,
    clientAddress: "127.0.0.1",
    userAgent: "vitest",
    platform: createPlatformServices(prisma, { costBudgetStore: "memory", sessionTtlMs: 3_600_000, limits: defaultOperationLimits }),
    audited: new Set(),
    ...overrides,
  };
}
