import type { BatchCheckpoint, BatchRunRecord, Lease } from "@owners/app";
import { type Instant, millisOf } from "@owners/domain";
import { batchKeys } from "./batch-keys.ts";
import { defined, type Item } from "./item.ts";

/** A lease item stays a day past its expiry before TTL collects it (reads never trust TTL). */
const LEASE_GARBAGE_AFTER_S = 24 * 3_600;

export const checkpointToItem = (checkpoint: BatchCheckpoint): Item =>
  defined({
    ...batchKeys.checkpoint(checkpoint.batch, checkpoint.scope),
    entity: "batchCheckpoint",
    batch: checkpoint.batch,
    scope: checkpoint.scope,
    runId: checkpoint.runId,
    status: checkpoint.status,
    cursor: checkpoint.cursor,
    chunks: checkpoint.chunks,
    counts: { ...checkpoint.counts },
    startedAt: checkpoint.startedAt,
    updatedAt: checkpoint.updatedAt,
    version: checkpoint.version,
  });

export const checkpointFromItem = (item: Item): BatchCheckpoint => ({
  batch: item.batch as string,
  scope: item.scope as string,
  runId: item.runId as string,
  status: item.status as BatchCheckpoint["status"],
  ...(item.cursor === undefined ? {} : { cursor: item.cursor as string }),
  chunks: item.chunks as number,
  counts: { ...(item.counts as Record<string, number>) },
  startedAt: item.startedAt as Instant,
  updatedAt: item.updatedAt as Instant,
  version: item.version as number,
});

export const leaseToItem = (lease: Lease): Item => ({
  ...batchKeys.lease(lease.batch, lease.scope),
  entity: "batchLease",
  batch: lease.batch,
  scope: lease.scope,
  owner: lease.owner,
  acquiredAt: lease.acquiredAt,
  expiresAt: lease.expiresAt,
  expiresAtEpoch: leaseGarbageEpoch(lease.expiresAt),
});

export const leaseGarbageEpoch = (expiresAt: Instant): number =>
  Math.floor(millisOf(expiresAt) / 1000) + LEASE_GARBAGE_AFTER_S;

export const leaseFromItem = (item: Item): Lease => ({
  batch: item.batch as string,
  scope: item.scope as string,
  owner: item.owner as string,
  acquiredAt: item.acquiredAt as Instant,
  expiresAt: item.expiresAt as Instant,
});

/** A run record stays findable for a month, then TTL collects it. */
const RUN_KEPT_S = 30 * 24 * 3_600;

/** A run record: the record itself as plain data (its report nested), under the batch's runs. */
export const runRecordToItem = (run: BatchRunRecord): Item => ({
  ...batchKeys.run(run.batch, run.startedAt, run.scope, run.runId),
  entity: "batchRun",
  // Plain data: a JSON round trip drops the absent optional fields DynamoDB would refuse.
  run: JSON.parse(JSON.stringify(run)) as Item,
  expiresAtEpoch: Math.ceil(millisOf(run.startedAt) / 1000) + RUN_KEPT_S,
});

export const runRecordFromItem = (item: Item): BatchRunRecord => item.run as BatchRunRecord;
