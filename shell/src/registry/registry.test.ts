import { describe, expect, it, vi } from 'vitest';
import { fetchRegistry, parseRegistry, RegistryError } from './registry.ts';

const portal = {
  id: 'portal',
  name: 'mfe_portal',
  title: 'Portail famille',
  route: '/portail',
  entry: 'http://127.0.0.1:4101/mf-manifest.json',
  exposedModule: './module',
};

describe('parseRegistry', () => {
  it('returns the listed modules', () => {
    expect(parseRegistry({ modules: [portal] })).toEqual([portal]);
  });

  it('leaves out a malformed entry and keeps the others', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const modules = parseRegistry({
      modules: [portal, { ...portal, id: 'bad-route', route: 'portail/' }, { ...portal, id: 'bad-name', name: 'mfe-portal' }, null],
    });
    expect(modules.map((m) => m.id)).toEqual(['portal']);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('refuses a body without a modules list', () => {
    expect(() => parseRegistry({ remotes: [] })).toThrow(RegistryError);
    expect(() => parseRegistry(null)).toThrow(RegistryError);
  });
});

describe('fetchRegistry', () => {
  it('fetches and parses the registry', async () => {
    const fetch = vi.fn(async () => Response.json({ modules: [portal] }));
    expect(await fetchRegistry({ url: '/console/registry.json', fetch })).toEqual([portal]);
    expect(fetch).toHaveBeenCalledWith('/console/registry.json', expect.anything());
  });

  it('fails on an HTTP error', async () => {
    const fetch = vi.fn(async () => new Response('<html>', { status: 502 }));
    await expect(fetchRegistry({ url: '/console/registry.json', fetch })).rejects.toThrow('answered 502');
  });
});
