import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  BadUserInputError,
  classifyError,
  ConflictError,
  ForbiddenError,
  formatGraphQLError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from "./errors.js";

/** What graphql-js hands Apollo when a resolver throws. */
function fromResolver(error: Error): GraphQLError {
  return new GraphQLError(error.message, { path: ["field"], originalError: error });
}

describe("classifyError", () => {
  it("keeps the code of domain errors thrown by resolvers", () => {
    expect(classifyError(fromResolver(new NotFoundError("Commune", "02999")))).toBe("NOT_FOUND");
    expect(classifyError(fromResolver(new ForbiddenError()))).toBe("FORBIDDEN");
    expect(classifyError(fromResolver(new ConflictError("slot taken")))).toBe("CONFLICT");
    expect(classifyError(fromResolver(new BadUserInputError("bad")))).toBe("BAD_USER_INPUT");
    expect(classifyError(fromResolver(new UnauthenticatedError()))).toBe("UNAUTHENTICATED");
    expect(classifyError(fromResolver(new RateLimitedError()))).toBe("RATE_LIMITED");
  });

  it("maps Apollo's request errors to BAD_USER_INPUT", () => {
    for (const code of ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE"]) {
      expect(classifyError(new GraphQLError("x", { extensions: { code } })), code).toBe("BAD_USER_INPUT");
    }
  });

  it("maps Pothos's argument errors (bad cursor or global ID) to BAD_USER_INPUT", () => {
    expect(classifyError(fromResolver(new PothosValidationError("Invalid global ID")))).toBe("BAD_USER_INPUT");
  });

  it("treats everything else as INTERNAL, including unknown codes", () => {
    expect(classifyError(fromResolver(new TypeError("cannot read properties of undefined")))).toBe("INTERNAL");
    expect(classifyError(new GraphQLError("x", { extensions: { code: "INTERNAL_SERVER_ERROR" } }))).toBe("INTERNAL");
    expect(classifyError(new GraphQLError("x", { extensions: { code: "SOMETHING_ELSE" } }))).toBe("INTERNAL");
    expect(classifyError("a string")).toBe("INTERNAL");
  });
});

describe("formatGraphQLError", () => {
  const located = { message: "Commune 02999 was not found", locations: [{ line: 1, column: 3 }], path: ["commune"] };

  it("keeps a domain error's message, location and path, with only the code in extensions, even in development", () => {
    const formatted = formatGraphQLError(
      { ...located, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } },
      fromResolver(new NotFoundError("Commune", "02999")),
      { includeStacktrace: true },
    );
    expect(formatted).toEqual({ ...located, extensions: { code: "NOT_FOUND" } });
  });

  it("masks unexpected errors and shows the stack trace only when asked (development)", () => {
    const error = fromResolver(new Error("password authentication failed for user postgres"));
    const formatted = { message: error.message, path: ["communes"], extensions: { stacktrace: ["Error: password…"] } };
    expect(formatGraphQLError(formatted, error, { includeStacktrace: false })).toEqual({
      message: "Internal server error",
      path: ["communes"],
      extensions: { code: "INTERNAL" },
    });
    expect(formatGraphQLError(formatted, error, { includeStacktrace: true }).extensions).toEqual({
      code: "INTERNAL",
      stacktrace: ["Error: password…"],
    });
  });
});
