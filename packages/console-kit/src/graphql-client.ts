import { Client, CombinedError, cacheExchange, fetchExchange, mapExchange } from '@urql/core';

export interface GraphqlClientOptions {
  /** `/graphql` in the browser: the shell's server (or a module's dev server) proxies it to the API. */
  url: string;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  /** Sent as `Authorization: Bearer …` on every operation. */
  token?: string | null;
  /** Called when the API refuses the token (HTTP 401 / UNAUTHENTICATED): the session is over. */
  onUnauthenticated?: () => void;
}

/**
 * The one client the shell and every module use (modules read it from urql's context). The shell makes
 * one per session, bound to its token: the cache never serves one agent's data to the next.
 */
export function createGraphqlClient({ url, fetch, token, onUnauthenticated }: GraphqlClientOptions): Client {
  return new Client({
    url,
    exchanges: [
      mapExchange({
        onError(error) {
          if (onUnauthenticated && isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    // Always POST: urql would send short queries as GET, which the API's CSRF protection refuses.
    preferGetMethod: false,
    ...(token ? { fetchOptions: { headers: { authorization: `Bearer ${token}` } } } : {}),
    ...(fetch ? { fetch } : {}),
  });
}

/** An expired or revoked token: HTTP 401, or an UNAUTHENTICATED error in the body. */
export function isUnauthenticated(error: CombinedError): boolean {
  const status = (error.response as { status?: number } | undefined)?.status;
  return status === 401 || error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.code === 'UNAUTHENTICATED');
}

export type GraphqlErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'NETWORK';

const KNOWN_CODES = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']);

/** The API's `extensions.code` of the first error, `NETWORK` when the API was not reached. */
export function graphqlErrorCode(error: CombinedError): GraphqlErrorCode {
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return code as GraphqlErrorCode;
  if (error.networkError) return 'NETWORK';
  return 'INTERNAL';
}
