/**
 * Export benchmark on a DynamoDB Local and an s3rver this script starts and stops. Prints:
 *   BENCH export-load <s> s items=<n>                  BatchWriteItem of the items (setup)
 *   BENCH scan <s> s items=<n> segments=<k>             bare parallel Scan of the table
 *   BENCH export <s> s items=<n> ratio=<r>              full export (snapshot) to s3rver / bare scan (goal <= 1.5);
 *                                                       fails unless every scanned item was exported; the
 *                                                       run's checkpoints and lease are on the table, as in production
 *   BENCH report-<name> <ms> ms                         each saved report with DuckDB over the files
 * BENCH_ITEMS changes the item count (200,000 by default).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  makeDynamoAnalyticsSource,
  makeDynamoBatchStores,
  scanSegment,
} from "@owners/adapter-dynamodb";
import { createTestTable } from "@owners/adapter-dynamodb/test-table";
import { makeIdGenerator } from "@owners/adapter-local";
import { makeS3BlobStore, makeS3Client, s3ClientSettings } from "@owners/adapter-s3";
import { exportAnalyticsJob, runBatchJob, runPooled } from "@owners/app";
import type { Instant } from "@owners/domain";
import { startDynamoDbLocal, startS3rver } from "@owners/test-engines";
import { openAnalyticsDb, query } from "../src/duckdb/open.ts";
import { reportNames, reportSql } from "../src/reports.ts";
import { makeAnalyticsSink } from "../src/sink.ts";
import { putRecords } from "../src/testing/dynamo-table.ts";
import { generatePlatform } from "../src/testing/generate.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 200_000);
const SEGMENTS = Number(process.env.BENCH_SEGMENTS ?? 16);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 4);
const BUCKET = "bench-analytics";
const WARM_UP_BUCKET = "bench-analytics-warm-up";

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Generated platform data, grown until it has ITEMS records, cut to exactly ITEMS. */
const generate = () => {
  let producers = Math.ceil(ITEMS / 1_100);
  for (;;) {
    const data = generatePlatform({ seed: 42, producers, owners: 20_000 });
    if (data.records.length >= ITEMS) return data.records.slice(0, ITEMS);
    producers = Math.ceil(producers * 1.2);
  }
};

const dir = mkdtempSync(join(tmpdir(), "owners-export-bench-"));
const dynamo = await startDynamoDbLocal({});
const s3 = await startS3rver({ directory: dir, buckets: [BUCKET, WARM_UP_BUCKET] });
try {
  const ctx = await createTestTable({ endpoint: dynamo.endpoint, prefix: "bench-export" });
  let t = performance.now();
  // Generated and loaded in one expression: nothing keeps the records alive while timing.
  const loaded = await (async () => {
    const records = generate();
    t = performance.now();
    await putRecords(ctx, records, 16);
    return records.length;
  })();
  console.log(`BENCH export-load ${seconds(performance.now() - t)} s items=${loaded}`);

  // The same segments read by the same pool as the export, doing nothing with the items.
  const bareScan = async () => {
    const start = performance.now();
    const segments = Array.from({ length: SEGMENTS }, (_, segment) => segment);
    const counts = await runPooled(segments, PARALLELISM, async (segment) => {
      const read = await scanSegment(ctx, segment, SEGMENTS, () => {})();
      if (read._tag === "Left") throw new Error(JSON.stringify(read.left));
      return read.right;
    });
    return { ms: performance.now() - start, items: counts.reduce((n, c) => n + c, 0) };
  };
  await bareScan(); // warm-up: the JVM's JIT and DynamoDB Local's caches, for both runs alike
  const scan = await bareScan();
  console.log(
    `BENCH scan ${seconds(scan.ms)} s items=${scan.items} segments=${SEGMENTS} parallelism=${PARALLELISM}`,
  );

  const s3Client = makeS3Client(s3ClientSettings("ap-northeast-1", s3.endpoint));
  const clock = { now: () => new Date().toISOString() as Instant };
  /** A full export (a snapshot: the bucket has no state yet) of the whole table. */
  const fullExport = async (bucket: string) => {
    const blobs = makeS3BlobStore({ client: s3Client, bucket, uploadExpirySeconds: 300 });
    const sink = makeAnalyticsSink({ blobs, pseudonymizationSecret: "bench-secret-0123456789" });
    const job = exportAnalyticsJob(
      {
        source: makeDynamoAnalyticsSource(ctx),
        sink,
        totalSegments: SEGMENTS,
        parallelism: PARALLELISM,
      },
      clock,
      SEGMENTS,
    );
    const start = performance.now();
    // Checkpoints and the lease are DynamoDB items as in production (their writes are timed too).
    const report = await runBatchJob({
      ...makeDynamoBatchStores(ctx),
      clock,
      ids: makeIdGenerator(),
    })(job)();
    if (report._tag === "Left") throw new Error(JSON.stringify(report.left));
    return { ms: performance.now() - start, exported: report.right.counts.exported ?? 0 };
  };
  await fullExport(WARM_UP_BUCKET); // warm-up too: the same JIT advantage the scan had
  const exported = await fullExport(BUCKET);
  // A fast export that loses items is no result: every item the bare scan read must be exported.
  if (exported.exported !== scan.items) {
    throw new Error(`exported ${exported.exported} items but the scan read ${scan.items}`);
  }
  console.log(
    `BENCH export ${seconds(exported.ms)} s items=${exported.exported} scanned=${scan.items} ratio=${(exported.ms / scan.ms).toFixed(2)}`,
  );

  const db = await openAnalyticsDb(join(dir, BUCKET));
  try {
    for (const name of reportNames()) {
      t = performance.now();
      const result = await query(db, reportSql(name));
      console.log(
        `BENCH report-${name} ${(performance.now() - t).toFixed(0)} ms rows=${result.rows.length}`,
      );
    }
  } finally {
    db.close();
  }
  ctx.doc.destroy();
} finally {
  await s3.stop();
  await dynamo.stop();
  rmSync(dir, { recursive: true, force: true });
}
