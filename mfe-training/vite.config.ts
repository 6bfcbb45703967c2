import { defineRemoteConfig } from '../packages/console-kit/vite-remote.ts';

export default defineRemoteConfig({ name: 'mfe_training', port: 4103 });
