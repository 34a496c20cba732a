import type { RateCounter } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/** Counts in a Map; expired windows are dropped on the next hit, as DynamoDB's TTL would. */
export const makeMemoryRateCounter = (): RateCounter => {
  const windows = new Map<string, { count: number; expiresAt: string }>();
  return {
    hit: (subject, windowStart, expiresAt) =>
      TE.fromIO(() => {
        for (const [key, window] of windows)
          if (window.expiresAt <= windowStart) windows.delete(key);
        const key = JSON.stringify([subject, windowStart]);
        const count = (windows.get(key)?.count ?? 0) + 1;
        windows.set(key, { count, expiresAt });
        return count;
      }),
  };
};
