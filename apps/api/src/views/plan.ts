import type { PlanView } from "@owners/app";
import { type Plan, planLogistics } from "@owners/domain";

/** How the boxes travel, as owners see it: the Yamato sender (phone, contract) stays private. */
const publicLogistics = (plan: Plan) => {
  const { sender: _sender, ...shown } = planLogistics(plan);
  return shown;
};

/** A plan as the API shows it: the same field names a producer submits, plus its sales figures. */
export const planJson = ({ plan, sharesSold, sharesRemaining }: PlanView) => ({
  id: plan.id,
  producerId: plan.producerId,
  status: plan.status,
  title: plan.title,
  description: plan.story,
  category: plan.category,
  region: plan.region,
  unitLabel: plan.unitLabel,
  unitsPerShare: plan.unitsPerShare,
  totalShares: plan.totalShares,
  maxSharesPerOwner: plan.maxSharesPerOwner,
  priceYen: plan.pricing.basePriceYen,
  tiers: plan.pricing.tiers,
  shippingSurchargeYen: plan.pricing.shippingSurchargeYen,
  salesOpenAt: plan.salesWindow.opensAt,
  salesCloseAt: plan.salesWindow.closesAt,
  ...(plan.salesWindow.returningOwnersOpenAt !== undefined
    ? { returningOwnersOpenAt: plan.salesWindow.returningOwnersOpenAt }
    : {}),
  deliveryFrom: plan.deliveryWindow.from,
  deliveryTo: plan.deliveryWindow.to,
  riskTerms: plan.riskTerms,
  cancellationDeadline: plan.cancellationDeadline,
  shipCapacityPerDay: plan.shipCapacityPerDay,
  surplusBonusCapUnits: plan.surplusBonusCapUnits,
  paymentHoldMinutes: plan.paymentHoldMinutes,
  experienceSeatsPerOwner: plan.experienceSeatsPerOwner,
  photoKeys: plan.photoKeys,
  platformFeeBps: plan.platformFeeBps,
  sharesSold,
  sharesRemaining,
  createdAt: plan.createdAt,
  updatedAt: plan.updatedAt,
  version: plan.version,
  // Lane logistics: how the boxes travel, shown to owners (the Yamato sender stays private).
  logistics: publicLogistics(plan),
});

export type PlanJson = ReturnType<typeof planJson>;
export type { Plan };
