import { createContext, Suspense, use, type ComponentType, type ReactNode } from 'react';
import { useConsole } from './console-context.tsx';

export type RouteParams = Readonly<Record<string, string>>;

export interface ModuleRoute {
  /** Path inside the module: `/`, `/communes/:inseeCode`. */
  path: string;
  Component: ComponentType<{ params: RouteParams }>;
}

export interface RouteMatch {
  route: ModuleRoute;
  params: RouteParams;
}

function segments(path: string) {
  return path.split('/').filter(Boolean);
}

/** The part of `path` under `basePath` (always starting with `/`), or null when `path` is elsewhere. */
export function subPathOf(basePath: string, path: string): string | null {
  if (basePath === '' || basePath === '/') return path || '/';
  if (path === basePath) return '/';
  if (path.startsWith(`${basePath}/`)) return path.slice(basePath.length);
  return null;
}

/** First route whose segments match; `:name` segments capture one decoded segment. */
export function matchRoute(routes: readonly ModuleRoute[], subPath: string): RouteMatch | null {
  const actual = segments(subPath);
  for (const route of routes) {
    const expected = segments(route.path);
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const matches = expected.every((segment, index) => {
      const value = actual[index] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(value);
        return true;
      }
      return segment === value;
    });
    if (matches) return { route, params };
  }
  return null;
}

export interface ModuleRoutesProps {
  basePath: string;
  routes: readonly ModuleRoute[];
  /** Shown while a lazy screen loads. */
  loading: ReactNode;
  /** Shown when no route matches the current path. */
  notFound: ReactNode;
}

const BasePathContext = createContext('');

/**
 * Renders the module screen matching the console's current path. Screens build their links with
 * useModuleHref(), so they never hard-code where the shell mounted them (`/intranet` there, `` standalone).
 */
export function ModuleRoutes({ basePath, routes, loading, notFound }: ModuleRoutesProps) {
  const { path } = useConsole();
  const subPath = subPathOf(basePath, path);
  const match = subPath === null ? null : matchRoute(routes, subPath);
  if (!match) return <>{notFound}</>;
  const { Component } = match.route;
  return (
    <BasePathContext value={basePath}>
      <Suspense fallback={loading}>
        <Component params={match.params} />
      </Suspense>
    </BasePathContext>
  );
}

/** `href('/communes/02408')` → `/intranet/communes/02408` inside the shell, `/communes/02408` standalone. */
export function useModuleHref(): (subPath: string) => string {
  const basePath = use(BasePathContext);
  return (subPath) => (basePath === '' || basePath === '/' ? subPath : subPath === '/' ? basePath : `${basePath}${subPath}`);
}
