/** `npm start -w @couronne/api`: configuration → database (migrated, seeded when empty) → HTTP server. */
import { seedIfEmpty } from "../prisma/seed/index.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { openDatabase } from "./db/database.js";
import { createLogger } from "./logger.js";
import { startApi } from "./server.js";

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel });
const demo = config.nodeEnv !== "production";
const db = await openDatabase({ ...(config.databaseUrl === undefined ? {} : { url: config.databaseUrl }), migrate: true });
try {
  const { seeded } = await seedIfEmpty(db.prisma, { demo });
  if (seeded) logger.info({ demo }, "empty database seeded");
  const api = await startApi({ db, config, logger });
  logger.info({ url: api.url, database: db.kind }, `Couronne API listening on ${api.url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await api.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  await db.close();
  throw error;
}
