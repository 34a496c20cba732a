import type { Ports } from "./ports.ts";

/**
 * inversify tokens for the apps' composition roots. Plain symbols, so nothing below apps/ imports
 * inversify; `Symbol.for` so two bundled copies of this module still agree on them. Bind with
 * `toConstantValue` / `toDynamicValue` only: esbuild emits no decorator metadata.
 */
export const PORT_TOKENS = {
  clock: Symbol.for("owners.port.Clock"),
  ids: Symbol.for("owners.port.IdGenerator"),
  cursors: Symbol.for("owners.port.CursorCodec"),
  blobs: Symbol.for("owners.port.BlobStore"),
  payments: Symbol.for("owners.port.PaymentGateway"),
  payoutAccounts: Symbol.for("owners.port.PayoutAccounts"),
  payoutAccountStore: Symbol.for("owners.port.PayoutAccountStore"),
  paymentSimulator: Symbol.for("owners.port.PaymentSimulator"),
  processedEvents: Symbol.for("owners.port.ProcessedEvents"),
  creditBalances: Symbol.for("owners.port.CreditBalances"),
  producerSummaries: Symbol.for("owners.port.ProducerSummaries"),
  notifier: Symbol.for("owners.port.Notifier"),
  scheduler: Symbol.for("owners.port.Scheduler"),
  plans: Symbol.for("owners.port.PlanRepository"),
  ownerships: Symbol.for("owners.port.OwnershipStore"),
  ledger: Symbol.for("owners.port.LedgerRepository"),
  audit: Symbol.for("owners.port.AuditLog"),
  harvests: Symbol.for("owners.port.HarvestRepository"),
  allocations: Symbol.for("owners.port.AllocationRepository"),
  waitlists: Symbol.for("owners.port.WaitlistStore"),
  shipments: Symbol.for("owners.port.ShipmentRepository"),
  experiences: Symbol.for("owners.port.ExperienceStore"),
  communication: Symbol.for("owners.port.CommunicationRepository"),
  outbox: Symbol.for("owners.port.Outbox"),
  profiles: Symbol.for("owners.port.OwnerProfileRepository"),
  uploadRates: Symbol.for("owners.port.UploadRateCounter"),
  refundIntents: Symbol.for("owners.port.RefundIntentStore"),
  reconciliation: Symbol.for("owners.port.ReconciliationMismatches"),
  // The identity provider's groups, producer applications, producer profiles.
  identityDirectory: Symbol.for("owners.port.IdentityDirectory"),
  producerApplications: Symbol.for("owners.port.ProducerApplicationStore"),
  producerProfiles: Symbol.for("owners.port.ProducerProfileStore"),
  follows: Symbol.for("owners.port.FollowStore"),
  accountClosures: Symbol.for("owners.port.AccountClosures"),
  parcels: Symbol.for("owners.port.ParcelStore"),
  seasonReports: Symbol.for("owners.port.SeasonReportStore"),
  /** Multi-binding: every store's PersonalDataHolder, as one array. */
  personalDataHolders: Symbol.for("owners.port.PersonalDataHolders"),
} as const satisfies { readonly [K in keyof Ports]: symbol };

/** One token per group of use cases an app binds (each group is a plain object of functions). */
export const USE_CASE_TOKENS = {
  photoUploads: Symbol.for("owners.useCases.PhotoUploads"),
  plans: Symbol.for("owners.useCases.Plans"),
  reservations: Symbol.for("owners.useCases.Reservations"),
  waitlist: Symbol.for("owners.useCases.Waitlist"),
  harvest: Symbol.for("owners.useCases.Harvest"),
  shipments: Symbol.for("owners.useCases.Shipments"),
  experiences: Symbol.for("owners.useCases.Experiences"),
  communication: Symbol.for("owners.useCases.Communication"),
  batches: Symbol.for("owners.useCases.Batches"),
  payouts: Symbol.for("owners.useCases.Payouts"),
  money: Symbol.for("owners.useCases.Money"),
  producerApplications: Symbol.for("owners.useCases.ProducerApplications"),
  people: Symbol.for("owners.useCases.People"),
  privacy: Symbol.for("owners.useCases.Privacy"),
} as const;

/** Configuration values apps bind next to the ports. */
export const CONFIG_TOKENS = {
  photoUploads: Symbol.for("owners.config.PhotoUploads"),
} as const;

export const TOKENS = { ...PORT_TOKENS, useCases: USE_CASE_TOKENS, config: CONFIG_TOKENS } as const;
