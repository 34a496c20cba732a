import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type FanOutDeps, fanOutNotices } from "../communication/fan-out-notices.ts";
import { remindExpiringHolds } from "../payments/remind-expiring-holds.ts";
import type { BatchJob } from "./runner.ts";

/** Fan-out triggers expanded per chunk, before the chunk's flush. */
const TRIGGERS_PER_CHUNK = 10;

/**
 * The flush-notifications job with the fan-out in front: each chunk first reminds unpaid holds
 * about to end (remind-expiring-holds.ts), then expands pending fan-out
 * triggers into per-recipient messages (idempotent: dedupe keys), then flushes as before, so a plan
 * closed or cancelled at noon is told to its owners by the same run. The chunk is done only when
 * no trigger is left as well. A trigger that fails stays pending and is reported, like a refused
 * message.
 */
export const withFanOut = (job: BatchJob, deps: FanOutDeps, actor: Actor): BatchJob => ({
  ...job,
  step: (chunk) =>
    pipe(
      // Unpaid holds about to end are reminded first (the message is their only write).
      remindExpiringHolds(deps)(),
      TE.bindTo("reminded"),
      TE.bind("fanOut", () => fanOutNotices(deps)(actor, { maxTriggers: TRIGGERS_PER_CHUNK })),
      TE.chain(({ reminded, fanOut }) =>
        pipe(
          job.step(chunk),
          TE.map((outcome) => ({
            ...outcome,
            counts: {
              ...outcome.counts,
              fanOutTriggers: fanOut.triggers,
              fanOutMessages: fanOut.messages,
              holdReminders: reminded,
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
