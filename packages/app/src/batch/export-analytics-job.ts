import { type Instant, millisOf } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { AnalyticsExportState, AnalyticsSink } from "../ports/analytics-sink.ts";
import type { AnalyticsRecord, AnalyticsSource } from "../ports/analytics-source.ts";
import type { Clock } from "../ports/clock.ts";
import { runPooled } from "../worker-pool.ts";
import { ALL_SCOPE } from "./global-jobs.ts";
import { addCounts, type BatchJob, type ChunkOutcome } from "./runner.ts";

/** What the export-analytics batch reads from and writes to. */
export interface AnalyticsExportPorts {
  readonly source: AnalyticsSource;
  readonly sink: AnalyticsSink;
  /** Segments of the parallel read: more for a bigger table (each is held in memory once). */
  readonly totalSegments?: number;
  /** Segments read at the same time. */
  readonly parallelism?: number;
  /** A full snapshot is written when the last one is at least this old (and on the first run). */
  readonly snapshotEveryDays?: number;
}

export const DEFAULT_ANALYTICS_SEGMENTS = 16;
export const DEFAULT_ANALYTICS_PARALLELISM = 4;
export const DEFAULT_SNAPSHOT_EVERY_DAYS = 7;

/** Where a run is, carried in its checkpoint cursor: a resumed run keeps its id, day and baseline. */
interface ExportCursor {
  readonly next: number;
  readonly totalSegments: number;
  readonly startedAt: Instant;
  readonly snapshot: boolean;
  /** The last successful run, whose fingerprints say what is unchanged (absent: snapshot). */
  readonly baseRunId?: string;
  readonly lastSnapshotAt: Instant;
}

