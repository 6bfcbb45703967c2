import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built into playground/dist and served by the API under /playground/ (and at GET /graphql for browsers).
export default defineConfig({
  root: import.meta.dirname,
  // Absolute, so the same HTML also works when served at /graphql.
  base: "/playground/",
  plugins: [react()],
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The editor (monaco) is large by nature; it loads once, from the API itself.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React-compiler "use no memo" directives are meaningless in a bundle.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
});
