import type { CursorCodec } from "../cursor.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { AllocationRepository } from "../ports/allocation-repository.ts";
import type { BlobStore } from "../ports/blob-store.ts";
import type { Clock } from "../ports/clock.ts";
import type { CommunicationRepository } from "../ports/communication-repository.ts";
import type { CreditBalances } from "../ports/credit-balances.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { IdentityDirectory } from "../ports/identity-directory.ts";
import type { AuditLog, LedgerRepository } from "../ports/ledger-repository.ts";
import type { Notifier } from "../ports/notifier.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { ParcelStore } from "../ports/parcel-store.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { PaymentSimulator } from "../ports/payment-simulator.ts";
import type { PayoutAccountStore } from "../ports/payout-account-store.ts";
import type { PayoutAccounts } from "../ports/payout-accounts.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProcessedEvents } from "../ports/processed-events.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { ProducerSummaries } from "../ports/producer-summaries.ts";
import type { RateCounter } from "../ports/rate-counter.ts";
import type { ReconciliationMismatches } from "../ports/reconciliation-mismatches.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import type { Scheduler } from "../ports/scheduler.ts";
import type { SeasonReportStore } from "../ports/season-report-store.ts";
import type { ShipmentRepository } from "../ports/shipment-repository.ts";
import type { WaitlistStore } from "../ports/waitlist-store.ts";

/** What every deployment provides besides storage: time, ids, files, money, messages, schedules. */
export interface PlatformPorts {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly cursors: CursorCodec;
  readonly blobs: BlobStore;
  readonly payments: PaymentGateway;
  /** Producers' payout accounts at the processor. */
  readonly payoutAccounts: PayoutAccounts;
  /** Dev and tests only: completes local checkouts (the AWS composition refuses to bind one). */
  readonly paymentSimulator: PaymentSimulator;
  readonly notifier: Notifier;
  readonly scheduler: Scheduler;
  /** The identity provider's groups and users (Cognito in AWS; a dev-only twin locally). */
  readonly identityDirectory: IdentityDirectory;
}

/** The storing ports: DynamoDB in AWS and `pnpm start`, in-memory in tests and the memory mode. */
export interface StoragePorts {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly ledger: LedgerRepository;
  readonly audit: AuditLog;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
  readonly waitlists: WaitlistStore;
  readonly shipments: ShipmentRepository;
  readonly experiences: ExperienceStore;
  readonly communication: CommunicationRepository;
  readonly outbox: Outbox;
  readonly profiles: OwnerProfileRepository;
  /** Upload forms asked per user per window (the upload rate limit). */
  readonly uploadRates: RateCounter;
  /** Webhook event ids already acted on. */
  readonly processedEvents: ProcessedEvents;
  /** Each producer's payout account and its last known status (publishing reads it). */
  readonly payoutAccountStore: PayoutAccountStore;
  /** Refunds committed with a release, finished after it. */
  readonly refundIntents: RefundIntentStore;
  /** Plans whose ledger and processor disagree (the reconciliation batch's findings). */
  readonly reconciliation: ReconciliationMismatches;
  /** Store credit per owner per producer. */
  readonly creditBalances: CreditBalances;
  /** Producer applications, one per applicant. */
  readonly producerApplications: ProducerApplicationStore;
  /** Approved producers' public profiles. */
  readonly producerProfiles: ProducerProfileStore;
  /** Owners following producers, with follower counts. */
  readonly follows: FollowStore;
  /** Tombstones of closed accounts. */
  readonly accountClosures: AccountClosures;
  /**
   * Every store's share of a person's data (multi-binding: one holder per store), built by the
   * wiring over the other ports (`storePersonalDataHolders`).
   */
  readonly personalDataHolders: readonly PersonalDataHolder[];
  /** The producer dashboard's tallies (moved by the ownership, ledger and credit writes). */
  readonly producerSummaries: ProducerSummaries;
  /** Parcels on their way to the door, with per-plan counts. */
  readonly parcels: ParcelStore;
  /** Producers' season reports, one per completed plan. */
  readonly seasonReports: SeasonReportStore;
  // A new storing port gets a line here and a token in PORT_TOKENS (tsc asks for it).
}

/**
 * Every port of the app as one plain object: what a composition root builds once per process
 * (apps bind each to its token in PORT_TOKENS) and what use-case factories take their deps from.
 */
export interface Ports extends PlatformPorts, StoragePorts {}

/** Looks one port up by name (a container's `get` on that port's token). */
export type PortLookup = <K extends keyof Ports>(name: K) => Ports[K];

/**
 * Every port, each read through `get`: what a composition root hands the use-case factories.
 * Each key is written out, so a port added to `Ports` and not read here does not compile.
 */
export const readPorts = (get: PortLookup): Ports => ({
  ...readHolderPorts(get),
  personalDataHolders: get("personalDataHolders"),
});

/** Every port but the personal-data holders: what the holders are built over. */
export const readHolderPorts = (get: PortLookup): Omit<Ports, "personalDataHolders"> => ({
  clock: get("clock"),
  ids: get("ids"),
  cursors: get("cursors"),
  blobs: get("blobs"),
  payments: get("payments"),
  payoutAccounts: get("payoutAccounts"),
  paymentSimulator: get("paymentSimulator"),
  notifier: get("notifier"),
  scheduler: get("scheduler"),
  plans: get("plans"),
  ownerships: get("ownerships"),
  ledger: get("ledger"),
  audit: get("audit"),
  harvests: get("harvests"),
  allocations: get("allocations"),
  waitlists: get("waitlists"),
  shipments: get("shipments"),
  experiences: get("experiences"),
  communication: get("communication"),
  outbox: get("outbox"),
  profiles: get("profiles"),
  uploadRates: get("uploadRates"),
  processedEvents: get("processedEvents"),
  payoutAccountStore: get("payoutAccountStore"),
  refundIntents: get("refundIntents"),
  reconciliation: get("reconciliation"),
  creditBalances: get("creditBalances"),
  identityDirectory: get("identityDirectory"),
  producerApplications: get("producerApplications"),
  producerProfiles: get("producerProfiles"),
  follows: get("follows"),
  accountClosures: get("accountClosures"),
  producerSummaries: get("producerSummaries"),
  parcels: get("parcels"),
  seasonReports: get("seasonReports"),
});
