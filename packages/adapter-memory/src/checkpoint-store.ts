import type { BatchCheckpoint, CheckpointStore } from "@owners/app";
import { type AppError, appError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";

const keyOf = (batch: string, scope: string) => JSON.stringify([batch, scope]);

/** Checkpoints in a Map, with the same version check as the DynamoDB store. */
export const makeMemoryCheckpointStore = (): CheckpointStore => {
  const stored = new Map<string, BatchCheckpoint>();
  return {
    get: (batch, scope) =>
      TE.fromIO(() => O.fromNullable(structuredClone(stored.get(keyOf(batch, scope))))),
    save: (checkpoint, expectedVersion) =>
      TE.fromIOEither(() => {
        const key = keyOf(checkpoint.batch, checkpoint.scope);
        const current = stored.get(key)?.version ?? 0;
        if (current !== expectedVersion)
          return E.left<AppError, BatchCheckpoint>(
            appError("STORE.VERSION_CONFLICT", "another run saved this batch's checkpoint", {
              batch: checkpoint.batch,
              scope: checkpoint.scope,
              expectedVersion,
              storedVersion: current,
            }),
          );
        const saved: BatchCheckpoint = { ...structuredClone(checkpoint), version: current + 1 };
        stored.set(key, saved);
        return E.right(structuredClone(saved));
      }),
  };
};
