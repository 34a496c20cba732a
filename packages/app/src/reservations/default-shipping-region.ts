/** What the default reads of a plan: where it comes from and where it ships at what surcharge. */
export interface ShippingRegionsOf {
  readonly region: string;
  readonly pricing: { readonly shippingSurchargeYen: Readonly<Record<string, number>> };
}

/**
 * Where a reservation ships when the buyer names no region. The plan's `region` is where the
 * produce comes from (free text, a prefecture or an area), not a place it promises to ship to,
 * so it is only a default when it is also one of the plan's shipping regions. Otherwise the
 * cheapest region the plan ships to (ties by name, so the choice never depends on key order):
 * the owner is never charged more than the plan's lowest surcharge for a guess it did not make.
 */
export const defaultShippingRegion = (plan: ShippingRegionsOf): string => {
  const surcharges = plan.pricing.shippingSurchargeYen;
  if (Object.hasOwn(surcharges, plan.region)) return plan.region;
  const [cheapest] = Object.entries(surcharges).sort(
    ([a, yenA], [b, yenB]) => yenA - yenB || (a < b ? -1 : a > b ? 1 : 0),
  );
  // A plan always ships somewhere (validatePriceTerms); the plan's own region is the last resort.
  return cheapest?.[0] ?? plan.region;
};
