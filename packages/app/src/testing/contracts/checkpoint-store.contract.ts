import { instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckpointStore, CheckpointWrite } from "../../batch/checkpoint-store.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface CheckpointStoreSubject {
  readonly subject: CheckpointStore;
  cleanup(): Promise<void>;
}

const started = instant("2026-07-25T03:00:00.000Z");
const later = instant("2026-07-25T03:01:00.000Z");

const write = (overrides: Partial<CheckpointWrite> = {}): CheckpointWrite => ({
  batch: "allocate-harvests",
  scope: "all",
  runId: "run_1",
  status: "running",
  chunks: 0,
  counts: {},
  startedAt: started,
  updatedAt: started,
  ...overrides,
});

/** The behaviour every CheckpointStore adapter must share. */
export const describeCheckpointStoreContract = (
  name: string,
  makeSubject: () => Promise<CheckpointStoreSubject>,
) => {
  describe(`CheckpointStore contract: ${name}`, () => {
    let harness: CheckpointStoreSubject;
    let store: CheckpointStore;
    beforeEach(async () => {
      harness = await makeSubject();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("has no checkpoint before the first save, and the saved one at version 1 after", async () => {
      expect(await succeed(store.get("allocate-harvests", "all"))).toEqual(O.none);
      const saved = await succeed(store.save(write(), 0));
      expect(saved).toEqual({ ...write(), version: 1 });
      expect(await succeed(store.get("allocate-harvests", "all"))).toEqual(O.some(saved));
    });

    it("keeps the cursor, counts and status as written, and drops a cursor left out", async () => {
      const first = write({
        cursor: '{"s":1,"c":"eyJhZnRlciI6IngifQ"}',
        chunks: 3,
        counts: { plans: 4, lotsAllocated: 7, refundYen: 120_000 },
        updatedAt: later,
      });
      await succeed(store.save(first, 0));
      expect(await succeed(store.get("allocate-harvests", "all"))).toEqual(
        O.some({ ...first, version: 1 }),
      );
      const { cursor: _dropped, ...finished } = first;
      const done = { ...finished, status: "done" as const, chunks: 4 };
      expect(await succeed(store.save(done, 1))).toEqual({ ...done, version: 2 });
      expect(await succeed(store.get("allocate-harvests", "all"))).toEqual(
        O.some({ ...done, version: 2 }),
      );
    });

    it("refuses a save at a stale version and keeps what was stored", async () => {
      await succeed(store.save(write(), 0));
      await succeed(store.save(write({ chunks: 1 }), 1));
      const stale = await failWith(store.save(write({ chunks: 9 }), 1));
      expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
      const again = await failWith(store.save(write({ runId: "run_2" }), 0));
      expect(again._tag).toBe("STORE.VERSION_CONFLICT");
      expect(await succeed(store.get("allocate-harvests", "all"))).toEqual(
        O.some({ ...write({ chunks: 1 }), version: 2 }),
      );
    });

    it("keeps one checkpoint per batch and scope", async () => {
      await succeed(store.save(write(), 0));
      await succeed(store.save(write({ scope: "plan_figs", runId: "run_2" }), 0));
      await succeed(store.save(write({ batch: "schedule-shipments", runId: "run_3" }), 0));
      const runOf = async (batch: string, scope: string) =>
        O.map((c: { runId: string }) => c.runId)(await succeed(store.get(batch, scope)));
      expect(await runOf("allocate-harvests", "all")).toEqual(O.some("run_1"));
      expect(await runOf("allocate-harvests", "plan_figs")).toEqual(O.some("run_2"));
      expect(await runOf("schedule-shipments", "all")).toEqual(O.some("run_3"));
      expect(await runOf("schedule-shipments", "plan_figs")).toEqual(O.none);
    });

    it("lets exactly one of several saves at the same version through", async () => {
      await succeed(store.save(write(), 0));
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => store.save(write({ chunks: i + 1 }), 1)()),
      );
      const won = results.filter(E.isRight);
      expect(won).toHaveLength(1);
      expect(results.filter(E.isLeft).every((r) => r.left._tag === "STORE.VERSION_CONFLICT")).toBe(
        true,
      );
      const stored = await succeed(store.get("allocate-harvests", "all"));
      expect(stored).toEqual(O.some(won[0]?.right));
    });
  });
};
