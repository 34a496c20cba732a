import "reflect-metadata";
import { appError, type BatchRunReport } from "@owners/app";
import { instant } from "@owners/domain";
import { createLogger } from "@owners/logging";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { composeBatches, type RunBatch } from "./composition.ts";
import { readBatchConfig } from "./config.ts";
import { BatchFailure, makeBatchHandler } from "./handler.ts";

const context = { awsRequestId: "req-1", getRemainingTimeInMillis: () => 600_000 };
const options = {
  safetyMarginMs: 30_000,
  leaseMs: 120_000,
  logger: createLogger({ service: "owners-batch", level: "silent" }),
};

const report: BatchRunReport = {
  batch: "close-sales",
  scope: "all",
  runId: "run_1",
  outcome: "finished",
  resumed: false,
  chunksThisInvocation: 1,
  chunks: 1,
  counts: { plansClosed: 0 },
  problems: [],
  startedAt: instant("2026-07-25T03:00:00.000Z"),
  updatedAt: instant("2026-07-25T03:00:01.000Z"),
};

describe("makeBatchHandler", () => {
  it("runs the batch with the scheduler's input, the Lambda's time and request id", async () => {
    const calls: unknown[] = [];
    const run: RunBatch = (name, input, ctx) => {
      calls.push({ name, input, owner: ctx?.owner, left: ctx?.remainingTimeMs?.() });
      return TE.right({ ...report, batch: name });
    };
    const handler = makeBatchHandler(run, options)("allocate-harvests");
    const result = await handler(
      { batch: "allocate-harvests", input: { planId: "plan_a", chunkSize: "2" } },
      context,
    );
    expect(result).toMatchObject({ status: "finished", batch: "allocate-harvests" });
    expect(calls).toEqual([
      {
        name: "allocate-harvests",
        input: { planId: "plan_a", chunkSize: 2 },
        owner: "req-1",
        left: 600_000,
      },
    ]);
  });

  it("backs off without failing when another run holds the lease", async () => {
    const run: RunBatch = () => TE.left(appError("BATCH.LEASE_HELD", "held", { holder: "req-0" }));
    const result = await makeBatchHandler(run, options)()({ batch: "close-sales" }, context);
    expect(result).toEqual({
      status: "lease-held",
      batch: "close-sales",
      details: { holder: "req-0" },
    });
  });

  it("throws any other failure, so that Lambda and the scheduler retry", async () => {
    const run: RunBatch = () => TE.left(appError("STORE.UNAVAILABLE", "down"));
    const handler = makeBatchHandler(run, options)("close-sales");
    await expect(handler(undefined, context)).rejects.toBeInstanceOf(BatchFailure);
    await expect(handler({ batch: "expire-offers" }, context)).rejects.toThrow(/invoked for/);
    await expect(handler({ input: { chunkSize: "0" } }, context)).rejects.toThrow(
      /VALIDATION.INVALID/,
    );
  });

  it("runs every batch on the memory store composition, and refuses an unknown one", async () => {
    const batches = composeBatches(readBatchConfig({}));
    const handlerFor = makeBatchHandler(batches.runBatch, options);
    for (const name of [
      "close-sales",
      "expire-offers",
      "allocate-harvests",
      "schedule-shipments",
      "flush-notifications",
    ] as const) {
      const result = await handlerFor(name)({ batch: name }, context);
      expect(result).toMatchObject({ status: "finished", batch: name, scope: "all" });
    }
    await expect(handlerFor()({ batch: "export-everything" }, context)).rejects.toThrow(
      /BATCH.UNKNOWN/,
    );
  });
});
