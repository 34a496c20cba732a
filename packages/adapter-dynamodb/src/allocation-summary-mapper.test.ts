import { sampleStatementFacts, sampleSummary } from "@owners/app/testing";
import { yen } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { allocationSummaryFromItem, allocationSummaryToItem } from "./allocation-summary-mapper.ts";
import { throughDynamo } from "./testing/stored.ts";

describe("allocation summary mapper", () => {
  it("round-trips a summary with and without lots, paid refunds, statement lines and facts", () => {
    const empty = sampleSummary({
      lots: [],
      paidRefundEntryIds: [],
      statement: [],
      compensation: { kind: "none", amountYen: yen(0) },
    });
    const pending = sampleSummary({ settled: false, refundYen: yen(0) });
    const withFacts = sampleSummary({ statementFacts: sampleStatementFacts() });
    for (const summary of [sampleSummary(), empty, pending, withFacts])
      expect(
        allocationSummaryFromItem(throughDynamo(allocationSummaryToItem(summary))),
      ).toStrictEqual(summary);
  });

  it("reads a summary stored before settle-once as settled", () => {
    const { settled: _, ...old } = allocationSummaryToItem(sampleSummary());
    expect(allocationSummaryFromItem(throughDynamo(old)).settled).toBe(true);
  });

  it("indexes a summary under its owner and plan (GSI1)", () => {
    expect(allocationSummaryToItem(sampleSummary())).toMatchObject({
      PK: "ALLOCSUM#plan_1",
      SK: "OWNERSHIP#own_1",
      GSI1PK: "OWNER#owner_1#ALLOCSUM#plan_1",
      GSI1SK: "OWNERSHIP#own_1",
    });
  });
});
