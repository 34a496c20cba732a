import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { makeIdGenerator } from "@owners/adapter-local";
import {
  type MemoryBlobStore,
  makeMemoryBatchStores,
  makeMemoryBlobStore,
} from "@owners/adapter-memory";
import {
  type AnalyticsSink,
  type AnalyticsSource,
  type BatchRunOptions,
  type BatchRunReport,
  type BatchStores,
  exportAnalyticsJob,
  runBatchJob,
} from "@owners/app";
import type { Instant } from "@owners/domain";
import { makeAnalyticsSink } from "../sink.ts";

export const TEST_SECRET = "test-analytics-secret-0123456789";

/** Part keys without their run id: what two runs of the same data must both write. */
export const shapeOf = (keys: readonly string[]) =>
  keys.map((k) => k.replace(/part-[^/]*-(\d{4})/, "part-$1")).sort();

export interface ExportWorld {
  readonly blobs: MemoryBlobStore;
  readonly sink: AnalyticsSink;
  readonly stores: BatchStores;
  setNow(at: string): void;
  /** One invocation of export-analytics (resumes a paused or crashed run, like the runner does). */
  run(options?: BatchRunOptions, sink?: AnalyticsSink): Promise<BatchRunReport>;
  /** The bucket's objects as files in a fresh folder (what s3rver keeps), for DuckDB. */
  dump(): string;
  /** Keys of the part files, sorted. */
  parts(): string[];
}

/** export-analytics on the memory batch stores and a memory bucket, its clock set by the test. */
export const makeExportWorld = (
  source: AnalyticsSource,
  options: { totalSegments?: number; segmentsPerChunk?: number } = {},
): ExportWorld => {
  const blobs = makeMemoryBlobStore();
  const sink = makeAnalyticsSink({ blobs, pseudonymizationSecret: TEST_SECRET });
  const stores = makeMemoryBatchStores();
  let now = "2026-03-01T00:00:00.000Z" as Instant;
  const clock = { now: () => now };
  const ids = makeIdGenerator();
  return {
    blobs,
    sink,
    stores,
    setNow: (at) => {
      now = at as Instant;
    },
    run: async (runOptions = {}, withSink = sink) => {
      const job = exportAnalyticsJob(
        { source, sink: withSink, totalSegments: options.totalSegments ?? 4 },
        clock,
        options.segmentsPerChunk ?? 1,
      );
      const report = await runBatchJob({ ...stores, clock, ids })(job, {
        leaseMs: 60_000,
        ...runOptions,
      })();
      if (report._tag === "Left") throw new Error(JSON.stringify(report.left));
      return report.right;
    },
    dump: () => {
      const root = mkdtempSync(join(tmpdir(), "owners-analytics-"));
      for (const key of blobs.keys()) {
        const url = `memory://memory/${encodeURIComponent(key)}`;
        const body = blobs.download(url);
        if (body._tag === "None") continue;
        mkdirSync(dirname(join(root, key)), { recursive: true });
        writeFileSync(join(root, key), body.value);
      }
      return root;
    },
    parts: () => blobs.keys().filter((key) => key.startsWith("analytics/")),
  };
};
