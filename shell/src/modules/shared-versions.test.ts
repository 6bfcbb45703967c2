import { describe, expect, it, vi } from 'vitest';
import { fetchManifest, findSharedMismatches, ManifestError, packageNameOf } from './shared-versions.ts';

const provided = { react: '19.3.1', 'react-dom': '19.3.1', urql: '5.0.4', '@urql/core': '6.0.3', '@couronne/ui': '0.1.0' };

describe('packageNameOf', () => {
  it('strips a subpath, keeping the scope', () => {
    expect(packageNameOf('react/jsx-runtime')).toBe('react');
    expect(packageNameOf('@urql/core')).toBe('@urql/core');
    expect(packageNameOf('@couronne/ui/styles.css')).toBe('@couronne/ui');
  });
});

describe('findSharedMismatches', () => {
  it('accepts a remote built against the same versions (subpaths included)', () => {
    const manifest = {
      shared: [
        { name: 'react', version: '19.3.1', requiredVersion: '^19.3.1' },
        { name: 'react/jsx-runtime', version: '19.3.1', requiredVersion: '^19.3.1' },
        { name: '@urql/core', version: '6.0.3', requiredVersion: '^6.0.0' },
      ],
    };
    expect(findSharedMismatches(manifest, provided)).toEqual([]);
  });

  it('names each package whose version the console cannot give, once', () => {
    const manifest = {
      shared: [
        { name: 'react', version: '20.0.0', requiredVersion: '^20.0.0' },
        { name: 'react/jsx-runtime', version: '20.0.0', requiredVersion: '^20.0.0' },
        { name: '@couronne/ui', version: '2.0.0', requiredVersion: '^2.0.0' },
        { name: 'urql', version: '5.0.4', requiredVersion: '^5.0.4' },
      ],
    };
    expect(findSharedMismatches(manifest, provided)).toEqual([
      { name: 'react', required: '^20.0.0', provided: '19.3.1' },
      { name: '@couronne/ui', required: '^2.0.0', provided: '0.1.0' },
    ]);
  });

  it('ignores packages the console does not share and shares without a requirement', () => {
    const manifest = {
      shared: [
        { name: 'date-fns', version: '4.0.0', requiredVersion: '^4.0.0' },
        { name: 'react', requiredVersion: false as const },
        { name: 'react-dom', requiredVersion: '*' },
      ],
    };
    expect(findSharedMismatches(manifest, provided)).toEqual([]);
    expect(findSharedMismatches({}, provided)).toEqual([]);
  });
});

describe('fetchManifest', () => {
  it('reads the manifest', async () => {
    const fetch = vi.fn(async () => Response.json({ name: 'mfe_portal', shared: [] }));
    expect(await fetchManifest('http://127.0.0.1:4101/mf-manifest.json', fetch)).toEqual({ name: 'mfe_portal', shared: [] });
  });

  it('fails on an HTTP error or something else than a manifest', async () => {
    await expect(fetchManifest('/m.json', async () => new Response('', { status: 404 }))).rejects.toThrow('answered 404');
    await expect(fetchManifest('/m.json', async () => Response.json({ modules: [] }))).rejects.toThrow(ManifestError);
  });
});
