import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import {
  type ConflictCounts,
  type ContentionReport,
  type ContentionRun,
  contentionReport,
  countConflicts,
  LOADED_ENGINE_RETRY,
  runContention,
} from "./testing/contention.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

/**
 * 200 owners fire 500 reservation attempts at once (1 to 3 shares each, about one in five a repeat
 * of an earlier request) at a plan of 100 shares, at most 3 per owner, through the use case and
 * the DynamoDB adapters on DynamoDB Local.
 */
describe("reservation under contention on DynamoDB Local", () => {
  let table: TestTable;
  let run: ContentionRun;
  let report: ContentionReport;
  let conflicts: ConflictCounts;

  beforeAll(async () => {
    table = await createTestTable({
      configure: (doc) => {
        conflicts = countConflicts(doc);
      },
    });
    run = await runContention(makeDynamoReservationStores(table), {
      totalShares: 100,
      maxPerOwner: 3,
      attempts: 500,
      owners: 200,
      conflictRetry: LOADED_ENGINE_RETRY,
    });
    report = await contentionReport(run, 3);
  }, 300_000);
  afterAll(async () => {
    await table.drop();
  });

  it("really raced: DynamoDB refused conflicting writes, so the checks below cover lost races", () => {
    expect(conflicts.transactionsCancelled + conflicts.conditionsFailed).toBeGreaterThan(0);
  });

  it("sells exactly the 100 shares, never more, every one of them paid", () => {
    expect(report.sold).toBe(100);
    expect(report.oversold).toBe(0);
    expect(report.pending).toBe(0);
    expect(report.paidShares).toBe(100);
  });

  it("never lets an owner hold more than 3", () => {
    expect(report.ownersOverCap).toBe(0);
  });

  it("gives every repeated key one ownership, one checkout and one charge, the same answer each time", () => {
    expect(run.attempts.filter((a) => a.repeat).length).toBeGreaterThan(50);
    expect(report.duplicates).toBe(0);
    expect(report.answersPerKeyAgree).toBe(true);
  });

  it("balances the ledger to the yen with what the gateway charged", () => {
    expect(report.ledgerBalanced).toBe(true);
    expect(report.ledgerChargedYen).toBe(report.gatewayChargedYen);
    expect(report.ledgerChargedYen).toBe(report.ownershipsYen);
  });

  it("refuses the rest only for business reasons", () => {
    const reasons = Object.keys(report.failures);
    expect(reasons.every((r) => ["PLAN.SOLD_OUT", "PLAN.OWNER_LIMIT"].includes(r))).toBe(true);
    expect(report.failures["PLAN.SOLD_OUT"]).toBeGreaterThan(0);
  });
});

describe("a first-N price tier under contention on DynamoDB Local", () => {
  it("sells exactly the first 10 shares at the tier price, whoever races whom (stale quotes are redone)", async () => {
    const table = await createTestTable();
    try {
      const run = await runContention(makeDynamoReservationStores(table), {
        totalShares: 30,
        maxPerOwner: 3,
        attempts: 60,
        owners: 30,
        firstSharesTier: 10,
        conflictRetry: LOADED_ENGINE_RETRY,
      });
      const report = await contentionReport(run, 3);
      expect(report).toMatchObject({
        sold: 30,
        oversold: 0,
        duplicates: 0,
        ownersOverCap: 0,
        ledgerBalanced: true,
      });
      const atTierPrice = run.results
        .flatMap((r) =>
          r._tag === "Right" && !r.right.replayed ? r.right.ownership.quote.lines : [],
        )
        .filter((line) => line.reason === "firstShares")
        .reduce((n, line) => n + line.shares, 0);
      expect(atTierPrice).toBe(10);
    } finally {
      await table.drop();
    }
  }, 300_000);
});

describe("500 buyers of whom a third fail or let their payment expire, on DynamoDB Local", () => {
  it("sells the supply, then releases exactly the unpaid shares, and the books match the processor", async () => {
    // Every release writes the plan's counters: sized for a loaded engine, like the model's runs.
    const table = await createTestTable({ retry: LOADED_ENGINE_RETRY });
    try {
      // Every third ownership fails: alternately by the processor's webhook and by hold expiry.
      const run = await runContention(makeDynamoReservationStores(table), {
        totalShares: 100,
        maxPerOwner: 3,
        attempts: 500,
        owners: 200,
        conflictRetry: LOADED_ENGINE_RETRY,
        fate: (n) => (n % 3 !== 2 ? "succeeded" : n % 6 === 2 ? "failed" : "expired"),
      });
      const report = await contentionReport(run, 3);
      const unpaid = [...run.fates.values()].filter((f) => f.fate !== "succeeded");
      const unpaidShares = unpaid.reduce((n, f) => n + f.shares, 0);
      expect(
        unpaid.some((f) => f.fate === "failed") && unpaid.some((f) => f.fate === "expired"),
      ).toBe(true);
      expect(unpaidShares).toBeGreaterThan(0);
      expect(report).toMatchObject({
        pending: 0,
        oversold: 0,
        duplicates: 0,
        ownersOverCap: 0,
        ledgerBalanced: true,
        releasedShares: unpaidShares,
        sold: 100 - unpaidShares,
        paidShares: 100 - unpaidShares,
      });
      expect(report.ledgerChargedYen).toBe(report.gatewayChargedYen);
      expect(report.ledgerChargedYen).toBe(report.ownershipsYen);
    } finally {
      await table.drop();
    }
  }, 600_000);
});
