import { Client, CombinedError, cacheExchange, fetchExchange } from '@urql/core';

export interface GraphqlClientOptions {
  /** `/graphql` in the browser: the shell's server (or a module's dev server) proxies it to the API. */
  url: string;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
}

export function createGraphqlClient({ url, fetch }: GraphqlClientOptions): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Always POST: urql would send short queries as GET, which the API's CSRF protection refuses.
    preferGetMethod: false,
    ...(fetch ? { fetch } : {}),
  });
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
  if (error.networkError) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as GraphqlErrorCode) : 'INTERNAL';
}
