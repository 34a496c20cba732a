import { instant } from "@owners/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BatchRunLog, BatchRunRecord } from "../../batch/batch-run-log.ts";
import { succeed } from "./expect-task.ts";

export interface BatchRunLogSubject {
  readonly subject: BatchRunLog;
  cleanup(): Promise<void>;
}

const minute = (n: number) => instant(`2026-07-25T03:${String(n).padStart(2, "0")}:00.000Z`);

const run = (overrides: Partial<BatchRunRecord> = {}): BatchRunRecord => ({
  batch: "allocate-harvests",
  scope: "all",
  runId: "run_1",
  status: "running",
  startedAt: minute(0),
  updatedAt: minute(0),
  chunks: 0,
  counts: {},
  ...overrides,
});

/** The behaviour every BatchRunLog adapter must share. */
export const describeBatchRunLogContract = (
  name: string,
  makeSubject: () => Promise<BatchRunLogSubject>,
) => {
  describe(`BatchRunLog contract: ${name}`, () => {
    let harness: BatchRunLogSubject;
    let log: BatchRunLog;
    beforeEach(async () => {
      harness = await makeSubject();
      log = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("has no runs before the first", async () => {
      expect(await succeed(log.recent("close-sales", 5))).toEqual([]);
    });

    it("replaces a run's record as it progresses and keeps its last report", async () => {
      await succeed(log.record(run()));
      await succeed(log.record(run({ chunks: 2, counts: { lots: 3 }, updatedAt: minute(1) })));
      const finished = run({
        status: "finished",
        chunks: 3,
        counts: { lots: 4 },
        updatedAt: minute(2),
        lastReport: {
          batch: "allocate-harvests",
          scope: "all",
          runId: "run_1",
          outcome: "finished",
          resumed: true,
          chunksThisInvocation: 1,
          chunks: 3,
          counts: { lots: 4 },
          problems: [{ item: "plan_9", code: "PLAN.NOT_FOUND", message: "gone" }],
          startedAt: minute(0),
          updatedAt: minute(2),
        },
      });
      await succeed(log.record(finished));
      expect(await succeed(log.recent("allocate-harvests", 5))).toEqual([finished]);
    });

    it("lists a batch's runs over every scope, the latest started first, up to the limit", async () => {
      const runs = [
        run({ runId: "run_a", startedAt: minute(1), status: "finished" }),
        run({ runId: "run_b", startedAt: minute(3), scope: "plan_1", status: "paused" }),
        run({
          runId: "run_c",
          startedAt: minute(2),
          status: "failed",
          failure: { code: "STORE.UNAVAILABLE", message: "down" },
        }),
        run({ batch: "close-sales", runId: "run_x", startedAt: minute(4) }),
      ];
      for (const r of runs) await succeed(log.record(r));
      expect((await succeed(log.recent("allocate-harvests", 10))).map((r) => r.runId)).toEqual([
        "run_b",
        "run_c",
        "run_a",
      ]);
      expect((await succeed(log.recent("allocate-harvests", 2))).map((r) => r.runId)).toEqual([
        "run_b",
        "run_c",
      ]);
      expect(await succeed(log.recent("close-sales", 10))).toEqual([runs[3]]);
      expect((await succeed(log.recent("allocate-harvests", 10)))[1]).toEqual(runs[2]);
    });
  });
};
