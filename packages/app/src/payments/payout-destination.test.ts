import * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
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

  it("reads the payout account beside the owner's credit balances, not after them", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const events: string[] = [];
    /** The read, logged as it starts and as it answers (a tick later, as a store would). */
    const logged =
      <A extends unknown[], R>(name: string, read: (...args: A) => TE.TaskEither<unknown, R>) =>
      (...args: A) =>
      async () => {
        events.push(`${name} asked`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const result = await read(...args)();
        events.push(`${name} answered`);
        return result;
      };
    const deps = {
      ...kit.deps,
      creditBalances: {
        ...kit.deps.creditBalances,
        listByOwner: logged("balances", kit.deps.creditBalances.listByOwner),
      },
      payoutAccountStore: {
        ...kit.deps.payoutAccountStore,
        get: logged("account", kit.deps.payoutAccountStore.get),
      },
    } as typeof kit.deps;
    await succeed(
      reserveShares(deps)(kit.owner("owner_1"), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k1",
      }),
    );
    expect(events.slice(0, 2).sort()).toEqual(["account asked", "balances asked"]);
    expect(events).toHaveLength(4);
  });
});
