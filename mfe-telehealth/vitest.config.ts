import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // globals: Testing Library registers its automatic cleanup only when afterEach is a global.
  test: { environment: 'jsdom', globals: true },
});