/** cyrb53 (a fast 53-bit string hash), seeded; two seeds give the 106-bit fingerprint. */
const cyrb53 = (text: string, seed: number): number => {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/**
 * The content fingerprint of a record: equal for an unchanged entity. Not a cryptographic hash
 * (nothing secret goes in, nobody forges entities): a per-record SHA-256 cost more than the
 * export's every other step. The stored entity serializes the same way each time it is read (the
 * adapters' mappers build it field by field); if it ever did not, the row would only be exported
 * again, never missed.
 */
export const fingerprintOf = (record: AnalyticsRecord): string => {
  const text = `${record.entity}\n${JSON.stringify(record.value)}`;
  return `${cyrb53(text, 1).toString(36)}.${cyrb53(text, 2).toString(36)}`;
};

const DAY_MS = 86_400_000;

const planRun = (
  state: O.Option<AnalyticsExportState>,
  now: Instant,
  totalSegments: number,
  snapshotEveryDays: number,
): ExportCursor => {
  if (O.isNone(state) || state.value.totalSegments !== totalSegments)
    return { next: 0, totalSegments, startedAt: now, snapshot: true, lastSnapshotAt: now };
  const last = state.value;
  const snapshot = millisOf(now) - millisOf(last.lastSnapshotAt) >= snapshotEveryDays * DAY_MS;
  return {
    next: 0,
    totalSegments,
    startedAt: now,
    snapshot,
    ...(snapshot ? {} : { baseRunId: last.lastRunId }),
    lastSnapshotAt: snapshot ? now : last.lastSnapshotAt,
  };
};

const parseCursor = (raw: string): ExportCursor => JSON.parse(raw) as ExportCursor;

/**
 * One segment: the base run's fingerprints first, then the segment page by page, each page's
 * changed entities (all of them in a snapshot) handed to the part's files, then the files written
 * (keyed by run and segment) and the segment's fingerprints saved. Run again after a crash, it
 * rewrites the same files: nothing is duplicated.
 */
const exportSegment =
  (
    ports: AnalyticsExportPorts,
    cursor: ExportCursor,
    runId: string,
    segment: number,
  ): TE.TaskEither<AppError, Record<string, number>> =>
  async () => {
    let unchanged: ReadonlySet<string> = new Set();
    if (cursor.baseRunId !== undefined) {
      const base = await ports.sink.readFingerprints(cursor.baseRunId, segment)();
      if (base._tag === "Left") return base;
      // A base run always saved every segment before its state was written; none means lost state.
      if (O.isNone(base.right))
        return E.left(
          appError("STORE.UNAVAILABLE", "the last run's fingerprints are missing", {
            runId: cursor.baseRunId,
            segment,
          }),
        );
      unchanged = new Set(base.right.value);
    }
    const part = ports.sink.startPart({
      runId,
      dt: cursor.startedAt.slice(0, 10),
      segment,
      exportedAt: cursor.startedAt,
      snapshot: cursor.snapshot,
    });
    const fingerprints: string[] = [];
    let exported = 0;
    const read = await ports.source.readSegment(segment, cursor.totalSegments, (records) => {
      const changed = records.filter((record) => {
        const fingerprint = fingerprintOf(record);
        fingerprints.push(fingerprint);
        return !unchanged.has(fingerprint);
      });
      exported += changed.length;
      part.add(changed);
    })();
    if (read._tag === "Left") return read;
    const written = await part.finish()();
    if (written._tag === "Left") return written;
    const saved = await ports.sink.writeFingerprints(runId, segment, fingerprints)();
    if (saved._tag === "Left") return saved;
    return E.right(addCounts({ read: read.right, exported }, written.right));
  };

/**
 * export-analytics: the whole store to the analytics bucket, incrementally. Every run reads every
 * segment (a parallel Scan in DynamoDB) and writes only the entities whose content fingerprint is
 * not in the last successful run's; a full snapshot every `snapshotEveryDays` (and the first run,
 * or when the segment count changed) writes everything. A chunk does `segmentsPerChunk` segments,
 * `parallelism` at a time; the checkpoint cursor carries the run's plan, so a resumed run keeps its id, day
 * and baseline, and the state naming it the next baseline is written after its last segment.
 */
export const exportAnalyticsJob = (
  ports: AnalyticsExportPorts | undefined,
  clock: Clock,
  segmentsPerChunk: number,
): BatchJob => ({
  batch: "export-analytics",
  scope: ALL_SCOPE,
  step: (chunk) => async (): Promise<E.Either<AppError, ChunkOutcome>> => {
    if (ports === undefined)
      return E.left(
        appError("STORE.UNAVAILABLE", "export-analytics: no analytics bucket is configured", {}),
      );
    let cursor: ExportCursor;
    if (chunk.cursor === undefined) {
      const state = await ports.sink.readState()();
      if (state._tag === "Left") return state;
      cursor = planRun(
        state.right,
        clock.now(),
        ports.totalSegments ?? DEFAULT_ANALYTICS_SEGMENTS,
        ports.snapshotEveryDays ?? DEFAULT_SNAPSHOT_EVERY_DAYS,
      );
    } else cursor = parseCursor(chunk.cursor);
    const end = Math.min(cursor.totalSegments, cursor.next + Math.max(1, segmentsPerChunk));
    const segments = Array.from({ length: end - cursor.next }, (_, i) => cursor.next + i);
    // A pool rather than all at once: segments finish at different times, so one segment's CPU
    // work (rows, Parquet) overlaps the others' reads instead of all landing at the end.
    const results = await runPooled(
      segments,
      ports.parallelism ?? DEFAULT_ANALYTICS_PARALLELISM,
      (segment) => exportSegment(ports, cursor, chunk.runId, segment)(),
      E.isLeft,
    );
    let counts: Record<string, number> = { segments: segments.length };
    for (const result of results) {
      if (result._tag === "Left") return result;
      counts = addCounts(counts, result.right);
    }
    const done = end >= cursor.totalSegments;
    if (done) {
      const saved = await ports.sink.writeState({
        lastRunId: chunk.runId,
        lastRunAt: cursor.startedAt,
        lastSnapshotAt: cursor.lastSnapshotAt,
        totalSegments: cursor.totalSegments,
      })();
      if (saved._tag === "Left") return saved;
    }
    if (cursor.snapshot && cursor.next === 0) counts = addCounts(counts, { snapshot: 1 });
    return E.right({ counts, cursor: JSON.stringify({ ...cursor, next: end }), done });
  },
});
