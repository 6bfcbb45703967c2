import type { Viewer } from './console-context.tsx';

/** A signed-in agent: the bearer token the API gave at login, when it ends, and who it is. */
export interface Session {
  token: string;
  /** ISO instant (`LoginSuccess.expiresAt`). */
  expiresAt: string;
  viewer: Viewer;
}

export interface SessionStore {
  /** The current session, or null. The same object until it changes (useSyncExternalStore needs that). */
  get: () => Session | null;
  set: (session: Session) => void;
  clear: () => void;
  subscribe: (listener: () => void) => () => void;
}

export const SESSION_STORAGE_KEY = 'couronne.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const viewer = s.viewer as Record<string, unknown> | null | undefined;
  return (
    typeof s.token === 'string' &&
    typeof s.expiresAt === 'string' &&
    typeof viewer === 'object' &&
    viewer !== null &&
    typeof viewer.displayName === 'string' &&
    Array.isArray(viewer.roles)
  );
}

/**
 * Keeps the session in `sessionStorage`, chosen over the alternatives:
 * - memory only would log the agent out on every reload, and deep links inside modules must survive one;
 * - `localStorage` would keep a bearer token on a shared counter computer after the tab is closed, and in
 *   every tab; `sessionStorage` dies with the tab;
 * - an httpOnly cookie would hide the token from scripts, but the API authenticates with
 *   `Authorization: Bearer` (partners and agents alike) and a cookie would need CSRF protection.
 * Any script running in the page could read it, as it could read memory: what protects the token is the
 * absence of injected scripts (React escapes, no `dangerouslySetInnerHTML`) and its expiry on the API.
 * A session past its `expiresAt` is dropped on read. The token is never logged.
 */
export function createSessionStore(storage: Storage | null = globalThis.sessionStorage ?? null, now: () => number = Date.now): SessionStore {
  const listeners = new Set<() => void>();
  let current: Session | null = null;
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SESSION_STORAGE_KEY) ?? 'null');
    if (isSession(parsed)) current = parsed;
  } catch {
    // A corrupted entry is a signed-out state, not a crash.
  }

  const notify = () => {
    for (const listener of listeners) listener();
  };
  const store: SessionStore = {
    get() {
      // No notification here: get() runs during React's render (useSyncExternalStore).
      if (current && Date.parse(current.expiresAt) <= now()) {
        current = null;
        storage?.removeItem(SESSION_STORAGE_KEY);
      }
      return current;
    },
    set(session) {
      current = session;
      storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      notify();
    },
    clear() {
      if (!current) return;
      current = null;
      storage?.removeItem(SESSION_STORAGE_KEY);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
