import fs from 'node:fs';
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { federationShared } from '../packages/console-kit/federation-shared.ts';

const api = 'http://127.0.0.1:4000';
const proxy = { '/graphql': api, '/console': api };

/**
 * The installed version of each shared singleton, i.e. what this shell provides at run time: the shell
 * refuses a remote whose manifest requires another (src/modules/shared-versions.ts). Read from the
 * package.json files because the workspace packages do not export theirs.
 */
const sharedVersions = Object.fromEntries(
  Object.keys(federationShared).map((name) => {
    const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return [name, (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version];
  }),
);

export default defineConfig({
  plugins: [
    react(),
    // No remote is known at build time: the API's consoleModules lists them (src/App.tsx).
    federation({ name: 'couronne_shell', remotes: {}, shared: federationShared, dts: false }),
  ],
  define: { __COURONNE_SHARED_VERSIONS__: JSON.stringify(sharedVersions) },
  server: { host: '127.0.0.1', port: 4100, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4100, strictPort: true, proxy },
});
