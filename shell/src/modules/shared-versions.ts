import { satisfy } from '@module-federation/enhanced/runtime';

/** The part of a remote's `mf-manifest.json` the check reads. */
export interface RemoteManifest {
  shared?: { name: string; version?: string; requiredVersion?: string | false }[];
}

export interface SharedMismatch {
  /** The package, e.g. `react` (for `react/jsx-runtime` too). */
  name: string;
  /** What the remote requires: `^20.0.0`. */
  required: string;
  /** What the console provides: `19.3.1`. */
  provided: string;
}

/** `react/jsx-runtime` → `react`, `@urql/core` → `@urql/core`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * The shared singletons whose version the console provides but the remote does not accept. The
 * federation runtime only logs such a mismatch and runs the remote with the console's copy anyway
 * (recipes/module-federation.md), so the shell checks before it loads anything of the remote.
 * Packages the console does not share are the remote's own business (it bundles its copy).
 */
export function findSharedMismatches(manifest: RemoteManifest, provided: Readonly<Record<string, string>>): SharedMismatch[] {
  const mismatches = new Map<string, SharedMismatch>();
  for (const shared of manifest.shared ?? []) {
    const name = packageNameOf(shared.name);
    const version = provided[name];
    const required = shared.requiredVersion;
    if (version === undefined || !required || required === '*') continue;
    if (!satisfy(version, required)) mismatches.set(`${name} ${required}`, { name, required, provided: version });
  }
  return [...mismatches.values()];
}

export class IncompatibleModuleError extends Error {
  override name = 'IncompatibleModuleError';
  constructor(
    readonly moduleName: string,
    readonly mismatches: readonly SharedMismatch[],
  ) {
    super(`${moduleName} needs ${mismatches.map((m) => `${m.name}@${m.required} (console: ${m.provided})`).join(', ')}`);
  }
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export async function fetchManifest(url: string, fetch: typeof globalThis.fetch = globalThis.fetch): Promise<RemoteManifest> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new ManifestError(`GET ${url} answered ${response.status}`);
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null || !Array.isArray((body as RemoteManifest).shared)) {
    throw new ManifestError(`${url} is not a federation manifest (no "shared" list)`);
  }
  return body as RemoteManifest;
}
