import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Yen } from "../money/money.ts";
import { ownershipOf, planIn, T } from "../plans/terms.fixtures.ts";
import type { Ownership } from "./ownership.ts";
import {
  decideDispute,
  decidePaymentNews,
  holdExpiresAt,
  isHoldOver,
  ownershipStatusRank,
  type PaymentDecision,
  type PaymentNews,
  paymentAmounts,
} from "./payment-transitions.ts";
import { decideCancellation } from "./reservation.ts";

const plan = planIn("open");
const AMOUNT = 11_600 as Yen;
const pending = (overrides: Partial<Ownership> = {}): Ownership =>
  ownershipOf(plan, "alice", 2, {
    status: "pending_payment",
    payment: {
      id: "cs_1",
      status: "pending",
      checkoutUrl: "https://pay.example/cs_1",
      expiresAt: holdExpiresAt(T.during, 30),
      amountYen: AMOUNT,
    },
    ...overrides,
  });

const news = (outcome: PaymentNews["outcome"], paymentId = "cs_1"): PaymentNews => ({
  paymentId,
  outcome,
  amountYen: AMOUNT,
  ...(outcome === "succeeded" ? { paymentIntentId: "pi_1" } : {}),
});

const decide = (o: Ownership, n: PaymentNews): PaymentDecision => {
  const decision = decidePaymentNews(o, n);
  if (E.isLeft(decision)) throw new Error(decision.left.message);
  return decision.right;
};

/** The ownership after a decision, as the stores would leave it. */
const apply = (o: Ownership, d: PaymentDecision): Ownership =>
  d.kind === "none" ? o : d.ownership;

describe("decidePaymentNews", () => {
  it("confirms a pending hold: active, paid by its PaymentIntent, no checkout link left", () => {
    const d = decide(pending(), news("succeeded"));
    expect(d.kind).toBe("confirm");
    const paid = apply(pending(), d);
    expect(paid).toMatchObject({ status: "active", version: 2 });
    expect(paid.payment).toEqual({
      id: "cs_1",
      status: "succeeded",
      expiresAt: holdExpiresAt(T.during, 30),
      amountYen: AMOUNT,
      paymentIntentId: "pi_1",
    });
  });

  it("releases a pending hold when the payment fails or expires", () => {
    for (const outcome of ["failed", "expired"] as const) {
      const d = decide(pending(), news(outcome));
      expect(d.kind).toBe("release");
      expect(apply(pending(), d)).toMatchObject({
        status: "payment_failed",
        payment: { status: outcome },
        version: 2,
      });
    }
  });

  it("ignores a late failure after success, pending news and another checkout's news", () => {
    const paid = apply(pending(), decide(pending(), news("succeeded")));
    expect(decide(paid, news("failed"))).toEqual({ kind: "none" });
    expect(decide(paid, news("expired"))).toEqual({ kind: "none" });
    expect(decide(paid, news("succeeded"))).toEqual({ kind: "none" });
    expect(decide(pending(), news("pending"))).toEqual({ kind: "none" });
    expect(decide(pending(), news("succeeded", "cs_other"))).toEqual({ kind: "none" });
  });

  it("does not refund again a paid ownership cancelled since (its cancellation refunded it)", () => {
    const paid = apply(pending(), decide(pending(), news("succeeded")));
    const cancelled = { ...paid, status: "cancelled" as const, version: 3 };
    expect(decide(cancelled, news("succeeded"))).toEqual({ kind: "none" });
  });

  it("refunds in full money that arrives after the hold was released or cancelled", () => {
    const released = apply(pending(), decide(pending(), news("expired")));
    const cancelled = pending({ status: "cancelled", cancelledAt: T.during, version: 2 });
    for (const gone of [released, cancelled]) {
      const d = decide(gone, news("succeeded"));
      expect(d).toMatchObject({ kind: "refund-late", paymentIntentId: "pi_1", amountYen: AMOUNT });
      const recorded = apply(gone, d);
      // The status never goes back; once the late payment is recorded, its news changes nothing.
      expect(recorded.status).toBe(gone.status);
      expect(recorded.payment?.status).toBe("succeeded");
      expect(decide(recorded, news("succeeded"))).toEqual({ kind: "none" });
    }
  });

  it("refuses success for another amount than the one held", () => {
    const decision = decidePaymentNews(pending(), { ...news("succeeded"), amountYen: 1 as Yen });
    expect(E.isLeft(decision) && decision.left._tag).toBe("PAYMENT.MISMATCH");
  });

  it("whatever order and repeats events come in: idempotent, monotone, one terminal outcome", () => {
    const outcome = fc.constantFrom("pending", "succeeded", "failed", "expired") as fc.Arbitrary<
      PaymentNews["outcome"]
    >;
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 12 }), (events) => {
        let o = pending();
        let refunds = 0;
        for (const e of events) {
          const d = decide(o, news(e));
          const next = apply(o, d);
          expect(ownershipStatusRank[next.status]).toBeGreaterThanOrEqual(
            ownershipStatusRank[o.status],
          );
          // Applying the same news again right away changes nothing more.
          expect(decide(next, news(e))).toEqual({ kind: "none" });
          if (d.kind === "refund-late") refunds += 1;
          o = next;
        }
        // The first terminal news decides; never both active and refunded.
        const first = events.find((e) => e !== "pending");
        if (first === undefined) expect(o.status).toBe("pending_payment");
        else if (first === "succeeded") {
          expect(o.status).toBe("active");
          expect(refunds).toBe(0);
        } else {
          expect(o.status).toBe("payment_failed");
          // A late success is refunded once, however often it is told.
          expect(refunds).toBe(events.includes("succeeded") ? 1 : 0);
        }
      }),
    );
  });
});

