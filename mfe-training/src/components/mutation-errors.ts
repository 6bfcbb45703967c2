import { graphqlErrorCode, type GraphqlErrorCode } from '@couronne/console-kit';
import type { CombinedError } from '@urql/core';
import type { fr } from '../strings.fr.ts';

type StringKey = keyof typeof fr;

/** A typed error of a mutation's result union (`... on Error { code message }` in the documents). */
export interface TypedError {
  __typename: 'BadUserInputError' | 'ConflictError' | 'ForbiddenError' | 'NotFoundError';
  code: GraphqlErrorCode;
  message: string;
}

/** Every mutation asks for the same fields of its errors. */
export const ERROR_FIELDS = `
      ... on Error {
        code
        message
      }`;

const ERROR_KEYS: Record<GraphqlErrorCode, StringKey> = {
  BAD_USER_INPUT: 'errorBadUserInput',
  CONFLICT: 'errorConflict',
  FORBIDDEN: 'errorForbidden',
  NOT_FOUND: 'errorNotFound',
  RATE_LIMITED: 'errorRateLimited',
  UNAUTHENTICATED: 'errorUnauthenticated',
  INTERNAL: 'errorInternal',
  NETWORK: 'errorNetwork',
};

export function isTypedError(payload: { __typename: string } | null | undefined): payload is TypedError {
  return payload !== null && payload !== undefined && payload.__typename.endsWith('Error');
}

/**
 * Why a mutation failed, as a key of strings.fr.ts: a typed error of its result (by its stable code) or
 * a top-level error (`extensions.code`, or the network); null when it succeeded. `specific` gives a
 * mutation its own words for a code (« Cette salle est déjà occupée à cet horaire. » for CONFLICT).
 */
export function failureKey(
  payload: { __typename: string } | null | undefined,
  error: CombinedError | undefined,
  specific: Partial<Record<GraphqlErrorCode, StringKey>> = {},
): StringKey | null {
  const code = isTypedError(payload) ? payload.code : error ? graphqlErrorCode(error) : payload ? null : 'INTERNAL';
  if (code === null) return null;
  return specific[code] ?? ERROR_KEYS[code] ?? ERROR_KEYS.INTERNAL;
}
