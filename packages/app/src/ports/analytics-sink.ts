import type { Instant } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { AnalyticsRecord } from "./analytics-source.ts";

/** One segment's part of an export run. */
export interface AnalyticsPart {
  readonly runId: string;
  /** Partition day of the run, YYYY-MM-DD (UTC). */
  readonly dt: string;
  readonly segment: number;
  /** When the run started: stamped on every row. */
  readonly exportedAt: Instant;
  readonly snapshot: boolean;
}

/** The files of one part, filled page by page. */
export interface AnalyticsPartWriter {
  /** Adds records (turned into rows right away, so the work spreads over the read). */
  add(records: readonly AnalyticsRecord[]): void;
  /**
   * Writes one file per table that got rows, named by (table, dt, run, segment): writing the same
   * part again replaces its files. Returns the rows written per table.
   */
  finish(): TE.TaskEither<AppError, Readonly<Record<string, number>>>;
}

/** What the last successful export run left for the next one. */
export interface AnalyticsExportState {
  readonly lastRunId: string;
  readonly lastRunAt: Instant;
  readonly lastSnapshotAt: Instant;
  readonly totalSegments: number;
}

/** Where the analytics export writes: the analytics bucket (part files and the export's state). */
export interface AnalyticsSink {
  /** Starts the files of one part. */
  startPart(part: AnalyticsPart): AnalyticsPartWriter;
  /** Content fingerprints of segment `segment` as run `runId` read it; none if it never saved them. */
  readFingerprints(
    runId: string,
    segment: number,
  ): TE.TaskEither<AppError, O.Option<readonly string[]>>;
  /** Saves the fingerprints of a segment for the next run to compare against. */
  writeFingerprints(
    runId: string,
    segment: number,
    fingerprints: readonly string[],
  ): TE.TaskEither<AppError, void>;
  /** The state of the last successful run; none before the first. */
  readState(): TE.TaskEither<AppError, O.Option<AnalyticsExportState>>;
  /** Records a successful run (written last, so a run that dies is never the baseline). */
  writeState(state: AnalyticsExportState): TE.TaskEither<AppError, void>;
}