describe("holds, disputes, amounts, cancellation of a hold", () => {
  it("a hold is over at its expiry, only while the payment is pending", () => {
    const o = pending();
    const end = o.payment?.expiresAt ?? T.during;
    expect(isHoldOver(o, T.during)).toBe(false);
    expect(isHoldOver(o, end)).toBe(true);
    expect(isHoldOver({ ...o, status: "active" }, end)).toBe(false);
  });

  it("flags a dispute once", () => {
    const flagged = decideDispute(pending({ status: "active" }));
    expect(flagged).toMatchObject({ disputed: true, version: 2 });
    expect(decideDispute(flagged as Ownership)).toBeUndefined();
  });

  it("charges the total less credit, the fee pro rata to that cash, the rest to the producer", () => {
    const o = pending();
    expect(paymentAmounts(o)).toEqual({ amountYen: 11_600, feeYen: 1_160, payoutYen: 10_440 });
    expect(paymentAmounts({ ...o, creditAppliedYen: 11_000 as Yen })).toEqual({
      amountYen: 600,
      feeYen: 60,
      payoutYen: 540,
    });
    // Rounded down, like every fee: 1,160 x 601 / 11,600 = 60.1.
    expect(paymentAmounts({ ...o, creditAppliedYen: 10_999 as Yen }).feeYen).toBe(60);
    expect(paymentAmounts({ ...o, creditAppliedYen: 20_000 as Yen }).amountYen).toBe(0);
  });

  it("an owner may give up an unpaid hold: nothing to refund", () => {
    const decision = decideCancellation({
      plan,
      ownership: pending(),
      actorOwnerId: pending().ownerId,
      now: T.during,
    });
    expect(E.isRight(decision) && decision.right.refundYen).toBe(0);
    const failed = decideCancellation({
      plan,
      ownership: pending({ status: "payment_failed" }),
      actorOwnerId: pending().ownerId,
      now: T.during,
    });
    expect(E.isLeft(failed) && failed.left._tag).toBe("OWNERSHIP.NOT_ACTIVE");
  });
});
