import { listBatchRuns, type Ports } from "@owners/app";
import { lazyPort } from "../lazy-port.ts";
import type { BatchStoresWithAnalytics, UseCaseSettings } from "../use-cases.ts";
import type { UseCaseFactory } from "./factory.ts";

type RunBatch = ReturnType<typeof import("@owners/app").runBatch>;

/**
 * `run`: the batch registry (checkpointed chunks under a lease), the one entry point the scheduler,
 * `pnpm batch`, the Lambda handlers and POST /admin/batches share. The registry and what only
 * batches use (allocation, shipping schedules, the analytics export) load on the first run, out
 * of the API Lambda's cold start.
 */
export const makeBatchUseCases = (
  ports: Ports,
  settings: UseCaseSettings,
  stores: BatchStoresWithAnalytics,
): { readonly run: RunBatch; readonly runs: ReturnType<typeof listBatchRuns> } => ({
  ...lazyPort<{ readonly run: RunBatch }>(
    { run: true },
    () =>
      import("@owners/app/batch-registry").then(({ runBatch }) => ({
        run: runBatch({
          ...ports,
          ...stores,
          reservationConfig: settings.reservation,
          ...(settings.notificationLinks === undefined
            ? {}
            : { notificationLinks: settings.notificationLinks }),
        }),
      })),
    "the batch registry",
  ),
  // The runs' records only: reading them loads none of the batches' code.
  runs: listBatchRuns(stores),
});

export const batchesUseCases: UseCaseFactory<"batches"> = (ports, s, stores) =>
  makeBatchUseCases(ports, s, stores);
