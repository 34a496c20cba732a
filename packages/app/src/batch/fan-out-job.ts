import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type FanOutDeps, fanOutNotices } from "../communication/fan-out-notices.ts";
import type { BatchJob } from "./runner.ts";

/** Fan-out triggers expanded per chunk, before the chunk's flush. */
const TRIGGERS_PER_CHUNK = 10;

/**
 * The flush-notifications job with the fan-out in front: each chunk first expands pending fan-out
 * triggers into per-recipient messages (idempotent: dedupe keys), then flushes as before, so a plan
 * closed or cancelled at noon is told to its owners by the same run. The chunk is done only when
 * no trigger is left as well. A trigger that fails stays pending and is reported, like a refused
 * message.
 */
export const withFanOut = (job: BatchJob, deps: FanOutDeps, actor: Actor): BatchJob => ({
  ...job,
  step: (chunk) =>
    pipe(
      fanOutNotices(deps)(actor, { maxTriggers: TRIGGERS_PER_CHUNK }),
      TE.chain((fanOut) =>
        pipe(
          job.step(chunk),
          TE.map((outcome) => ({
            ...outcome,
            counts: {
              ...outcome.counts,
              fanOutTriggers: fanOut.triggers,
              fanOutMessages: fanOut.messages,
            },
            done: outcome.done && fanOut.triggers + fanOut.failed.length < TRIGGERS_PER_CHUNK,
            problems: [
              ...(outcome.problems ?? []),
              ...fanOut.failed.map((f) => ({
                item: f.dedupeKey,
                code: f.error,
                message: "the fan-out trigger could not be expanded; it stays pending",
              })),
            ],
          })),
        ),
      ),
    ),
});
