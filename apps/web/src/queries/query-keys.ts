/** The filters the API applies to the catalogue (the rest are decided in the browser). */
export interface CatalogueQuery {
  readonly category?: string;
  readonly region?: string;
}

/**
 * One key per resource the site reads. A plan's parts (quote, lots, allocations, …) sit under the
 * plan's own key, so `plan(id)` as a prefix reaches all of them; `exact` reaches the plan alone.
 */
export const queryKeys = {
  /** Every list of plans (the catalogue, a producer's own), whatever its filters. */
  planLists: () => ["plans"] as const,
  /** The catalogue, fetched page by page (an infinite query). */
  catalogue: (query: CatalogueQuery) => ["plans", "catalogue", query] as const,
  producerPlans: (producerId: string) => ["plans", "producer", producerId] as const,
  plan: (planId: string) => ["plan", planId] as const,
  quotes: (planId: string) => ["plan", planId, "quote"] as const,
  quote: (planId: string, shares: number, shippingRegion: string) =>
    ["plan", planId, "quote", { shares, shippingRegion }] as const,
  harvests: (planId: string) => ["plan", planId, "harvests"] as const,
  allocations: (planId: string) => ["plan", planId, "allocations"] as const,
  shipments: (planId: string) => ["plan", planId, "shipments"] as const,
  updates: (planId: string) => ["plan", planId, "updates"] as const,
  experiences: (planId: string) => ["plan", planId, "experiences"] as const,
  /** A plan's money statement (charges, refunds, fees, payout, credit). */
  planMoney: (planId: string) => ["plan", planId, "money"] as const,
  /** A plan's cancellation refunds: owners refunded of owners (what cancelling would refund before). */
  refundProgress: (planId: string) => ["plan", planId, "refund-progress"] as const,
  /** An experience's bookings, as its producer sees them. */
  experienceBookings: (experienceId: string) => ["experience", experienceId, "bookings"] as const,
  comments: (updateId: string) => ["update", updateId, "comments"] as const,
  myOwnerships: () => ["me", "ownerships"] as const,
  /** The signed-in person's producer application. */
  myApplication: () => ["me", "producer-application"] as const,
  /** The console's application lists, every status. */
  adminApplications: () => ["admin", "producer-applications"] as const,
  myWaitlistOffers: () => ["me", "waitlist-offers"] as const,
  /** The signed-in owner's place in one plan's line. */
  myWaitlistPlace: (planId: string) => ["me", "waitlist-place", planId] as const,
  /** The signed-in owner's experience bookings. */
  myBookings: () => ["me", "bookings"] as const,
  myAddress: () => ["me", "address"] as const,
  myCredits: () => ["me", "credits"] as const,
  payoutAccount: () => ["producer", "payout-account"] as const,
  producerSummary: () => ["producer", "summary"] as const,
  // Producers and owners as people.
  producers: (filters: { prefecture?: string; category?: string }) =>
    ["producers", filters] as const,
  producerPage: (producerId: string) => ["producer-page", producerId] as const,
  myProducerProfile: () => ["producer", "profile"] as const,
  myProfile: () => ["me", "profile"] as const,
  myAddresses: () => ["me", "addresses"] as const,
  // Lane season: a plan's season report; the owner's "reserve again" cards.
  seasonReport: (planId: string) => ["plan", planId, "season-report"] as const,
  myNextSeasons: () => ["me", "next-seasons"] as const,
};
