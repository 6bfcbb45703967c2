import type { ComponentType } from 'react';

/** Props the shell gives a module's root component. */
export interface ConsoleModuleProps {
  /** Path the module is mounted under, without a trailing slash: `/portail` in the shell, `` standalone. */
  basePath: string;
}

/** What `src/module.tsx` of each micro-frontend exports by default: the module's contract with the shell. */
export interface ConsoleModule {
  /** Stable id, the same as the registry's `id` (`portal`, `intranet`, …). */
  id: string;
  /** French title, shown in the shell's navigation and the page title. */
  title: string;
  Root: ComponentType<ConsoleModuleProps>;
}

/** Identity helper: checks the contract where a module declares it. */
export function defineConsoleModule(module: ConsoleModule): ConsoleModule {
  return module;
}

/** Guards what a remote actually sent: a federated import is untyped at run time. */
export function isConsoleModule(value: unknown): value is ConsoleModule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.title === 'string' &&
    (typeof candidate.Root === 'function' || (typeof candidate.Root === 'object' && candidate.Root !== null))
  );
}
