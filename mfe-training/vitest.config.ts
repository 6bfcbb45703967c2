import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // globals: Testing Library registers its automatic cleanup only when afterEach is a global.
  // The ui kit's setup gives jsdom the CSS.escape its select and list boxes call.
  test: { environment: 'jsdom', globals: true, setupFiles: ['../packages/ui/vitest.setup.ts'] },
});
