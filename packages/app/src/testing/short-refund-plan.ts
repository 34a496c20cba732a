import { makeMemoryBatchStores } from "@owners/adapter-memory";
import type { Ownership, Plan } from "@owners/domain";
import { allPages } from "../all-pages.ts";
import { type BatchPorts, runBatch } from "../batch/registry.ts";
import { succeed } from "./contracts/expect-task.ts";
import type { HarvestWorld } from "./harvest-world.ts";

/**
 * A closed plan of refund terms harvested short (13 units of 48): `first` (2 shares), card_a and
 * card_b (3 each) are each owed a shortfall refund once the harvest is declared complete. With
 * `first`'s ownership and captured payment, its refunds at the world's processor, and the batch
 * runner over the world's ports.
 */
export const shortRefundPlan = async (world: HarvestWorld, planId: string, first: string) => {
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
  const plan: Plan = await world.closePlan(open.id);
  await world.addLot(plan, "lot_1", 13);
  const ownerships = await succeed(
    allPages((page) => world.deps.ownerships.listByPlan(plan.id, page)),
  );
  const ownership: Ownership | undefined = ownerships.find((o) => o.ownerId === first);
  const paymentIntentId = ownership?.payment?.paymentIntentId;
  if (ownership === undefined || paymentIntentId === undefined)
    throw new Error(`${first} has no paid ownership`);
  const ports: BatchPorts = {
    ...world.deps,
    reservationConfig: world.deps.config,
    ...makeMemoryBatchStores(),
  };
  return {
    plan,
    ownership,
    paymentIntentId,
    batch: (name: "reconcile-payments" | "allocate-harvests") => succeed(runBatch(ports)(name)),
    refundsTo: () =>
      world.payments
        .movements()
        .filter((m) => m.kind === "refund" && m.paymentId === paymentIntentId),
  };
};
