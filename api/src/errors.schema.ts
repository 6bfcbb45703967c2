/** Error, NotFoundError, ConflictError, BadUserInputError, ForbiddenError, UnauthenticatedError, RateLimitedError: the errors a mutation declares. */
import { builder } from "./builder.js";
import {
  BadUserInputError,
  ConflictError,
  DomainError,
  errorCodes,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from "./errors.js";

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Stable code of an error; the same values appear in `extensions.code` of top-level errors.",
  values: {
    UNAUTHENTICATED: { description: "No credentials, or wrong ones: log in or send a valid key." },
    FORBIDDEN: { description: "The credentials are valid but do not allow this." },
    BAD_USER_INPUT: { description: "The request or its input is malformed or not acceptable." },
    NOT_FOUND: { description: "The record named does not exist, or is not visible to you." },
    CONFLICT: { description: "The change conflicts with the current state." },
    RATE_LIMITED: { description: "Too many requests or too costly: wait, then retry." },
    INTERNAL: { description: "An unexpected error on the server; its details are in the logs under the request id." },
  } satisfies Record<(typeof errorCodes)[number], { description: string }>,
});

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "An error a caller can act on, returned as a member of a mutation's result union.",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What went wrong, in English, safe to show to a developer." }),
    code: t.field({ type: ErrorCodeEnum, description: "Stable code of the error.", resolve: (error) => error.code }),
  }),
});

// `any`: the errors' constructors take different arguments.
function errorType(error: new (...args: any[]) => DomainError, name: string, description: string) {
  builder.objectType(error, { name, description, interfaces: [ErrorInterface] as const, isTypeOf: (value) => value instanceof error });
}

errorType(NotFoundError, "NotFoundError", "The record named in the input does not exist (or is not visible to you).");
errorType(ConflictError, "ConflictError", "The change conflicts with the current state (e.g. the email is already used).");
errorType(BadUserInputError, "BadUserInputError", "The input is well-formed but not acceptable (e.g. an unknown commune).");
errorType(ForbiddenError, "ForbiddenError", "You may not do this to this record (e.g. a resident of a commune outside your roles).");
errorType(UnauthenticatedError, "UnauthenticatedError", "The credentials are wrong: the same answer for an unknown email and a wrong password.");
errorType(RateLimitedError, "RateLimitedError", "Too many attempts: wait before trying again.");
