import { DEFAULT_TRANSIT_DAYS_JAPAN } from "@owners/domain";

/** Shipping included: a plan that names no surcharges ships to every region at this price. */
export const FLAT_SHIPPING_SURCHARGE_YEN = 0;

/** Every region of Japan's transit table at the flat surcharge. */
export const defaultShippingSurcharges = (): Readonly<Record<string, number>> =>
  Object.fromEntries(
    Object.keys(DEFAULT_TRANSIT_DAYS_JAPAN).map((region) => [region, FLAT_SHIPPING_SURCHARGE_YEN]),
  );
