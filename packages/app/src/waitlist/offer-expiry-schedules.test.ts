import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import type { BatchInvocation, Scheduler } from "../ports/scheduler.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { seededRandom } from "../testing/seeded-random.ts";
import { expireOffers } from "./expire-offers.ts";
import { joinWaitlist } from "./join-waitlist.ts";
import { offerExpiryScheduleName } from "./offer-expiry-schedules.ts";

const TTL = 3_600_000;

/** A scheduler that records its one-off schedules (or refuses them all). */
const recordingScheduler = (down = false) => {
  const once: { name: string; at: string; invocation: BatchInvocation }[] = [];
  const scheduler: Scheduler = {
    scheduleRecurring: () => TE.right(undefined),
    scheduleOnce: (name, at, invocation) => {
      // Publishing the plan also schedules the API's warm-up: not what is under test here.
      if (name.startsWith("warm-")) return TE.right(undefined);
      if (down) return TE.left(appError("SCHEDULER.UNAVAILABLE", "down"));
      once.push({ name, at, invocation });
      return TE.right(undefined);
    },
    cancel: () => TE.right(undefined),
  };
  return { scheduler, once };
};

const soldOutWithLine = async (scheduler: Scheduler) => {
  const kit = makeReservationKit({ config: { offerTtlMs: TTL }, scheduler });
  const plan = await kit.givenOpenPlan({ totalShares: 1, maxSharesPerOwner: 1 });
  const { ownership } = await succeed(
    // Bought with no scheduler: only the offers' schedules are under test here.
    reserveShares({ ...kit.deps, scheduler: undefined })(kit.owner(1), {
      planId: plan.id,
      shares: 1,
      shippingRegion: "kanto",
      idempotencyKey: "k-1",
    }),
  );
  await succeed(joinWaitlist(kit.deps)(kit.owner("a"), { planId: plan.id, shares: 1 }));
  kit.clock.advance(1);
  await succeed(joinWaitlist(kit.deps)(kit.owner("b"), { planId: plan.id, shares: 1 }));
  const offers = async () =>
    (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist.offers;
  return { kit, plan, ownership, offers };
};

describe("offer expiry schedules", () => {
  it("asks for the expiry batch at each new offer's expiry: after a cancellation, then after an expiry", async () => {
    const { scheduler, once } = recordingScheduler();
    const { kit, ownership, offers } = await soldOutWithLine(scheduler);
    await succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: ownership.id }));
    const [first] = await offers();
    if (first === undefined) throw new Error("no offer");
    expect(once).toEqual([
      {
        name: offerExpiryScheduleName(first),
        at: first.expiresAt,
        invocation: { batch: "expire-offers" },
      },
    ]);
    kit.clock.set(first.expiresAt);
    await succeed(expireOffers(kit.deps)(kit.system));
    const [second] = await offers();
    if (second === undefined) throw new Error("no second offer");
    expect(second.ownerId).toBe("owner_b");
    expect(once.map((s) => s.name)).toEqual([
      offerExpiryScheduleName(first),
      offerExpiryScheduleName(second),
    ]);
  });

  it("a scheduler that is down does not undo or fail the cancellation", async () => {
    const { scheduler } = recordingScheduler(true);
    const { kit, ownership, offers } = await soldOutWithLine(scheduler);
    const cancelled = await succeed(
      cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: ownership.id }),
    );
    expect(cancelled.status).toBe("cancelled");
    expect((await offers()).map((o) => o.ownerId)).toEqual(["owner_a"]);
  });
});

/** A scheduler that refuses a seeded share of its one-off schedules, as EventBridge does when throttled. */
const flakyScheduler = (rate: number, seed: number) => {
  const random = seededRandom(seed);
  const made: string[] = [];
  let refused = 0;
  const scheduler: Scheduler = {
    scheduleRecurring: () => TE.right(undefined),
    scheduleOnce: (name) => {
      // Publishing the plan also schedules the API's warm-up: not what is under test here.
      if (name.startsWith("warm-")) return TE.right(undefined);
      if (random() < rate) {
        refused += 1;
        return TE.left(appError("SCHEDULER.UNAVAILABLE", "throttled (injected)"));
      }
      made.push(name);
      return TE.right(undefined);
    },
    cancel: () => TE.right(undefined),
  };
  return { scheduler, made, refused: () => refused };
};

describe.each([
  { rate: 0.1, seed: 1 },
  { rate: 0.5, seed: 2 },
  { rate: 0.5, seed: 3 },
  { rate: 1, seed: 4 },
])("offers while the scheduler fails at rate $rate, seed $seed", ({ rate, seed }) => {
  it("still makes every offer in line order, and the periodic batch still expires each one", async () => {
    const flaky = flakyScheduler(rate, seed);
    const kit = makeReservationKit({ config: { offerTtlMs: TTL }, scheduler: flaky.scheduler });
    const plan = await kit.givenOpenPlan({ totalShares: 1, maxSharesPerOwner: 1 });
    const { ownership } = await succeed(
      // Bought with no scheduler: only the offers' schedules are under test here.
      reserveShares({ ...kit.deps, scheduler: undefined })(kit.owner(1), {
        planId: plan.id,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "k-1",
      }),
    );
    const line = ["a", "b", "c", "d", "e", "f"];
    for (const who of line) {
      await succeed(joinWaitlist(kit.deps)(kit.owner(who), { planId: plan.id, shares: 1 }));
      kit.clock.advance(1);
    }
    const offers = async () =>
      (await succeed(kit.deps.waitlists.load(plan.id, kit.clock.now()))).waitlist.offers;
    await succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: ownership.id }));
    const offered: string[] = [];
    for (let i = 0; i < line.length; i++) {
      const [offer] = await offers();
      if (offer === undefined) throw new Error(`no offer after ${offered.length}`);
      offered.push(offer.ownerId);
      // Whether or not its one-off schedule was made, the periodic batch withdraws it at expiry.
      kit.clock.set(offer.expiresAt);
      await succeed(expireOffers(kit.deps)(kit.system));
    }
    expect(offered).toEqual(line.map((who) => `owner_${who}`));
    expect(await offers()).toEqual([]);
    // Every offer asked for a schedule; the refused ones did not stop anything above.
    expect(flaky.made.length + flaky.refused()).toBe(line.length);
    expect(flaky.refused()).toBeGreaterThan(0);
  });
});
