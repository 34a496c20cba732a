import type { Yen } from "../money/money.ts";
import type { Plan } from "../plans/plan.ts";
import type { TemperatureSurcharge } from "../reservations/ownership.ts";
import type { Temperature } from "../shipping/delivery-options.ts";

/**
 * Boxes a reservation ships as: ceil(units / unitsPerBox), the shipping schedule's rule. The
 * schedule packs one share's entitlement per box unless its run says otherwise, so a quote
 * (made before any run) counts with that default.
 */
export const boxesForShares = (
  shares: number,
  unitsPerShare: number,
  unitsPerBox: number = unitsPerShare,
): number => Math.ceil((shares * unitsPerShare) / unitsPerBox);

/**
 * What a chilled or frozen plan's クール便 adds to a reservation: the plan's surcharge per box
 * times its boxes. Absent when nothing is added (ambient plans, a plan without logistics, a 0
 * surcharge), so
 * such quotes are exactly as before.
 */
export const temperatureSurcharge = (
  plan: Partial<Pick<Plan, "logistics" | "unitsPerShare">>,
  shares: number,
): TemperatureSurcharge | undefined => {
  const logistics = plan.logistics;
  // An ambient box travels without クール便: there is nothing to surcharge.
  if (
    logistics === undefined ||
    logistics.temperature === "ambient" ||
    logistics.surchargeYenPerBox <= 0
  )
    return undefined;
  const unitsPerShare = plan.unitsPerShare ?? 1;
  const boxes = boxesForShares(shares, unitsPerShare);
  const temperature: Temperature = logistics.temperature;
  return {
    temperature,
    boxes,
    yenPerBox: logistics.surchargeYenPerBox,
    yen: (logistics.surchargeYenPerBox * boxes) as Yen,
  };
};
