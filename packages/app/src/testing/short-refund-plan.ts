import type { Plan } from "@owners/domain";
import type { HarvestWorld } from "./harvest-world.ts";

/**
 * A closed plan of refund terms harvested short (13 units of 48): `first` (2 shares), card_a and
 * card_b (3 each) are each owed a shortfall refund once the harvest is declared complete.
 */
export const shortRefundPlan = async (
  world: HarvestWorld,
  planId: string,
  first: string,
): Promise<Plan> => {
  const open = await world.openPlan(planId, {
    unitsPerShare: 6,
    totalShares: 11,
    maxSharesPerOwner: 3,
    pricing: { basePriceYen: 3333, tiers: [], shippingSurchargeYen: { kanto: 800 } },
  });
  const owners: readonly (readonly [string, number])[] = [
    [first, 2],
    ["card_a", 3],
    ["card_b", 3],
  ];
  for (const [minute, [owner, shares]] of owners.entries())
    await world.reserve(open, owner, shares, minute);
  const plan = await world.closePlan(open.id);
  await world.addLot(plan, "lot_1", 13);
  return plan;
};
