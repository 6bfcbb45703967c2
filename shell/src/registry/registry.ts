/** A module as the API's registry lists it (`GET /console/registry.json`). */
export interface RegistryModule {
  /** `portal`, `intranet`, … */
  id: string;
  /** Federation name of the remote: `mfe_portal`. */
  name: string;
  /** French title, used as link text. */
  title: string;
  /** Where the module is mounted: `/portail`. */
  route: string;
  /** URL of the remote's `mf-manifest.json`. */
  entry: string;
  /** `./module`. */
  exposedModule: string;
}

export class RegistryError extends Error {
  override name = 'RegistryError';
}

const FEDERATION_NAME = /^[A-Za-z_][\w]*$/;
const ROUTE = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;

function isRegistryModule(value: unknown): value is RegistryModule {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    m.id !== '' &&
    typeof m.name === 'string' &&
    FEDERATION_NAME.test(m.name) &&
    typeof m.title === 'string' &&
    m.title !== '' &&
    typeof m.route === 'string' &&
    ROUTE.test(m.route) &&
    typeof m.entry === 'string' &&
    URL.canParse(m.entry, 'http://localhost/') &&
    typeof m.exposedModule === 'string' &&
    m.exposedModule.startsWith('./')
  );
}

/**
 * Validates the registry. A malformed entry is left out (and logged) rather than failing the whole
 * console: one broken module must not take the others down.
 */
export function parseRegistry(body: unknown): RegistryModule[] {
  const modules = (body as { modules?: unknown } | null)?.modules;
  if (!Array.isArray(modules)) throw new RegistryError('The registry has no "modules" list');
  return modules.filter((candidate: unknown): candidate is RegistryModule => {
    if (isRegistryModule(candidate)) return true;
    console.warn('Couronne: ignoring a malformed registry entry', candidate);
    return false;
  });
}

export interface FetchRegistryOptions {
  url: string;
  fetch?: typeof globalThis.fetch;
}

export async function fetchRegistry({ url, fetch = globalThis.fetch }: FetchRegistryOptions): Promise<RegistryModule[]> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new RegistryError(`GET ${url} answered ${response.status}`);
  return parseRegistry(await response.json());
}
