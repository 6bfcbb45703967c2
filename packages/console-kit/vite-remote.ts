import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { federationShared } from './federation-shared.ts';

/**
 * The Vite config of one federated module (mfe-*): exposes `./module` (its contract, src/module.tsx)
 * with a manifest and the shared singletons; publicPath stays automatic. Dev and preview servers listen
 * on 127.0.0.1:<port>; dev proxies /graphql to the API.
 * Imported by the vite.config.ts of every module with its `.ts` extension, like federation-shared.ts.
 */
export function defineRemoteConfig({ name, port }: { name: string; port: number }): UserConfig {
  return defineConfig({
    plugins: [
      react(),
      federation({
        name,
        filename: 'remoteEntry.js',
        manifest: true,
        exposes: { './module': './src/module.tsx' },
        shared: federationShared,
        dts: false,
      }),
    ],
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      // Asset URLs must point at this server when the shell (another origin) loads the module.
      origin: `http://127.0.0.1:${port}`,
      proxy: { '/graphql': 'http://127.0.0.1:4000' },
    },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
}
