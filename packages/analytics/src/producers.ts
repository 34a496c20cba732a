import type { Plan, ProducerId } from "@owners/domain";
import type { ProducerActivity } from "./schema/producers.ts";

/** One row per producer of these plans (no producer entity is stored: plans name them). */
export const producersOf = (plans: readonly Plan[]): ProducerActivity[] => {
  const byProducer = new Map<ProducerId, ProducerActivity>();
  for (const plan of plans) {
    const seen = byProducer.get(plan.producerId);
    byProducer.set(plan.producerId, {
      producerId: plan.producerId,
      planCount: (seen?.planCount ?? 0) + 1,
      firstPlanCreatedAt:
        seen === undefined || plan.createdAt < seen.firstPlanCreatedAt
          ? plan.createdAt
          : seen.firstPlanCreatedAt,
      lastPlanUpdatedAt:
        seen === undefined || plan.updatedAt > seen.lastPlanUpdatedAt
          ? plan.updatedAt
          : seen.lastPlanUpdatedAt,
    });
  }
  return [...byProducer.values()].sort((a, b) => (a.producerId < b.producerId ? -1 : 1));
};
