import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import { storeErrors } from "../store-errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { reserveShares } from "./reserve-shares.ts";

/**
 * A hot plan's counter over its write rate: the store answers STORE.THROTTLED (after the DynamoDB
 * client's own retries); the use case re-reads the plan and tries again for a while.
 */
const hotKit = async (throttle: (call: number) => Promise<boolean>) => {
  const kit = makeReservationKit();
  const plan = await kit.givenOpenPlan({ totalShares: 2, maxSharesPerOwner: 2 });
  const writes = { count: 0 };
  const ownerships: OwnershipStore = {
    ...kit.deps.ownerships,
    reserve: (command) => async () => {
      writes.count += 1;
      return (await throttle(writes.count))
        ? E.left(storeErrors.throttled("plan", plan.id))
        : kit.deps.ownerships.reserve(command)();
    },
  };
  const deps = {
    ...kit.deps,
    ownerships,
    config: { ...kit.deps.config, hotPlanRetry: { budgetMs: 200, baseDelayMs: 1, maxDelayMs: 5 } },
  };
  const ask = (owner: number, shares: number, key: string) =>
    reserveShares(deps)(kit.owner(owner), {
      planId: plan.id,
      shares,
      shippingRegion: "kanto",
      idempotencyKey: key,
    });
  return { kit, plan, writes, ask };
};

describe("reserveShares on a hot plan", () => {
  it("takes its turn: throttled twice, then holds the shares", async () => {
    const { ask, writes } = await hotKit(async (call) => call <= 2);
    const { ownership, replayed } = await succeed(ask(1, 1, "k"));
    expect({ status: ownership.status, replayed }).toEqual({
      status: "pending_payment",
      replayed: false,
    });
    expect(writes.count).toBe(3);
  });

  it("answers a clean PLAN.SOLD_OUT when the sale ends while it waits, re-reading instead of writing", async () => {
    // The first write is throttled, and meanwhile someone else takes the whole supply.
    const hot = await hotKit(async (call) => {
      if (call === 1) await succeed(hot.ask(2, 2, "other"));
      return call === 1;
    });
    const refused = await failWith(hot.ask(1, 1, "k"));
    expect(refused._tag).toBe("PLAN.SOLD_OUT");
    // The throttled write and the winner's: the loser learnt of the sell-out by reading.
    expect(hot.writes.count).toBe(2);
  });

  it("gives up with STORE.THROTTLED (a 503) once the budget is spent, holding nothing", async () => {
    const { ask, kit, plan } = await hotKit(async () => true);
    expect((await failWith(ask(1, 1, "k")))._tag).toBe("STORE.THROTTLED");
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({ value: { sharesSold: 0 } });
  });
});
