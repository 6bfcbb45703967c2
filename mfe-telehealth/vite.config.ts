import { defineRemoteConfig } from '../packages/console-kit/vite-remote.ts';

export default defineRemoteConfig({ name: 'mfe_telehealth', port: 4104 });
