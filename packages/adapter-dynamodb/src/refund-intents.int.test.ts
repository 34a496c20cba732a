import {
  cancelOwnership,
  finishRefundIntent,
  onRefundUpdated,
  type PaymentGateway,
  type RefundRequest,
} from "@owners/app";
import {
  givenPaidOwnership,
  makeReservationKit,
  type ReservationKit,
  succeed,
} from "@owners/app/testing";
import type { Plan, Yen } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

/**
 * Refund intents on the real table: created by the cancellation's transaction, found again by the
 * reconciliation's sparse index while open and by their PaymentIntent for refund.updated.
 */
describe("refund intents on DynamoDB", () => {
  let table: TestTable;
  let kit: ReservationKit;
  let plan: Plan;

  beforeAll(async () => {
    table = await createTestTable();
    kit = makeReservationKit({ stores: makeDynamoReservationStores(table) });
    plan = await kit.givenOpenPlan({ totalShares: 20, maxSharesPerOwner: 5 });
  });
  afterAll(async () => {
    await table.drop();
  });

  const finishOpen = async () => {
    for (const intent of await succeed(kit.deps.refundIntents.listOpen(50)))
      await succeed(finishRefundIntent(kit.deps)(intent));
  };

  it("a processor outage after the commit is finished by reconciliation, exactly once", async () => {
    const ownership = await givenPaidOwnership(kit, plan, kit.owner("a"), 2);
    kit.payments.setAvailable(false);
    await succeed(cancelOwnership(kit.deps)(kit.owner("a"), { ownershipId: ownership.id }));
    kit.payments.setAvailable(true);
    expect(await succeed(kit.deps.refundIntents.listOpen(50))).toMatchObject([
      { ownershipId: ownership.id, state: "pending", amountYen: ownership.quote.totalYen },
    ]);
    await finishOpen();
    await finishOpen();
    expect(await succeed(kit.deps.refundIntents.listOpen(50))).toEqual([]);
    expect(await succeed(kit.deps.refundIntents.listByPlan(plan.id))).toMatchObject([
      { state: "succeeded" },
    ]);
    expect((await succeed(kit.payments.planTotals(plan.id))).refundedYen).toBe(
      ownership.quote.totalYen,
    );
  });

  it("refund.updated finds its intent by PaymentIntent and moves it forward only", async () => {
    const ownership = await givenPaidOwnership(kit, plan, kit.owner("b"), 1);
    const later: PaymentGateway = {
      ...kit.payments,
      refundPayment: (request: RefundRequest) =>
        TE.map((r: { refundId: string; amountYen: Yen }) => ({ ...r, state: "pending" as const }))(
          kit.payments.refundPayment(request),
        ),
    };
    await succeed(
      cancelOwnership({ ...kit.deps, payments: later })(kit.owner("b"), {
        ownershipId: ownership.id,
      }),
    );
    const paymentIntentId = ownership.payment?.paymentIntentId ?? "";
    const [pending] = await succeed(kit.deps.refundIntents.listByPaymentIntent(paymentIntentId));
    expect(pending).toMatchObject({ state: "pending" });
    const event = (state: "succeeded" | "failed") =>
      succeed(
        onRefundUpdated(kit.deps)({
          eventId: `evt_${state}`,
          createdAt: kit.clock.now(),
          kind: "refund.updated",
          refundId: pending?.refundId ?? "",
          paymentIntentId,
          state,
          amountYen: ownership.quote.totalYen,
        }),
      );
    await event("succeeded");
    await event("failed");
    expect(
      await succeed(kit.deps.refundIntents.listByPaymentIntent(paymentIntentId)),
    ).toMatchObject([{ state: "succeeded", declines: 0 }]);
  });
});
