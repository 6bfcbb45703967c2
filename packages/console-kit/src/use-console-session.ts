import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { LogoutMutation } from './auth.graphql.ts';
import { createGraphqlClient } from './graphql-client.ts';
import type { SessionStore } from './session.ts';

export interface UseConsoleSessionOptions {
  store: SessionStore;
  /** `/graphql` by default. */
  url?: string;
  fetch?: typeof globalThis.fetch;
  /** The API refused the session's token (expired, revoked): the store is already cleared. */
  onExpired: () => void;
}

/**
 * The session and the GraphQL client that carries its token: a new client per session, so that neither
 * a token nor cached data outlives the session (the shell and every module read this one client).
 */
export function useConsoleSession({ store, url = '/graphql', fetch, onExpired }: UseConsoleSessionOptions) {
  const session = useSyncExternalStore(store.subscribe, store.get, store.get);
  const onExpiredRef = useRef(onExpired);
  useEffect(() => {
    onExpiredRef.current = onExpired;
  }, [onExpired]);

  const token = session?.token ?? null;
  const client = useMemo(
    () =>
      createGraphqlClient({
        url,
        fetch,
        token,
        onUnauthenticated: () => {
          // Only the current session ends: a late answer to a request of an earlier session is ignored.
          if (token === null || store.get()?.token !== token) return;
          store.clear();
          onExpiredRef.current();
        },
      }),
    [url, fetch, token, store],
  );

  const logout = useCallback(() => {
    if (token === null) return;
    store.clear();
    // Ends the session on the API too. Its answer does not matter: the token is already forgotten here,
    // and the API drops it at expiry anyway.
    void client.mutation(LogoutMutation, { input: {} }).toPromise();
  }, [client, store, token]);

  return { session, client, logout };
}
