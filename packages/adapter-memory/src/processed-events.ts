import type { ProcessedEvents } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/** Event ids seen, kept for the life of the process (the memory mode has no TTL to honour). */
export const makeMemoryProcessedEvents = (): ProcessedEvents => {
  const seen = new Set<string>();
  return {
    markProcessed: (eventId) =>
      TE.fromIO(() => {
        if (seen.has(eventId)) return false;
        seen.add(eventId);
        return true;
      }),
    unmark: (eventId) =>
      TE.fromIO(() => {
        seen.delete(eventId);
      }),
  };
};
