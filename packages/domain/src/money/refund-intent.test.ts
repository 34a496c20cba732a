import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Yen } from "./money.ts";
import {
  advanceRefundIntent,
  type RefundIntent,
  type RefundIntentState,
  refundKeyOf,
  shortfallRefundIntent,
} from "./refund-intent.ts";

const start: RefundIntent = {
  id: "own_1:refund",
  planId: "plan_1" as RefundIntent["planId"],
  ownershipId: "own_1" as RefundIntent["ownershipId"],
  paymentIntentId: "pi_1",
  amountYen: 5_800 as Yen,
  reason: "cancellation",
  state: "pending",
  declines: 0,
  createdAt: "2026-05-01T00:00:00.000Z" as RefundIntent["createdAt"],
  updatedAt: "2026-05-01T00:00:00.000Z" as RefundIntent["updatedAt"],
  version: 1,
};

const word = fc.record({
  state: fc.constantFrom<RefundIntentState>("pending", "succeeded", "failed"),
  refundId: fc.option(fc.constantFrom("re_1", "re_2"), { nil: undefined }),
});

describe("advanceRefundIntent", () => {
  it("never leaves succeeded, counts each refusal, and bumps the version only on a change", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        let intent = start;
        let declines = 0;
        for (const w of words) {
          const next = advanceRefundIntent(
            intent,
            w.refundId === undefined ? { state: w.state } : w,
            "2026-05-02T00:00:00.000Z" as RefundIntent["updatedAt"],
          );
          if (intent.state === "succeeded") expect(next).toBeUndefined();
          if (next === undefined) continue;
          expect(next.version).toBe(intent.version + 1);
          if (w.state === "failed") declines += 1;
          const laterAttempt =
            w.refundId !== undefined &&
            intent.refundId !== undefined &&
            w.refundId !== intent.refundId;
          // A late "pending" of the refund on record changes nothing; a later attempt's restarts.
          if (w.state === "pending")
            expect(next.state).toBe(laterAttempt ? "pending" : intent.state);
          if (w.refundId !== undefined) expect(next.refundId).toBe(w.refundId);
          intent = next;
        }
        expect(intent.declines).toBe(declines);
        if (words.some((w) => w.state === "succeeded")) expect(intent.state).toBe("succeeded");
      }),
    );
  });

  it("follows a retry's refund once the refused one is on record, to its success", () => {
    const at = start.createdAt;
    const pending = advanceRefundIntent(start, { state: "pending", refundId: "re_1" }, at);
    const refused =
      pending && advanceRefundIntent(pending, { state: "failed", refundId: "re_1" }, at);
    expect(refused).toMatchObject({ state: "failed", refundId: "re_1", declines: 1 });
    // The retry's answer names its own refund, still pending: that is what is awaited now.
    const retried =
      refused && advanceRefundIntent(refused, { state: "pending", refundId: "re_2" }, at);
    expect(retried).toMatchObject({ state: "pending", refundId: "re_2", declines: 1 });
    expect(retried && refundKeyOf(retried)).toBe("own_1:refund:retry-1");
    const done =
      retried && advanceRefundIntent(retried, { state: "succeeded", refundId: "re_2" }, at);
    expect(done).toMatchObject({ state: "succeeded", refundId: "re_2" });
  });

  it("retries after a refusal under a fresh idempotency key, never the refused one", () => {
    expect(refundKeyOf(start)).toBe("own_1:refund");
    const refused = advanceRefundIntent(
      start,
      { state: "failed", error: "card closed" },
      start.createdAt,
    );
    expect(refused).toMatchObject({ state: "failed", declines: 1, lastError: "card closed" });
    expect(refused && refundKeyOf(refused)).toBe("own_1:refund:retry-1");
  });
});

describe("shortfallRefundIntent", () => {
  const refund = {
    entryId: "led_short_1" as Parameters<typeof shortfallRefundIntent>[0]["entryId"],
    planId: start.planId,
    ownershipId: "own_1" as Parameters<typeof shortfallRefundIntent>[0]["ownershipId"],
    paymentIntentId: "pi_1",
    amountYen: 1_200 as Yen,
  };

  it("replays the batch's call under the entry's key until a refusal, then a fresh one", () => {
    const pending = shortfallRefundIntent(
      refund,
      { state: "pending", refundId: "re_1" },
      start.createdAt,
    );
    expect(pending).toMatchObject({
      id: "led_short_1",
      reason: "shortfall-refund",
      state: "pending",
      refundId: "re_1",
      declines: 0,
    });
    expect(refundKeyOf(pending)).toBe("led_short_1");
    const failed = shortfallRefundIntent(
      refund,
      { state: "failed", refundId: "re_1" },
      start.createdAt,
    );
    expect(failed).toMatchObject({ state: "failed", refundId: "re_1", declines: 1 });
    expect(refundKeyOf(failed)).toBe("led_short_1:retry-1");
  });
});
