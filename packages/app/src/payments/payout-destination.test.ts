import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";

describe("checkouts as destination charges", () => {
  it("sends a reservation's money to its producer's payout account, the fee to the platform", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const account = O.toUndefined(await succeed(kit.deps.payoutAccountStore.get(plan.producerId)));
    expect(account?.chargesEnabled).toBe(true);
    await succeed(
      reserveShares(kit.deps)(kit.owner("owner_1"), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k1",
      }),
    );
    const [checkout] = kit.payments.checkouts();
    expect(checkout?.request).toMatchObject({
      destinationAccountId: account?.accountId,
      applicationFeeYen: expect.any(Number),
    });
  });

  it("keeps the charge with the platform when the producer's account cannot take charges", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const account = O.toUndefined(await succeed(kit.deps.payoutAccountStore.get(plan.producerId)));
    if (account === undefined) throw new Error("no account");
    await succeed(kit.deps.payoutAccountStore.updateStatus({ ...account, chargesEnabled: false }));
    await succeed(
      reserveShares(kit.deps)(kit.owner("owner_1"), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k1",
      }),
    );
    expect(kit.payments.checkouts()[0]?.request.destinationAccountId).toBeUndefined();
  });
});
