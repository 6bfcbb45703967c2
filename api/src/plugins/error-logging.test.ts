import { ApolloServer } from "@apollo/server";
import { describe, expect, it } from "vitest";
import type { Context } from "../builder.js";
import { formatGraphQLError } from "../errors.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { createLogger } from "../logger.js";
import { schema } from "../schema.js";
import { testContext } from "../testing/context.js";
import { createErrorLoggingPlugin } from "./error-logging.js";

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
  return { lines, logger };
}

const brokenPrisma = {
  commune: {
    findMany: async () => {
      throw new Error("connection to 10.0.0.5:5432 refused");
    },
  },
} as unknown as PrismaClient;

async function execute(query: string) {
  const { lines, logger } = capturingLogger();
  const server = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { includeStacktrace: false }),
    plugins: [createErrorLoggingPlugin()],
  });
  await server.start();
  try {
    const contextValue: Context = testContext(brokenPrisma, { requestId: "req-42", logger: logger.child({ requestId: "req-42" }) });
    const response = await server.executeOperation({ query }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return { result: response.body.singleResult, lines };
  } finally {
    await server.stop();
  }
}

describe("error logging plugin", () => {
  it("logs an unexpected error with its stack and the request id, while the client sees a masked message", async () => {
    const { result, lines } = await execute("{ communes(first: 1) { edges { node { name } } } }");
    expect(result.errors).toEqual([
      expect.objectContaining({ message: "Internal server error", extensions: { code: "INTERNAL" } }),
    ]);
    const logged = lines.filter((line) => line.level === 50);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      requestId: "req-42",
      path: ["communes"],
      err: { message: "connection to 10.0.0.5:5432 refused", stack: expect.stringContaining("Error: connection") },
    });
  });

  it("does not log errors the client caused", async () => {
    const { result, lines } = await execute(`{ commune(inseeCode: "nope") { name } }`);
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(lines.filter((line) => line.level === 50)).toEqual([]);
  });
});
