import {
  DEFAULT_EXPERIENCE_SEATS_PER_OWNER,
  DEFAULT_PAYMENT_HOLD_MINUTES,
  type Instant,
  type Plan,
  type PlanId,
  type PlanLogistics,
  type PlanStatus,
  type ProducerId,
} from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { planKeys } from "./reservation-keys.ts";

/**
 * A plan item. The counters are stored as sharesSold and sharesTaken (sold + offered), because a
 * condition expression cannot add two attributes: "sharesTaken <= total - n" is the sold-out
 * check of a reservation. sharesOffered is derived on read.
 */
export const planToItem = (plan: Plan): Item =>
  defined({
    ...planKeys.item(plan.id),
    GSI1PK: planKeys.byProducer(plan.producerId),
    GSI1SK: planKeys.byProducerSort(plan.createdAt, plan.id),
    GSI2PK: planKeys.byStatus(plan.status),
    GSI2SK: planKeys.newestSort(plan.createdAt, plan.id),
    GSI3PK: planKeys.all,
    GSI3SK: planKeys.newestSort(plan.createdAt, plan.id),
    entity: "plan",
    id: plan.id,
    producerId: plan.producerId,
    status: plan.status,
    platformFeeBps: plan.platformFeeBps,
    sharesSold: plan.sharesSold,
    sharesTaken: plan.sharesSold + plan.sharesOffered,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    version: plan.version,
    ...planHarvestAttributes(plan),
    ...planTermsAttributes(plan),
  });

/** The harvest's marks: set once each, never unset (absent ones are not written). */
export const planHarvestAttributes = (plan: Plan): Item =>
  defined({
    harvestCompletedAt: plan.harvestCompletedAt,
    shortfallSettledAt: plan.shortfallSettledAt,
  });

/** The producer-edited attributes: what PlanRepository.save writes (never the counters). */
export const planTermsAttributes = (plan: Plan): Item =>
  defined({
    title: plan.title,
    story: plan.story,
    category: plan.category,
    region: plan.region,
    unitLabel: plan.unitLabel,
    unitsPerShare: plan.unitsPerShare,
    totalShares: plan.totalShares,
    maxSharesPerOwner: plan.maxSharesPerOwner,
    salesWindow: defined({ ...plan.salesWindow }),
    deliveryWindow: plan.deliveryWindow,
    pricing: plan.pricing,
    riskTerms: plan.riskTerms,
    cancellationDeadline: plan.cancellationDeadline,
    shipCapacityPerDay: plan.shipCapacityPerDay,
    surplusBonusCapUnits: plan.surplusBonusCapUnits,
    photoKeys: plan.photoKeys,
    allocationStartedAt: plan.allocationStartedAt,
    paymentHoldMinutes: plan.paymentHoldMinutes,
    logistics: plan.logistics,
    experienceSeatsPerOwner: plan.experienceSeatsPerOwner,
  });

export const planFromItem = (item: Item): Plan => {
  const sharesSold = item.sharesSold as number;
  const salesWindow = item.salesWindow as Plan["salesWindow"];
  return {
    id: item.id as PlanId,
    producerId: item.producerId as ProducerId,
    status: item.status as PlanStatus,
    platformFeeBps: item.platformFeeBps as number,
    sharesSold,
    sharesOffered: (item.sharesTaken as number) - sharesSold,
    createdAt: item.createdAt as Instant,
    updatedAt: item.updatedAt as Instant,
    version: item.version as number,
    title: item.title as string,
    story: item.story as string,
    category: item.category as string,
    region: item.region as string,
    unitLabel: item.unitLabel as string,
    unitsPerShare: item.unitsPerShare as number,
    totalShares: item.totalShares as number,
    maxSharesPerOwner: item.maxSharesPerOwner as number,
    salesWindow:
      salesWindow.returningOwnersOpenAt === undefined
        ? { opensAt: salesWindow.opensAt, closesAt: salesWindow.closesAt }
        : salesWindow,
    deliveryWindow: item.deliveryWindow as Plan["deliveryWindow"],
    pricing: item.pricing as Plan["pricing"],
    riskTerms: item.riskTerms as Plan["riskTerms"],
    cancellationDeadline: item.cancellationDeadline as Instant,
    shipCapacityPerDay: item.shipCapacityPerDay as number,
    surplusBonusCapUnits: item.surplusBonusCapUnits as number,
    photoKeys: (item.photoKeys as string[] | undefined) ?? [],
    ...(item.allocationStartedAt === undefined
      ? {}
      : { allocationStartedAt: item.allocationStartedAt as Instant }),
    ...(item.harvestCompletedAt === undefined
      ? {}
      : { harvestCompletedAt: item.harvestCompletedAt as Instant }),
    ...(item.shortfallSettledAt === undefined
      ? {}
      : { shortfallSettledAt: item.shortfallSettledAt as Instant }),
    // Plans stored before holds existed hold for the default time.
    paymentHoldMinutes:
      (item.paymentHoldMinutes as number | undefined) ?? DEFAULT_PAYMENT_HOLD_MINUTES,
    ...(item.logistics === undefined ? {} : { logistics: item.logistics as PlanLogistics }),
    // Plans stored before the experience seat limit existed get the default.
    experienceSeatsPerOwner:
      (item.experienceSeatsPerOwner as number | undefined) ?? DEFAULT_EXPERIENCE_SEATS_PER_OWNER,
  };
};
