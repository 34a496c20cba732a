import { ledgerBalance, type Plan } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { cancelPlan } from "../plans/cancel-plan.ts";
import { DEFAULT_RESERVATION_CONFIG } from "../reservations/reservation-deps.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { listMyCredits } from "./list-my-credits.ts";

/** Two owners of a credit-terms plan, 36 packs entitled, 30 harvested: credit issued at completion. */
const creditedPlan = async (world: HarvestWorld): Promise<Plan> =>
  world.allocatedPlan(
    "plan_credit",
    [
      ["ann", 3],
      ["bob", 3],
    ],
    [["lot_1", 20]],
    { riskTerms: "credit" },
  );

const creditsOf = async (world: HarvestWorld, owner: string) =>
  (await succeed(listMyCredits(world.deps)(world.owner(owner)))).credits;

describe("store credit issued by a shortfall", () => {
  it("shows each owner its own balance at the producer", async () => {
    const world = makeHarvestWorld();
    const plan = await creditedPlan(world);
    // 24 packs entitled, 20 harvested: 2 missing each, at 5,000 / 4 = 1,250 yen a pack.
    expect(await creditsOf(world, "ann")).toEqual([
      { producerId: plan.producerId, balanceYen: 2500 },
    ]);
    expect(await creditsOf(world, "bob")).toEqual([
      { producerId: plan.producerId, balanceYen: 2500 },
    ]);
    expect(await creditsOf(world, "carol")).toEqual([]);
    const refused = await listMyCredits(world.deps)(world.producerOf(plan))();
    expect(refused._tag === "Left" && refused.left._tag).toBe("AUTH.FORBIDDEN");
  });

  it("is voided, as far as unspent, when the plan that issued it is cancelled", async () => {
    const world = makeHarvestWorld();
    const plan = await creditedPlan(world);
    // Bob spent 1,000 of his 2,500 elsewhere (an entry on another plan, with the balance).
    await succeed(
      world.deps.creditBalances.record({
        entries: [
          {
            id: "led_spent_elsewhere" as never,
            planId: "plan_next" as never,
            ownershipId: "own_next_bob" as never,
            kind: "credit",
            amountYen: -1000 as never,
            reason: "credit-spent",
            at: world.clock.now(),
            actor: "bob",
          },
        ],
        audit: [],
        changes: [{ ownerId: "bob" as never, producerId: plan.producerId, deltaYen: -1000 }],
      }),
    );
    const deps = { ...world.deps, config: DEFAULT_RESERVATION_CONFIG };
    const cancel = () =>
      cancelPlan(deps)(world.producerOf(plan), { planId: plan.id, reason: "Storm damage." });
    await succeed(cancel());
    expect(await creditsOf(world, "ann")).toEqual([]);
    expect(await creditsOf(world, "bob")).toEqual([]);
    const ledger = await succeed(world.deps.ledger.listByPlan(plan.id));
    const voided = ledger.filter((e) => e.reason === "credit-voided").map((e) => e.amountYen);
    expect(voided.sort((a, b) => a - b)).toEqual([-2500, -1500]);
    expect(ledgerBalance(ledger)).toMatchObject({ isBalanced: true, creditsYen: 1000 });
    // Idempotent: cancelling again voids nothing more.
    await succeed(cancel());
    expect(
      (await succeed(world.deps.ledger.listByPlan(plan.id))).filter(
        (e) => e.reason === "credit-voided",
      ),
    ).toHaveLength(2);
  });
});
