/**
 * The platform for the browser tests: the same one-process stack as `npm start`, on free ports, over a
 * fresh PGlite directory (migrated and seeded from scratch, so a test never sees a developer's data).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { moduleIds, startStack, type ModuleId, type Stack } from "../../scripts/stack.js";

export type { ModuleId, Stack };

export interface TestStack extends Stack {
  /** Stops the stack and deletes its database directory. */
  dispose(): Promise<void>;
}

export async function startTestStack(): Promise<TestStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "couronne-e2e-pglite-"));
  try {
    const stack = await startStack({
      databaseUrl: dataDir,
      apiPort: 0,
      shellPort: 0,
      modulePorts: Object.fromEntries(moduleIds.map((id) => [id, 0])) as Record<ModuleId, number>,
      // Request logs would bury the test report; warnings and errors still show.
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    return {
      ...stack,
      async dispose() {
        try {
          await stack.stop();
        } finally {
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
