import { makeIdGenerator, makeManualClock } from "@owners/adapter-local";
import { makeMemoryBatchStores } from "@owners/adapter-memory";
import { instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type BatchJob, type BatchRunnerDeps, runBatchJob } from "./runner.ts";

/** A work list of `items` numbers, `size` a chunk; what each chunk processed is recorded. */
const countingJob = (items: number, size: number, failAtChunk?: number) => {
  const processed: number[][] = [];
  let calls = 0;
  const job: BatchJob = {
    batch: "test-batch",
    scope: "all",
    step: ({ cursor }) => {
      calls += 1;
      if (calls === failAtChunk) return TE.left(appError("STORE.UNAVAILABLE", "simulated crash"));
      const start = cursor === undefined ? 0 : Number(cursor);
      const chunk = Array.from({ length: Math.min(size, items - start) }, (_, i) => start + i);
      processed.push(chunk);
      const next = start + chunk.length;
      return TE.right({
        counts: { items: chunk.length },
        cursor: String(next),
        done: next >= items,
      });
    },
  };
  return { job, processed };
};

const world = () => {
  const clock = makeManualClock("2026-07-25T03:00:00.000Z");
  const deps: BatchRunnerDeps = { ...makeMemoryBatchStores(), clock, ids: makeIdGenerator() };
  return { clock, deps, run: runBatchJob(deps) };
};

describe("runBatchJob", () => {
  it("runs every chunk, saves the checkpoint after each, and gives the lease back", async () => {
    const { deps, run } = world();
    const { job, processed } = countingJob(10, 3);
    const progress: number[] = [];
    const report = await succeed(run(job, { onProgress: (p) => progress.push(p.chunks) }));
    expect(processed).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    expect(report).toMatchObject({
      outcome: "finished",
      resumed: false,
      chunks: 4,
      chunksThisInvocation: 4,
      counts: { items: 10 },
      problems: [],
    });
    expect(progress).toEqual([1, 2, 3, 4]);
    const checkpoint = await succeed(deps.checkpoints.get("test-batch", "all"));
    expect(checkpoint).toEqual(
      O.some(expect.objectContaining({ status: "done", runId: report.runId, chunks: 4 })),
    );
    expect(O.isSome(checkpoint) && checkpoint.value.cursor).toBeUndefined();
    expect(await succeed(deps.leases.get("test-batch", "all"))).toEqual(O.none);
  });

  it("resumes a run that failed from the chunk after its last checkpoint", async () => {
    const { run } = world();
    const crashing = countingJob(10, 3, 3);
    expect((await failWith(run(crashing.job)))._tag).toBe("STORE.UNAVAILABLE");
    expect(crashing.processed).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);

    const again = countingJob(10, 3);
    const report = await succeed(run(again.job));
    expect(again.processed).toEqual([[6, 7, 8], [9]]);
    expect(report).toMatchObject({ resumed: true, chunks: 4, chunksThisInvocation: 2 });
    expect(report.counts).toEqual({ items: 10 });
  });

  it("starts a new run once the previous one is done", async () => {
    const { run } = world();
    const first = await succeed(run(countingJob(4, 3).job));
    const next = countingJob(4, 3);
    const second = await succeed(run(next.job));
    expect(second.runId).not.toBe(first.runId);
    expect(second).toMatchObject({ resumed: false, chunks: 2, counts: { items: 4 } });
    expect(next.processed).toEqual([[0, 1, 2], [3]]);
  });

  it("pauses at a chunk boundary when less than the safety margin is left, and resumes later", async () => {
    const { run } = world();
    const budget = [120_000, 90_000, 40_000];
    const first = countingJob(10, 3);
    const paused = await succeed(
      run(first.job, { remainingTimeMs: () => budget.shift() ?? 0, safetyMarginMs: 60_000 }),
    );
    expect(paused).toMatchObject({ outcome: "paused", chunks: 2, chunksThisInvocation: 2 });
    expect(first.processed).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);

    const tiny = countingJob(10, 3);
    const nothing = await succeed(run(tiny.job, { remainingTimeMs: () => 5_000 }));
    expect(nothing).toMatchObject({ outcome: "paused", chunksThisInvocation: 0, chunks: 2 });
    expect(tiny.processed).toEqual([]);

    const rest = countingJob(10, 3);
    const finished = await succeed(run(rest.job, { remainingTimeMs: () => 900_000 }));
    expect(finished).toMatchObject({ outcome: "finished", resumed: true, counts: { items: 10 } });
    expect(rest.processed).toEqual([[6, 7, 8], [9]]);
  });

  it("backs off with BATCH.LEASE_HELD while another invocation holds the lease", async () => {
    const { deps, clock, run } = world();
    await succeed(
      deps.leases.acquire(
        "test-batch",
        "all",
        "inv-other",
        clock.now(),
        instant("2026-07-25T03:05:00.000Z"),
      ),
    );
    const blocked = countingJob(10, 3);
    const refused = await failWith(run(blocked.job, { owner: "inv-me" }));
    expect(refused).toMatchObject({ _tag: "BATCH.LEASE_HELD", details: { holder: "inv-other" } });
    expect(blocked.processed).toEqual([]);
    expect(await succeed(deps.checkpoints.get("test-batch", "all"))).toEqual(O.none);

    clock.advance(5 * 60_000);
    const after = countingJob(10, 3);
    expect((await succeed(run(after.job, { owner: "inv-me" }))).outcome).toBe("finished");
  });

  it("stops when a run that took over its expired lease saved the checkpoint first", async () => {
    const { deps, clock, run } = world();
    let interloped = false;
    const job: BatchJob = {
      batch: "test-batch",
      scope: "all",
      step:
        ({ cursor }) =>
        async () => {
          // Mid-chunk, this run stalls past its lease and another invocation finishes the work.
          if (!interloped) {
            interloped = true;
            clock.advance(10 * 60_000);
            const other = await run(countingJob(10, 5).job, { owner: "inv-other" })();
            expect(E.isRight(other)).toBe(true);
          }
          return E.right({
            counts: { items: 1 },
            cursor: String(Number(cursor ?? 0) + 1),
            done: false,
          });
        },
    };
    const stale = await failWith(run(job, { owner: "inv-stale", leaseMs: 60_000 }));
    expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
    const stored = await succeed(deps.checkpoints.get("test-batch", "all"));
    expect(stored).toEqual(
      O.some(expect.objectContaining({ status: "done", counts: { items: 10 } })),
    );
  });
});
