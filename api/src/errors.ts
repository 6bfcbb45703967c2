/**
 * Domain errors and how every GraphQL error is presented to clients.
 * Services and policies throw DomainError subclasses; clients only ever see the codes in ErrorCode.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { PothosValidationError } from "@pothos/core";

export const errorCodes = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error a client can act on: a stable code and an English message safe to show. */
export class DomainError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, key: string) {
    super("NOT_FOUND", `${entity} ${key} was not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do this") {
    super("FORBIDDEN", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: ErrorOptions) {
    super("CONFLICT", message, options);
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string) {
    super("BAD_USER_INPUT", message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Authentication is required") {
    super("UNAUTHENTICATED", message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message = "Too many requests, retry later") {
    super("RATE_LIMITED", message);
  }
}

export const internalErrorMessage = "Internal server error";

/** Apollo's request-level codes that all mean "the client sent something wrong". */
const clientErrorCodes = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "BAD_USER_INPUT",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * `extensions.code` of a GraphQLError. Read by shape, not `instanceof`: graphql 16 ships both a CJS and
 * an ESM build, and errors created by Apollo may come from the other copy than ours.
 */
function extensionCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("extensions" in error)) return undefined;
  const { extensions } = error as { extensions?: { code?: unknown } };
  return typeof extensions?.code === "string" ? extensions.code : undefined;
}

/**
 * The public code of an error as received by Apollo's formatError (a GraphQLError possibly wrapping
 * what a resolver threw). Unknown errors are INTERNAL: only deliberate errors reach clients verbatim.
 */
export function classifyError(error: unknown): ErrorCode {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original.code;
  // At run time Pothos throws this only for bad arguments: malformed global IDs or cursors, negative page sizes.
  if (original instanceof PothosValidationError) return "BAD_USER_INPUT";
  const code = extensionCode(original);
  if (code !== undefined) {
    if (clientErrorCodes.has(code)) return "BAD_USER_INPUT";
    if ((errorCodes as readonly string[]).includes(code)) return code as ErrorCode;
  }
  return "INTERNAL";
}

export interface FormatErrorOptions {
  /** Keep Apollo's stack trace of unexpected errors (development only). */
  includeStacktrace: boolean;
}

/** Apollo `formatError`: keeps message, locations and path; replaces extensions with `code` only. */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { includeStacktrace }: FormatErrorOptions,
): GraphQLFormattedError {
  const code = classifyError(error);
  // A deliberate error's stack says nothing the message does not; only unexpected ones need it.
  const stacktrace = includeStacktrace && code === "INTERNAL" ? formatted.extensions?.stacktrace : undefined;
  return {
    message: code === "INTERNAL" ? internalErrorMessage : formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(stacktrace === undefined ? {} : { stacktrace }) },
  };
}
