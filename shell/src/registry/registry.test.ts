import { afterEach, describe, expect, it, vi } from 'vitest';
import { schemaErrors } from '@couronne/console-kit/testing';
import { ConsoleModulesQuery, fetchRegistry, modulesFromApi, parseRegistry, RegistryError } from './registry.ts';
import schemaSdl from '../../../schema.graphql?raw';

afterEach(() => vi.restoreAllMocks());

const portal = {
  id: 'portal',
  name: 'mfe_portal',
  title: 'Portail famille',
  route: '/portail',
  entry: 'http://127.0.0.1:4101/mf-manifest.json',
  exposedModule: './module',
};

describe('modulesFromApi', () => {
  it('asks the API only what schema.graphql offers', () => {
    expect(schemaErrors(ConsoleModulesQuery, schemaSdl)).toEqual([]);
  });

  it('maps consoleModules to modules, leaving out a malformed one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { entry, ...rest } = portal;
    const modules = modulesFromApi({ consoleModules: [{ ...rest, entryUrl: entry }, { ...rest, id: 'bad', route: 'portail/', entryUrl: entry }] });
    expect(modules).toEqual([portal]);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('parseRegistry', () => {
  it('returns the listed modules, leaving out malformed entries', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseRegistry({ modules: [portal, { ...portal, name: 'mfe-portal' }, null] })).toEqual([portal]);
    expect(warn).toHaveBeenCalledTimes(2);
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
  });

  it('fails on an HTTP error', async () => {
    const fetch = vi.fn(async () => new Response('<html>', { status: 502 }));
    await expect(fetchRegistry({ url: '/console/registry.json', fetch })).rejects.toThrow('answered 502');
  });
});
