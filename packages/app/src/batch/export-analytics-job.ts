import { createHash } from "node:crypto";
import { type Instant, millisOf } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { AnalyticsExportState, AnalyticsSink } from "../ports/analytics-sink.ts";
import type { AnalyticsRecord, AnalyticsSource } from "../ports/analytics-source.ts";
import type { Clock } from "../ports/clock.ts";
import { ALL_SCOPE } from "./global-jobs.ts";
import { addCounts, type BatchJob, type ChunkOutcome } from "./runner.ts";

/** What the export-analytics batch reads from and writes to. */
export interface AnalyticsExportPorts {
  readonly source: AnalyticsSource;
  readonly sink: AnalyticsSink;
  /** Segments of the parallel read: more for a bigger table (each is held in memory once). */
  readonly totalSegments?: number;
  /** A full snapshot is written when the last one is at least this old (and on the first run). */
  readonly snapshotEveryDays?: number;
}

export const DEFAULT_ANALYTICS_SEGMENTS = 8;
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

/** Keys sorted at every level, so the same entity always serializes, hence hashes, the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** 64 bits of SHA-256 of the table and the entity's content: equal iff unchanged (collisions ~2^-64). */
export const fingerprintOf = (record: AnalyticsRecord): string =>
  createHash("sha256")
    .update(record.entity)
    .update("\n")
    .update(canonical(record.value))
    .digest("hex")
    .slice(0, 16);

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
 * One segment: read it whole, keep what changed since the base run (everything in a snapshot),
 * write it as part files keyed by (run, segment), then save the segment's fingerprints. Run again
 * after a crash, it rewrites the same files: nothing is duplicated.
 */
const exportSegment =
  (
    ports: AnalyticsExportPorts,
    cursor: ExportCursor,
    runId: string,
    segment: number,
  ): TE.TaskEither<AppError, Record<string, number>> =>
  async () => {
    const read = await ports.source.readSegment(segment, cursor.totalSegments)();
    if (read._tag === "Left") return read;
    const records = read.right;
    const fingerprints = records.map(fingerprintOf);
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
    const changed = records.filter((_, i) => !unchanged.has(fingerprints[i] as string));
    const written = await ports.sink.writePart({
      runId,
      dt: cursor.startedAt.slice(0, 10),
      segment,
      exportedAt: cursor.startedAt,
      snapshot: cursor.snapshot,
      records: changed,
    })();
    if (written._tag === "Left") return written;
    const saved = await ports.sink.writeFingerprints(runId, segment, fingerprints)();
    if (saved._tag === "Left") return saved;
    return E.right(addCounts({ read: records.length, exported: changed.length }, written.right));
  };

/**
 * export-analytics: the whole store to the analytics bucket, incrementally. Every run reads every
 * segment (a parallel Scan in DynamoDB) and writes only the entities whose content fingerprint is
 * not in the last successful run's; a full snapshot every `snapshotEveryDays` (and the first run,
 * or when the segment count changed) writes everything. A chunk does `segmentsPerChunk` segments
 * concurrently; the checkpoint cursor carries the run's plan, so a resumed run keeps its id, day
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
    const results = await Promise.all(
      segments.map((s) => exportSegment(ports, cursor, chunk.runId, s)()),
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
