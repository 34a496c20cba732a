import {
  bookingId,
  experienceId,
  ownershipId,
  planId,
  type RefundIntent,
  type Yen,
} from "@owners/domain";
import { describe, expect, it } from "vitest";
import { refundIntentFromItem, refundIntentToItem } from "./refund-intent-mapper.ts";

const intent: RefundIntent = {
  id: "own_1:refund",
  planId: planId("plan_1"),
  ownershipId: ownershipId("own_1"),
  paymentIntentId: "pi_1",
  amountYen: 13_600 as Yen,
  reason: "cancellation",
  state: "pending",
  declines: 0,
  createdAt: "2026-05-01T00:00:00.000Z" as RefundIntent["createdAt"],
  updatedAt: "2026-05-01T00:00:00.000Z" as RefundIntent["updatedAt"],
  version: 1,
};

describe("refund intent mapper", () => {
  it("round-trips, and only open intents carry the open index key", () => {
    expect(refundIntentFromItem(refundIntentToItem(intent))).toEqual(intent);
    expect(refundIntentToItem(intent).GSI3PK).toBe("REFUNDS#OPEN");
    const done: RefundIntent = { ...intent, state: "succeeded", refundId: "re_1", version: 2 };
    expect(refundIntentFromItem(refundIntentToItem(done))).toEqual(done);
    expect(refundIntentToItem(done).GSI3PK).toBeUndefined();
    const failed: RefundIntent = { ...intent, state: "failed", declines: 1, lastError: "no" };
    expect(refundIntentFromItem(refundIntentToItem(failed))).toEqual(failed);
    const legacy: RefundIntent = { ...intent };
    delete (legacy as { paymentIntentId?: string }).paymentIntentId;
    expect(refundIntentFromItem(refundIntentToItem(legacy))).toEqual(legacy);
    expect(refundIntentToItem(legacy).GSI1PK).toBeUndefined();
  });

  it("round-trips a booking's intent, which is indexed by payment and while open, not by plan", () => {
    const { ownershipId: _none, ...rest } = intent;
    const booking: RefundIntent = {
      ...rest,
      id: "refund:bkg_1",
      booking: { experienceId: experienceId("exp_1"), bookingId: bookingId("bkg_1") },
      reason: "booking-cancellation",
    };
    expect(refundIntentFromItem(refundIntentToItem(booking))).toEqual(booking);
    expect(refundIntentToItem(booking)).toMatchObject({ GSI1PK: expect.any(String) });
    expect(refundIntentToItem(booking).GSI3PK).toBe("REFUNDS#OPEN");
    expect(refundIntentToItem(booking).GSI2PK).toBeUndefined();
  });
});
