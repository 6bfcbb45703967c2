/** Structured JSON logs (pino): one line per event, request id on every line of a request. */
import { pino, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Where to write; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

export function createLogger({ level, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "couronne-api" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and cookies must never reach the logs, whichever object carried them.
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
