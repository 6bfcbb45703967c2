/**
 * The singletons every federated build shares (shell and each mfe-*). One copy of each exists at run
 * time, served by the shell: one React, the shell's urql client seen through one urql context, one ui
 * kit and one console kit (so a module's useConsole() reads the shell's ConsoleProvider).
 * Both urql packages are listed: sharing only `urql` leaves each remote its own @urql/core and breaks
 * useQuery against the shell's client.
 *
 * @module-federation/vite 1.23.8 misbehaves with a shared workspace package that another shared package
 * lists as a dependency: it inlines the package's fallback copy into the loadShare chunk every remote
 * downloads (~116 kB gzip of ui kit per module, though the shell's copy is the one used). This is why
 * console-kit lists @couronne/ui as a devDependency, not a dependency; e2e/console-journey.spec.ts fails
 * when a module downloads its own copy again.
 * Imported with its `.ts` extension by shell/vite.config.ts and vite-remote.ts (every mfe-*); keep it
 * free of imports so Vite can load it.
 */
export const federationShared = {
  react: { singleton: true, requiredVersion: '^19.3.1' },
  'react-dom': { singleton: true, requiredVersion: '^19.3.1' },
  urql: { singleton: true, requiredVersion: '^5.0.4' },
  '@urql/core': { singleton: true, requiredVersion: '^6.0.3' },
  '@couronne/ui': { singleton: true, requiredVersion: '^0.1.0' },
  '@couronne/console-kit': { singleton: true, requiredVersion: '^0.1.0' },
} as const satisfies Record<string, { singleton: true; requiredVersion: string }>;
