import {
  advanceRefundIntent,
  type Instant,
  ledgerEntryId,
  ownershipId,
  planId,
  type RefundIntent,
  shortfallRefundIntent,
  type Yen,
} from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RefundIntentStore } from "../../ports/refund-intents.ts";
import { succeed } from "./expect-task.ts";
import type { MakeReservationStores, ReservationStoresHarness } from "./reservation-harness.ts";

const AT = "2026-08-01T00:00:00.000Z" as Instant;
const LATER = "2026-08-02T00:00:00.000Z" as Instant;

const shortfallIntent = (entry: string, state: "pending" | "failed" = "pending"): RefundIntent =>
  shortfallRefundIntent(
    {
      entryId: ledgerEntryId(entry),
      planId: planId("plan_contract"),
      ownershipId: ownershipId("own_contract"),
      paymentIntentId: "pi_contract",
      amountYen: 1_200 as Yen,
    },
    { state, refundId: `re_${entry}` },
    AT,
  );

/** The behaviour every RefundIntentStore adapter must share (in-memory, DynamoDB). */
export const describeRefundIntentStoreContract = (
  name: string,
  makeHarness: MakeReservationStores,
) => {
  describe(`RefundIntentStore contract: ${name}`, () => {
    let harness: ReservationStoresHarness;
    let intents: RefundIntentStore;
    beforeEach(async () => {
      harness = await makeHarness();
      intents = harness.subject.refundIntents;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("creates an intent found by id, payment, plan and, while open, the open list", async () => {
      const created = await succeed(intents.create(shortfallIntent("led_a")));
      expect(created).toEqual(shortfallIntent("led_a"));
      expect(await succeed(intents.get("led_a"))).toEqual(O.some(created));
      expect(await succeed(intents.listByPaymentIntent("pi_contract"))).toEqual([created]);
      expect(await succeed(intents.listByPlan(planId("plan_contract")))).toEqual([created]);
      expect(await succeed(intents.listOpen(10))).toEqual([created]);
    });

    it("keeps the first intent stored under an id: a repeat changes nothing", async () => {
      await succeed(intents.create(shortfallIntent("led_b")));
      const moved = advanceRefundIntent(
        shortfallIntent("led_b"),
        { state: "failed", refundId: "re_led_b" },
        LATER,
      );
      if (moved === undefined) throw new Error("the word should move the intent");
      await succeed(intents.save(moved, 1));
      // The batch, re-run, records the processor's first (replayed) answer again.
      const again = await succeed(intents.create(shortfallIntent("led_b")));
      expect(again).toEqual(moved);
      expect(await succeed(intents.get("led_b"))).toEqual(O.some(moved));
      expect(await succeed(intents.listOpen(10))).toEqual([moved]);
    });

    it("leaves the open list once succeeded, and lists open intents in id order", async () => {
      const first = await succeed(intents.create(shortfallIntent("led_d")));
      await succeed(intents.create(shortfallIntent("led_c", "failed")));
      const done = advanceRefundIntent(first, { state: "succeeded", refundId: "re_led_d" }, LATER);
      if (done === undefined) throw new Error("the word should move the intent");
      await succeed(intents.save(done, first.version));
      await succeed(intents.create(shortfallIntent("led_e")));
      expect((await succeed(intents.listOpen(10))).map((i) => i.id)).toEqual(["led_c", "led_e"]);
      expect((await succeed(intents.listOpen(10, "led_c"))).map((i) => i.id)).toEqual(["led_e"]);
    });
  });
};
