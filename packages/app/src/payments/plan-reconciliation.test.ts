import {
  type Instant,
  type LedgerEntry,
  ledgerEntryId,
  ownershipId,
  planId,
  type RefundIntent,
  shortfallRefundIntent,
  type Yen,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { settledLedgerTotals } from "./plan-reconciliation.ts";

const PLAN = planId("plan_rec");
const OWN = ownershipId("own_rec");
const ROUND_1 = "2026-07-25T00:00:00.000Z" as Instant;
const ROUND_2 = "2026-08-01T00:00:00.000Z" as Instant;

const entry = (
  id: string,
  kind: LedgerEntry["kind"],
  amountYen: number,
  reason: LedgerEntry["reason"],
  at: Instant,
): LedgerEntry => ({
  id: ledgerEntryId(id),
  planId: PLAN,
  ownershipId: OWN,
  kind,
  amountYen: amountYen as Yen,
  reason,
  at,
  actor: "test",
});

/** A paid reservation and two shortfall refund rounds of one ownership. */
const entries: readonly LedgerEntry[] = [
  entry("led_charge", "charge", 10_000, "reservation", ROUND_1),
  entry("led_payout", "payout", 9_000, "reservation", ROUND_1),
  entry("led_fee", "fee", 1_000, "reservation", ROUND_1),
  entry("led_s1_refund", "refund", 1_000, "shortfall-refund", ROUND_1),
  entry("led_s1_payout", "payout", -900, "shortfall-refund", ROUND_1),
  entry("led_s1_fee", "fee", -100, "shortfall-refund", ROUND_1),
  entry("led_s2_refund", "refund", 2_000, "shortfall-refund", ROUND_2),
  entry("led_s2_payout", "payout", -1_800, "shortfall-refund", ROUND_2),
  entry("led_s2_fee", "fee", -200, "shortfall-refund", ROUND_2),
];

const intentOf = (id: string, state: RefundIntent["state"]): RefundIntent => ({
  ...shortfallRefundIntent(
    {
      entryId: ledgerEntryId(id),
      planId: PLAN,
      ownershipId: OWN,
      paymentIntentId: "pi_rec",
      amountYen: 2_000 as Yen,
    },
    { state: "pending", refundId: "re_rec" },
    ROUND_2,
  ),
  state,
});

describe("settledLedgerTotals", () => {
  it("leaves out only the round of a shortfall refund still open, not the ownership's others", () => {
    expect(settledLedgerTotals(entries, [intentOf("led_s2_refund", "failed")])).toEqual({
      chargedYen: 10_000,
      refundedYen: 1_000,
      feesYen: 900,
      payoutYen: 8_100,
    });
  });

  it("counts the round again once its refund succeeded", () => {
    expect(settledLedgerTotals(entries, [intentOf("led_s2_refund", "succeeded")])).toEqual({
      chargedYen: 10_000,
      refundedYen: 3_000,
      feesYen: 700,
      payoutYen: 6_300,
    });
  });
});
