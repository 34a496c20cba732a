import { gzipSync } from "node:zlib";
import type {
  AnalyticsExportState,
  AnalyticsPart,
  AnalyticsRecord,
  AnalyticsSink,
  AppError,
  BlobStore,
} from "@owners/app";
import type { Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { SCHEMA_OF } from "./entity-schemas.ts";
import { encodeParquet } from "./parquet.ts";
import { producersOf } from "./producers.ts";
import { makePseudonymizer } from "./pseudonymize.ts";
import { type Row, type RowContext, rowOf } from "./rows.ts";
import type { AnyExportSchema } from "./schema/index.ts";
import { producerExport } from "./schema/producers.ts";
import { columnsOf } from "./tables.ts";

/** Table files live under this prefix (the Athena table locations); the export's state beside it. */
export const ANALYTICS_PREFIX = "analytics";
export const STATE_PREFIX = "analytics-export-state";
const PARQUET = "application/vnd.apache.parquet";

/**
 * GZIP (Node's native zlib, fast level) rather than the writer's pure-JS snappy: as fast to write
 * here and 40% smaller, and Athena bills the bytes it scans. Athena and DuckDB read both.
 */
const PARQUET_OPTIONS = {
  codec: "GZIP",
  compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 1 })) },
} as const;

/** `analytics/<table>/dt=YYYY-MM-DD/part-<run>-<segment>.parquet`: a rerun of a part overwrites it. */
export const partKey = (table: string, dt: string, runId: string, segment: number): string =>
  `${ANALYTICS_PREFIX}/${table}/dt=${dt}/part-${runId}-${String(segment).padStart(4, "0")}.parquet`;

const fingerprintKey = (runId: string, segment: number) =>
  `${STATE_PREFIX}/runs/${runId}/segment-${String(segment).padStart(4, "0")}.txt`;
const stateKey = `${STATE_PREFIX}/latest.json`;

export interface AnalyticsSinkOptions {
  /** The analytics bucket. */
  readonly blobs: BlobStore;
  /** Key of the HMAC that pseudonymizes personal data (16+ characters, kept out of the bucket). */
  readonly pseudonymizationSecret: string;
}

/** Reads a whole object with the BlobStore port's head + prefix read; none when absent. */
const readWhole = (blobs: BlobStore, key: string): TE.TaskEither<AppError, O.Option<string>> =>
  pipe(
    blobs.head(key),
    TE.chain(
      O.match(
        () => TE.right(O.none),
        (info) =>
          pipe(
            blobs.readPrefix(key, info.sizeBytes),
            TE.map((bytes) => O.some(new TextDecoder().decode(bytes))),
          ),
      ),
    ),
  );

/**
 * AnalyticsSink on a BlobStore (S3 in AWS and on `pnpm start`, memory in tests): one Parquet file
 * per table and part, personal data hashed with the configured secret on the way.
 */
export const makeAnalyticsSink = (options: AnalyticsSinkOptions): AnalyticsSink => {
  const { blobs } = options;
  const pseudonymize = makePseudonymizer(options.pseudonymizationSecret);

  const writeTable = (
    schema: AnyExportSchema,
    rows: readonly Row[],
    part: AnalyticsPart,
  ): TE.TaskEither<AppError, [string, number]> => {
    const key = partKey(schema.table, part.dt, part.runId, part.segment);
    // A row the encoder refuses is a bug in a schema, not an outcome: it throws.
    return pipe(
      TE.rightIO(() => encodeParquet(columnsOf(schema), rows, PARQUET_OPTIONS)),
      TE.chain((bytes) => blobs.put(key, bytes, PARQUET)),
      TE.map(() => [schema.table, rows.length] as [string, number]),
    );
  };

  return {
    startPart: (part) => {
      const ctx: RowContext = {
        exportedAt: part.exportedAt,
        snapshot: part.snapshot,
        pseudonymize,
      };
      const rows = new Map<AnalyticsRecord["entity"], Row[]>();
      const plans: Plan[] = [];
      return {
        add: (records) => {
          for (const record of records) {
            const row = rowOf(SCHEMA_OF[record.entity] as AnyExportSchema, record.value, ctx);
            const list = rows.get(record.entity);
            if (list === undefined) rows.set(record.entity, [row]);
            else list.push(row);
            if (record.entity === "plans") plans.push(record.value);
          }
        },
        finish: () => {
          const tables: [AnyExportSchema, readonly Row[]][] = [...rows].map(([entity, list]) => [
            SCHEMA_OF[entity] as AnyExportSchema,
            list,
          ]);
          if (plans.length > 0)
            tables.push([
              producerExport as AnyExportSchema,
              producersOf(plans).map((p) => rowOf(producerExport as AnyExportSchema, p, ctx)),
            ]);
          return pipe(
            TE.sequenceSeqArray(tables.map(([schema, list]) => writeTable(schema, list, part))),
            TE.map((written) => Object.fromEntries(written)),
          );
        },
      };
    },
    readFingerprints: (runId, segment) =>
      pipe(
        readWhole(blobs, fingerprintKey(runId, segment)),
        TE.map(O.map((text) => (text === "" ? [] : text.split("\n")))),
      ),
    writeFingerprints: (runId, segment, fingerprints) =>
      blobs.put(fingerprintKey(runId, segment), fingerprints.join("\n"), "text/plain"),
    readState: () =>
      pipe(
        readWhole(blobs, stateKey),
        TE.map(O.map((text) => JSON.parse(text) as AnalyticsExportState)),
      ),
    writeState: (state) => blobs.put(stateKey, JSON.stringify(state), "application/json"),
  };
};
