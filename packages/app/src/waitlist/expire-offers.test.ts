import type { PlanId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { appError } from "../errors.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { storeErrors } from "../store-errors.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { givenPaidOwnership } from "../testing/paid-ownership.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { expireOffers } from "./expire-offers.ts";
import { joinWaitlist } from "./join-waitlist.ts";

/** Two sold-out plans, each with one offer to its first waiter, made by a cancellation. */
const twoPlansWithOffers = async () => {
  const kit = makeReservationKit();
  const plans = [];
  for (const name of ["a", "b"]) {
    const plan = await kit.givenOpenPlan({ totalShares: 4, maxSharesPerOwner: 2 });
    const leaving = await givenPaidOwnership(kit, plan, kit.owner(`${name}-leaving`), 2);
    await givenPaidOwnership(kit, plan, kit.owner(`${name}-staying`), 2);
    await succeed(
      joinWaitlist(kit.deps)(kit.owner(`${name}-first`), { planId: plan.id, shares: 2 }),
    );
    await succeed(
      joinWaitlist(kit.deps)(kit.owner(`${name}-next`), { planId: plan.id, shares: 2 }),
    );
    await succeed(
      cancelOwnership(kit.deps)(kit.owner(`${name}-leaving`), { ownershipId: leaving.id }),
    );
    plans.push(plan);
  }
  kit.clock.advance(kit.deps.config.offerTtlMs + 1);
  const offersOf = async (planId: PlanId) =>
    (await succeed(kit.deps.waitlists.load(planId, kit.clock.now()))).waitlist.offers.map(
      (o) => o.ownerId,
    );
  return { kit, plans, offersOf };
};

describe("expireOffers", () => {
  it("reports a plan whose offers it cannot pass on, and passes on the other plans' offers", async () => {
    const { kit, plans, offersOf } = await twoPlansWithOffers();
    const [a, b] = plans as [(typeof plans)[0], (typeof plans)[0]];
    const refusingA = {
      ...kit.deps,
      waitlists: {
        ...kit.deps.waitlists,
        save: ((planId, write) =>
          planId === a.id
            ? TE.left(storeErrors.invalid("a write this store refuses", {}))
            : kit.deps.waitlists.save(planId, write)) as typeof kit.deps.waitlists.save,
      },
    };
    const report = await succeed(expireOffers(refusingA)(kit.system, {}));
    expect(report).toMatchObject({ plans: 2, withdrawnOffers: 1, newOffers: 1 });
    expect(report.failed).toEqual([
      { planId: a.id, code: "VALIDATION.INVALID", message: "a write this store refuses" },
    ]);
    expect(await offersOf(b.id)).toEqual(["owner_b-next"]);
    // Plan a's lapsed offer is still stored: the next run tries it again.
    const stillStored = await succeed(
      kit.deps.waitlists.listExpiredOffers(kit.clock.now(), { limit: 10 }),
    );
    expect(stillStored.items.map((o) => [o.planId, o.ownerId])).toEqual([[a.id, "owner_a-first"]]);
  });

  it("stops the run when the store is down, so the next run resumes", async () => {
    const { kit } = await twoPlansWithOffers();
    const down = {
      ...kit.deps,
      waitlists: {
        ...kit.deps.waitlists,
        save: (() =>
          TE.left(appError("STORE.UNAVAILABLE", "gone"))) as typeof kit.deps.waitlists.save,
      },
    };
    expect((await failWith(expireOffers(down)(kit.system, {})))._tag).toBe("STORE.UNAVAILABLE");
  });
});
