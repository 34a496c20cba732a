import type { RawPlanTerms } from "@owners/domain";
import type { DemoPlan } from "./demo-data.ts";

const DAY_MS = 86_400_000;

/** Every demo plan ships everywhere in Japan, with an extra for the far regions (yen per share). */
const DEMO_SHIPPING_SURCHARGE_YEN = {
  hokkaido: 800,
  tohoku: 0,
  kanto: 0,
  chubu: 0,
  kinki: 0,
  chugoku: 0,
  shikoku: 0,
  kyushu: 300,
  okinawa: 1200,
} as const;

const instantIn = (now: number, days: number) => new Date(now + days * DAY_MS).toISOString();
/** The calendar day in Japan, `days` from now. */
const japanDayIn = (now: number, days: number) =>
  new Date(now + days * DAY_MS + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * A demo plan as the terms its producer would type, dated relative to `nowMs`: early-bird prices
 * run for the first week from now, and cancellation is allowed until three days before sales close.
 */
export const demoPlanTerms = (plan: DemoPlan, nowMs: number): RawPlanTerms => {
  const { calendar } = plan;
  const tiers: RawPlanTerms["pricing"]["tiers"] = [
    ...(plan.earlyBirdPriceYen === undefined
      ? []
      : [
          {
            kind: "earlyBird" as const,
            until: instantIn(nowMs, 7),
            priceYen: plan.earlyBirdPriceYen,
          },
        ]),
    ...(plan.firstSharesPriceYen === undefined
      ? []
      : [{ kind: "firstShares" as const, ...plan.firstSharesPriceYen }]),
  ];
  return {
    title: plan.title,
    story: plan.story,
    category: plan.category,
    region: plan.region,
    unitLabel: plan.unitLabel,
    unitsPerShare: plan.unitsPerShare,
    totalShares: plan.totalShares,
    maxSharesPerOwner: plan.maxSharesPerOwner,
    salesWindow: {
      opensAt: instantIn(nowMs, calendar.opensInDays),
      closesAt: instantIn(nowMs, calendar.closesInDays),
    },
    deliveryWindow: {
      from: japanDayIn(nowMs, calendar.deliveryFromDays),
      to: japanDayIn(nowMs, calendar.deliveryToDays),
    },
    pricing: {
      basePriceYen: plan.priceYen,
      tiers,
      shippingSurchargeYen: DEMO_SHIPPING_SURCHARGE_YEN,
    },
    riskTerms: plan.riskTerms,
    cancellationDeadline: instantIn(nowMs, calendar.closesInDays - 3),
    shipCapacityPerDay: plan.shipCapacityPerDay,
    surplusBonusCapUnits: plan.surplusBonusCapUnits,
  };
};
