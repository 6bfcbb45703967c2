import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    // Testing Library registers its automatic cleanup only when afterEach is a global.
    globals: true,
    setupFiles: ['./vitest.setup.ts'],
    // tokens.test.ts reads tokens.css?raw; vitest empties CSS it does not process.
    css: { include: [/tokens\.css/] },
  },
});
