import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { federationShared } from '../packages/console-kit/federation-shared.ts';

const port = 4101;

export default defineConfig({
  plugins: [
    react(),
    federation({
      name: 'mfe_portal',
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
