import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "./levels.ts";
import { PERSONAL_DATA_PATHS } from "./personal-data.ts";

export type { Logger };

export interface LoggerOptions {
  /** The deployable writing: `owners-api`, `owners-batch`. */
  readonly service: string;
  readonly level?: LogLevel;
  /** Where the lines go: stdout (what CloudWatch keeps) unless a test captures them. */
  readonly destination?: DestinationStream;
}

/**
 * The one logger of the API and the batches, configured here once: one JSON line per entry with
 * `level` (pino's number), `time`, `service` and `msg`, plus what the caller's child adds
 * (`requestId` for an API request; `batch`, `runId` and `requestId` for a batch invocation). No
 * pid or hostname. Personal-data fields are removed (personal-data.ts), a net under the rule that
 * callers log ids of records, codes and counts only.
 */
export const createLogger = ({ service, level = "info", destination }: LoggerOptions): Logger =>
  pino(
    {
      level,
      base: { service },
      redact: { paths: [...PERSONAL_DATA_PATHS], remove: true },
    },
    destination,
  );
