import { type Instant, instant, planId, yen } from "@owners/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  MoneyTotals,
  ReconciliationMismatch,
  ReconciliationMismatches,
} from "../../ports/reconciliation-mismatches.ts";
import { succeed } from "./expect-task.ts";

export interface ReconciliationMismatchesHarness {
  readonly subject: ReconciliationMismatches;
  cleanup(): Promise<void>;
}

const totals = (chargedYen: number): MoneyTotals => ({
  chargedYen: yen(chargedYen),
  refundedYen: yen(0),
  feesYen: yen(chargedYen / 10),
  payoutYen: yen(chargedYen - chargedYen / 10),
});

const mismatch = (plan: string, ledgerYen: number, at: Instant): ReconciliationMismatch => ({
  planId: planId(plan),
  ledger: totals(ledgerYen),
  processor: totals(10_000),
  detectedAt: at,
  lastCheckedAt: at,
});

const FIRST = instant("2026-05-01T10:00:00.000Z");
const LATER = instant("2026-05-01T11:00:00.000Z");

/** The behaviour every ReconciliationMismatches adapter must share (in-memory, DynamoDB). */
export const describeReconciliationMismatchesContract = (
  name: string,
  makeHarness: () => Promise<ReconciliationMismatchesHarness>,
) => {
  describe(`ReconciliationMismatches contract: ${name}`, () => {
    let harness: ReconciliationMismatchesHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("lists what was recorded, one per plan, by plan id", async () => {
      const books = harness.subject;
      expect(await succeed(books.list())).toEqual([]);
      await succeed(books.record(mismatch("plan_b", 9_000, FIRST)));
      await succeed(books.record(mismatch("plan_a", 8_000, FIRST)));
      expect(await succeed(books.list())).toEqual([
        mismatch("plan_a", 8_000, FIRST),
        mismatch("plan_b", 9_000, FIRST),
      ]);
    });

    it("keeps when a disagreement was first seen while it lasts, with the newest totals", async () => {
      const books = harness.subject;
      await succeed(books.record(mismatch("plan_a", 8_000, FIRST)));
      await succeed(books.record(mismatch("plan_a", 7_000, LATER)));
      expect(await succeed(books.list())).toEqual([
        { ...mismatch("plan_a", 7_000, LATER), detectedAt: FIRST },
      ]);
    });

    it("forgets a plan that agrees again: a new disagreement starts anew", async () => {
      const books = harness.subject;
      await succeed(books.record(mismatch("plan_a", 8_000, FIRST)));
      await succeed(books.clear(planId("plan_a")));
      await succeed(books.clear(planId("plan_never")));
      expect(await succeed(books.list())).toEqual([]);
      await succeed(books.record(mismatch("plan_a", 7_000, LATER)));
      expect(await succeed(books.list())).toEqual([mismatch("plan_a", 7_000, LATER)]);
    });
  });
};
