import { makeIdGenerator, makeManualClock } from "@owners/adapter-local";
import { makeMemoryBatchStores } from "@owners/adapter-memory";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import type { BatchRunRecord } from "./batch-run-log.ts";
import { listBatchRuns } from "./list-batch-runs.ts";
import { type BatchJob, type BatchRunnerDeps, runBatchJob } from "./runner.ts";

/** Ten items, three a chunk; chunk `failAt` fails once; each step advances the clock a second. */
const job = (clock: ReturnType<typeof makeManualClock>, failAt?: number): BatchJob => {
  let calls = 0;
  return {
    batch: "close-sales",
    scope: "all",
    step: ({ cursor }) => {
      calls += 1;
      clock.advance(1000);
      if (calls === failAt) return TE.left(appError("STORE.UNAVAILABLE", "table unreachable"));
      const start = cursor === undefined ? 0 : Number(cursor);
      const next = Math.min(start + 3, 10);
      return TE.right({
        counts: { closed: next - start },
        cursor: String(next),
        done: next >= 10,
        problems: next >= 10 ? [{ item: "plan_x", code: "PLAN.NOT_FOUND", message: "gone" }] : [],
      });
    },
  };
};

const world = () => {
  const clock = makeManualClock("2026-07-25T03:00:00.000Z");
  const stores = makeMemoryBatchStores();
  const seen: BatchRunRecord[] = [];
  // The log as the runner writes it, record by record (progress after each chunk).
  const runs = {
    ...stores.runs,
    record: (run: BatchRunRecord) => {
      seen.push(run);
      return stores.runs.record(run);
    },
  };
  const deps: BatchRunnerDeps = { ...stores, runs, clock, ids: makeIdGenerator() };
  return { clock, deps, stores, seen };
};

describe("the batch run log", () => {
  it("shows a run's progress after each chunk and its last report at the end", async () => {
    const { clock, deps, stores, seen } = world();
    const report = await succeed(runBatchJob(deps)(job(clock)));
    expect(seen.map((r) => [r.status, r.chunks, r.counts.closed ?? 0])).toEqual([
      ["running", 0, 0],
      ["running", 1, 3],
      ["running", 2, 6],
      ["running", 3, 9],
      ["finished", 4, 10],
    ]);
    expect(await succeed(stores.runs.recent("close-sales", 5))).toEqual([
      expect.objectContaining({ status: "finished", runId: report.runId, lastReport: report }),
    ]);
  });

  it("records why an invocation failed, then the resumed run's report on the same record", async () => {
    const { clock, deps, stores } = world();
    expect((await failWith(runBatchJob(deps)(job(clock, 2))))._tag).toBe("STORE.UNAVAILABLE");
    const [failed] = await succeed(stores.runs.recent("close-sales", 5));
    expect(failed).toMatchObject({
      status: "failed",
      chunks: 1,
      failure: { code: "STORE.UNAVAILABLE", message: "table unreachable" },
    });
    const report = await succeed(runBatchJob(deps)(job(clock)));
    expect(report.resumed).toBe(true);
    const after = await succeed(stores.runs.recent("close-sales", 5));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: "finished", runId: failed?.runId, chunks: 4 });
    expect(after[0]?.lastReport?.problems).toEqual([
      { item: "plan_x", code: "PLAN.NOT_FOUND", message: "gone" },
    ]);
  });

  it("pauses visibly when out of time, and lists every batch for admins only", async () => {
    const { clock, deps, stores } = world();
    let left = 3;
    await succeed(runBatchJob(deps)(job(clock), { remainingTimeMs: () => (left-- > 0 ? 1e9 : 0) }));
    const all = await succeed(listBatchRuns(stores)({ id: "root", role: "admin" }));
    const closeSales = all.find((b) => b.name === "close-sales");
    expect(closeSales?.runs.map((r) => [r.status, r.chunks, r.lastReport?.outcome])).toEqual([
      ["paused", 3, "paused"],
    ]);
    expect(all.find((b) => b.name === "allocate-harvests")?.runs).toEqual([]);
    expect(all.map((b) => b.name)).toContain("reconcile-payments");
    expect((await failWith(listBatchRuns(stores)({ id: "o1", role: "owner" })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
  });
});
