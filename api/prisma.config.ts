import { defineConfig } from "prisma/config";

// Only `prisma generate` uses the Prisma CLI. Migrations go through src/db/migrations.ts
// (@prisma/schema-engine-wasm over a driver adapter): the native schema engine cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
