import { createHash } from "node:crypto";
import type { AnalyticsRecord } from "@owners/app";

/** The identity of a record within its table (what a newer version of it shares). */
export const recordKey = (record: AnalyticsRecord): string =>
  record.entity === "allocations"
    ? `${record.entity}#${record.value.lotId}#${record.value.ownershipId}`
    : `${record.entity}#${record.value.id}`;

/** The segment a record belongs to, by a hash of its key: stable, and spread evenly. */
export const segmentOf = (record: AnalyticsRecord, totalSegments: number): number =>
  createHash("sha1").update(recordKey(record)).digest().readUInt32BE(0) % totalSegments;
