import type { Api } from "@owners/api";
import { parseBatchInput } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { BatchRunner } from "./scheduler.ts";

/**
 * The scheduler's batches: the batch registry bound in the API's container (the same runner,
 * checkpoints and leases as POST /admin/batches/{name}), as the platform, each invocation running
 * to the end of its work list. Schedules hand over string maps, as EventBridge does.
 */
export const schedulerBatchRunner =
  (api: Api): BatchRunner =>
  (name, input) =>
    pipe(
      TE.fromEither(parseBatchInput(input)),
      TE.chain((parsed) => api.useCases.batches.run(name, parsed)),
    );
