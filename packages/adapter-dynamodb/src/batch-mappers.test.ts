import type { BatchCheckpoint, BatchRunRecord, Lease } from "@owners/app";
import { instant } from "@owners/domain";
import { describe, expect, it } from "vitest";
import {
  checkpointFromItem,
  checkpointToItem,
  leaseFromItem,
  leaseToItem,
  runRecordFromItem,
  runRecordToItem,
} from "./batch-mappers.ts";
import { throughDynamo } from "./testing/stored.ts";

const checkpoint: BatchCheckpoint = {
  batch: "allocate-harvests",
  scope: "all",
  runId: "run_01J",
  status: "running",
  cursor: '{"s":0,"c":"abc"}',
  chunks: 3,
  counts: { plansAllocated: 2, refundYenPaid: 12_345 },
  startedAt: instant("2026-07-25T03:00:00.000Z"),
  updatedAt: instant("2026-07-25T03:02:00.000Z"),
  version: 4,
};

describe("batch mappers", () => {
  it("round-trip a checkpoint, with and without a cursor", () => {
    expect(checkpointFromItem(throughDynamo(checkpointToItem(checkpoint)))).toEqual(checkpoint);
    const { cursor: _cursor, ...done } = { ...checkpoint, status: "done" as const, counts: {} };
    const item = throughDynamo(checkpointToItem(done));
    expect(item).not.toHaveProperty("cursor");
    expect(checkpointFromItem(item)).toEqual(done);
  });

  it("round-trip a lease, which carries a TTL a day after it expires", () => {
    const lease: Lease = {
      batch: "allocate-harvests",
      scope: "plan_figs",
      owner: "inv_1",
      acquiredAt: instant("2026-07-25T03:00:00.000Z"),
      expiresAt: instant("2026-07-25T03:05:00.000Z"),
    };
    const item = throughDynamo(leaseToItem(lease));
    expect(leaseFromItem(item)).toEqual(lease);
    expect(item.expiresAtEpoch).toBe(Date.parse(lease.expiresAt) / 1000 + 86_400);
    expect(item).toMatchObject({ PK: "BATCH#allocate-harvests#plan_figs", SK: "LEASE" });
  });
});

describe("run record mapper", () => {
  it("round-trips a run with its report, under the batch's runs, expiring after a month", () => {
    const run: BatchRunRecord = {
      batch: "refund-cancelled-plans",
      scope: "plan_figs",
      runId: "run_9",
      status: "failed",
      startedAt: instant("2026-07-25T03:00:00.000Z"),
      updatedAt: instant("2026-07-25T03:02:00.000Z"),
      chunks: 1,
      counts: { refunds: 3 },
      failure: { code: "STORE.UNAVAILABLE", message: "down" },
    };
    const item = runRecordToItem(run);
    expect(runRecordFromItem(throughDynamo(item))).toStrictEqual(run);
    expect(item).toMatchObject({
      PK: "BATCH#RUNS#refund-cancelled-plans",
      SK: "2026-07-25T03:00:00.000Z#plan_figs#run_9",
      expiresAtEpoch: Date.parse("2026-08-24T03:00:00.000Z") / 1000,
    });
  });
});
