import type { DynamoContext } from "./client.ts";
import type { DynamoPorts } from "./dynamo-ports.ts";

/**
 * makeDynamoPorts' stores one by one, each behind a dynamic import of its module (the API's
 * outbox: conditional puts). A bundle that builds a port only when first called (the API's
 * Lambda) thus reads at a cold start none of the stores, and on a request only those it uses.
 */
export const DYNAMO_STORE_LOADERS: {
  readonly [K in keyof DynamoPorts]: (ctx: DynamoContext) => Promise<DynamoPorts[K]>;
} = {
  plans: (ctx) => import("./plan-repository.ts").then((m) => m.makeDynamoPlanRepository(ctx)),
  ownerships: (ctx) => import("./ownership-store.ts").then((m) => m.makeDynamoOwnershipStore(ctx)),
  waitlists: (ctx) => import("./waitlist-store.ts").then((m) => m.makeDynamoWaitlistStore(ctx)),
  ledger: (ctx) => import("./ledger-repository.ts").then((m) => m.makeDynamoLedgerRepository(ctx)),
  audit: (ctx) => import("./ledger-repository.ts").then((m) => m.makeDynamoAuditLog(ctx)),
  refundIntents: (ctx) => import("./refund-intents.ts").then((m) => m.makeDynamoRefundIntents(ctx)),
  creditBalances: (ctx) =>
    import("./credit-balances.ts").then((m) => m.makeDynamoCreditBalances(ctx)),
  producerSummaries: (ctx) =>
    import("./producer-summaries.ts").then((m) => m.makeDynamoProducerSummaries(ctx)),
  harvests: (ctx) =>
    import("./harvest-repository.ts").then((m) => m.makeDynamoHarvestRepository(ctx)),
  processedEvents: (ctx) =>
    import("./processed-events.ts").then((m) => m.makeDynamoProcessedEvents(ctx)),
  payoutAccountStore: (ctx) =>
    import("./payout-account-store.ts").then((m) => m.makeDynamoPayoutAccountStore(ctx)),
  reconciliation: (ctx) =>
    import("./reconciliation-mismatches.ts").then((m) => m.makeDynamoReconciliationMismatches(ctx)),
  allocations: (ctx) =>
    import("./allocation-repository.ts").then((m) => m.makeDynamoAllocationRepository(ctx)),
  shipments: (ctx) =>
    import("./shipment-repository.ts").then((m) => m.makeDynamoShipmentRepository(ctx)),
  experiences: (ctx) =>
    import("./experience-store.ts").then((m) => m.makeDynamoExperienceStore(ctx)),
  communication: (ctx) =>
    import("./communication-repository.ts").then((m) => m.makeDynamoCommunicationRepository(ctx)),
  outbox: (ctx) => import("./outbox.ts").then((m) => m.makeDynamoOutbox(ctx)),
  profiles: (ctx) =>
    import("./owner-profile-repository.ts").then((m) => m.makeDynamoOwnerProfileRepository(ctx)),
  uploadRates: (ctx) => import("./rate-counter.ts").then((m) => m.makeDynamoRateCounter(ctx)),
  producerApplications: (ctx) =>
    import("./producer-application-store.ts").then((m) =>
      m.makeDynamoProducerApplicationStore(ctx),
    ),
  producerProfiles: (ctx) =>
    import("./producer-profile-store.ts").then((m) => m.makeDynamoProducerProfileStore(ctx)),
  follows: (ctx) => import("./follow-store.ts").then((m) => m.makeDynamoFollowStore(ctx)),
  accountClosures: (ctx) =>
    import("./account-closures.ts").then((m) => m.makeDynamoAccountClosures(ctx)),
  parcels: (ctx) => import("./parcel-store.ts").then((m) => m.makeDynamoParcelStore(ctx)),
  seasonReports: (ctx) =>
    import("./season-report-store.ts").then((m) => m.makeDynamoSeasonReportStore(ctx)),
  checkpoints: (ctx) =>
    import("./checkpoint-store.ts").then((m) => m.makeDynamoCheckpointStore(ctx)),
  leases: (ctx) => import("./lease-store.ts").then((m) => m.makeDynamoLeaseStore(ctx)),
  runs: (ctx) => import("./batch-run-log.ts").then((m) => m.makeDynamoBatchRunLog(ctx)),
};
