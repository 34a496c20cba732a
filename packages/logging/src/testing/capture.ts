import { Writable } from "node:stream";
import type { LogLevel } from "../levels.ts";
import { createLogger, type Logger } from "../logger.ts";

export interface CapturedLogs {
  /** The production logger (createLogger), writing into memory instead of stdout. */
  readonly logger: Logger;
  /** Every line written so far, as written. */
  readonly lines: string[];
  /** The lines parsed. */
  entries(): Record<string, unknown>[];
}

/** For tests that read what a logger wrote (fields present, nothing personal). */
export const captureLogs = (service: string, level: LogLevel = "trace"): CapturedLogs => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger({ service, level, destination }),
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
};
