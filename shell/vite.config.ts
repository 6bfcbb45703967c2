import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { federationShared } from '../packages/console-kit/federation-shared.ts';

const api = 'http://127.0.0.1:4000';
const proxy = { '/graphql': api, '/console': api };

export default defineConfig({
  plugins: [
    react(),
    // No remote is known at build time: the registry fetched at start lists them (src/main.tsx).
    federation({ name: 'couronne_shell', remotes: {}, shared: federationShared, dts: false }),
  ],
  server: { host: '127.0.0.1', port: 4100, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4100, strictPort: true, proxy },
});
