import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, SESSION_STORAGE_KEY, type Session } from './session.ts';

const session: Session = {
  token: 'cs_secret',
  expiresAt: '2026-03-02T18:00:00.000Z',
  viewer: { displayName: 'Emma Roux', email: 'emma.roux@capl.example', roles: [{ role: 'PORTAL', communes: [] }] },
};
const beforeExpiry = () => Date.parse('2026-03-02T10:00:00Z');

describe('createSessionStore', () => {
  it('keeps the session across a reload (a new store on the same storage)', () => {
    const storage = window.sessionStorage;
    storage.clear();
    createSessionStore(storage, beforeExpiry).set(session);
    expect(createSessionStore(storage, beforeExpiry).get()).toEqual(session);
  });

  it('returns the same object until it changes, and tells subscribers', () => {
    const store = createSessionStore(null, beforeExpiry);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(session);
    expect(store.get()).toBe(store.get());
    store.clear();
    expect(store.get()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('drops a session past its expiry', () => {
    const storage = window.sessionStorage;
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    expect(createSessionStore(storage, () => Date.parse('2026-03-02T18:00:01Z')).get()).toBeNull();
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('treats a corrupted entry as signed out', () => {
    const storage = window.sessionStorage;
    storage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(createSessionStore(storage, beforeExpiry).get()).toBeNull();
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ token: 1 }));
    expect(createSessionStore(storage, beforeExpiry).get()).toBeNull();
  });
});
