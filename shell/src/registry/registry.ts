import { gql } from '@urql/core';

/** A module of the console: where it is mounted and where its remote is served. */
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

export interface ConsoleModulesData {
  consoleModules: { id: string; name: string; title: string; route: string; entryUrl: string; exposedModule: string }[];
}

/** The modules the signed-in agent may open, in navigation order (the API filters them by role). */
export const ConsoleModulesQuery = gql<ConsoleModulesData, Record<string, never>>`
  query ConsoleModules {
    consoleModules {
      id
      name
      title
      route
      entryUrl
      exposedModule
    }
  }
`;

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

/** A malformed entry is left out (and logged) rather than failing the console: one broken module must not take the others down. */
function keepWellFormed(candidates: readonly unknown[]): RegistryModule[] {
  return candidates.filter((candidate: unknown): candidate is RegistryModule => {
    if (isRegistryModule(candidate)) return true;
    console.warn('Couronne: ignoring a malformed console module', candidate);
    return false;
  });
}

/** The viewer's modules from `consoleModules`. */
export function modulesFromApi(data: ConsoleModulesData): RegistryModule[] {
  return keepWellFormed(data.consoleModules.map(({ entryUrl, ...module }) => ({ ...module, entry: entryUrl })));
}

/** The public `GET /console/registry.json` (every module, whatever the viewer may open). */
export function parseRegistry(body: unknown): RegistryModule[] {
  const modules = (body as { modules?: unknown } | null)?.modules;
  if (!Array.isArray(modules)) throw new RegistryError('The registry has no "modules" list');
  return keepWellFormed(modules);
}

export interface FetchRegistryOptions {
  url: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * Every module of the console, signed in or not. Only used to tell a route the viewer may not open
 * (« Accès refusé ») from a path that exists nowhere (« Page introuvable »); navigation and loading use
 * `consoleModules`.
 */
export async function fetchRegistry({ url, fetch = globalThis.fetch }: FetchRegistryOptions): Promise<RegistryModule[]> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new RegistryError(`GET ${url} answered ${response.status}`);
  return parseRegistry(await response.json());
}
