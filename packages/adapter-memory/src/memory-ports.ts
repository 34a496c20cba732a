import {
  type InProcessSchedulerOptions,
  makeIdGenerator,
  makeInProcessScheduler,
  makeSystemTimer,
  systemClock,
  type Timer,
} from "@owners/adapter-local";
import type { BatchStores, Clock, IdGenerator, PersonalDataHolder, Ports } from "@owners/app";
import {
  type CursorCodec,
  makeCursorCodec,
  storePersonalDataHolders,
  withAccountsOnFirstUse,
} from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { makeMemoryAccountClosures } from "./account-closures.ts";
import { makeMemoryAllocationRepository } from "./allocation-repository.ts";
import { makeMemoryBatchRunLog } from "./batch-run-log.ts";
import { makeMemoryBlobStore } from "./blob-store.ts";
import { makeMemoryCheckpointStore } from "./checkpoint-store.ts";
import { makeMemoryCommunicationRepository } from "./communication-repository.ts";
import { makeMemoryExperienceStore } from "./experience-store.ts";
import { makeMemoryFollowStore } from "./follow-store.ts";
import { makeMemoryHarvestRepository } from "./harvest-repository.ts";
import { makeLocalIdentityDirectory } from "./identity-directory.ts";
import { makeMemoryLeaseStore } from "./lease-store.ts";
import { makeMemoryNotifier } from "./notifier.ts";
import { makeMemoryOutbox } from "./outbox.ts";
import { makeMemoryOwnerProfileRepository } from "./owner-profile-repository.ts";
import { makeMemoryParcelStore } from "./parcel-store.ts";
import { type ChargeAttempt, makeMemoryPaymentGateway } from "./payment-gateway.ts";
import { makeMemoryPayoutAccountStore } from "./payout-account-store.ts";
import { makeMemoryPayoutAccounts } from "./payout-accounts.ts";
import { makeMemoryProcessedEvents } from "./processed-events.ts";
import { makeMemoryProducerApplicationStore } from "./producer-application-store.ts";
import { makeMemoryProducerProfileStore } from "./producer-profile-store.ts";
import { makeMemoryRateCounter } from "./rate-counter.ts";
import { makeMemoryReconciliationMismatches } from "./reconciliation-mismatches.ts";
import { prepareAppend } from "./reservation-db.ts";
import { makeMemoryReservationStores } from "./reservation-stores.ts";
import { makeMemorySeasonReportStore } from "./season-report-store.ts";
import { makeMemoryShipmentRepository } from "./shipment-repository.ts";

export interface MemoryPortsOptions {
  /** Real time by default; tests pass a ManualClock. */
  readonly clock?: Clock;
  /** Real timers by default; tests pass a ManualTimer on their ManualClock. */
  readonly timer?: Timer;
  readonly ids?: IdGenerator;
  readonly cursorSecret?: string;
  /** What the scheduler runs when a schedule fires; nothing by default. */
  readonly runBatch?: InProcessSchedulerOptions["run"];
  readonly onBatchError?: InProcessSchedulerOptions["onError"];
  readonly declinePayment?: (attempt: ChargeAttempt) => string | undefined;
}

/** What each in-memory adapter is built from. */
export interface MemoryContext {
  readonly options: MemoryPortsOptions;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly cursors: CursorCodec;
  /**
   * State shared by several adapters (one plan table behind the plan repository and the
   * ownership store, say): created by the first adapter that asks for `name`, reused after.
   */
  shared<T>(name: string, create: () => T): T;
}

/**
 * One line per in-memory adapter. Adding a port's memory adapter is one entry here: the result's
 * type follows, keeping each adapter's test helpers (MemoryBlobStore.receiveUpload, …).
 */
const reservations = (ctx: MemoryContext) =>
  ctx.shared("reservations", () => makeMemoryReservationStores(ctx.cursors));
const payments = (ctx: MemoryContext) =>
  ctx.shared("payments", () =>
    makeMemoryPaymentGateway({ declineRule: ctx.options.declinePayment }),
  );
// Shared: a hidden comment's notification is written with it (one write, as in DynamoDB), and
// the reservation stores write their notices into the same messages with their changes.
const outbox = (ctx: MemoryContext) =>
  ctx.shared("outbox", () => makeMemoryOutbox(ctx.cursors, reservations(ctx).db.outbox));
const payoutAccounts = (ctx: MemoryContext) =>
  ctx.shared("payoutAccounts", () => makeMemoryPayoutAccounts());

const memoryAdapters = {
  blobs: (ctx: MemoryContext) => makeMemoryBlobStore({ clock: ctx.clock }),
  payments,
  payoutAccounts,
  // The in-process processor says yes: producers get a ready account on first use.
  payoutAccountStore: (ctx: MemoryContext) =>
    withAccountsOnFirstUse(makeMemoryPayoutAccountStore(), payoutAccounts(ctx), ctx.clock),
  paymentSimulator: payments,
  processedEvents: (_ctx: MemoryContext) => makeMemoryProcessedEvents(),
  notifier: (_ctx: MemoryContext) => makeMemoryNotifier(),
  scheduler: (ctx: MemoryContext) =>
    makeInProcessScheduler({
      clock: ctx.clock,
      timer: ctx.options.timer ?? makeSystemTimer(),
      run: ctx.options.runBatch ?? (() => TE.right(undefined)),
      onError: ctx.options.onBatchError,
    }),
  // Plans, ownerships, waitlists, ledger and audit share one database: a reservation writes all.
  plans: (ctx: MemoryContext) => reservations(ctx).plans,
  ownerships: (ctx: MemoryContext) => reservations(ctx).ownerships,
  waitlists: (ctx: MemoryContext) => reservations(ctx).waitlists,
  ledger: (ctx: MemoryContext) => reservations(ctx).ledger,
  audit: (ctx: MemoryContext) => reservations(ctx).audit,
  refundIntents: (ctx: MemoryContext) => reservations(ctx).refundIntents,
  reconciliation: (_ctx: MemoryContext) => makeMemoryReconciliationMismatches(),
  creditBalances: (ctx: MemoryContext) => reservations(ctx).creditBalances,
  producerSummaries: (ctx: MemoryContext) => reservations(ctx).producerSummaries,
  // Lots are audited into the reservation database's trail, as DynamoDB writes them together.
  harvests: (ctx: MemoryContext) =>
    makeMemoryHarvestRepository(reservations(ctx).db.audit, reservations(ctx).db.plans),
  allocations: (ctx: MemoryContext) => makeMemoryAllocationRepository(ctx.cursors),
  shipments: (ctx: MemoryContext) => makeMemoryShipmentRepository(ctx.cursors),
  experiences: (ctx: MemoryContext) =>
    makeMemoryExperienceStore({
      cursors: ctx.cursors,
      isActiveOwner: (planId, ownerId) =>
        pipe(
          reservations(ctx).ownerships.ownerActiveShares(planId, ownerId),
          TE.map((shares) => shares > 0),
        ),
      // Booking notices and ownership cancels' releases: one write with the change, as in DynamoDB.
      outbox: outbox(ctx),
      reservationDb: reservations(ctx).db,
    }),
  communication: (ctx: MemoryContext) =>
    makeMemoryCommunicationRepository(ctx.cursors, {
      outbox: outbox(ctx),
      db: reservations(ctx).db,
    }),
  outbox,
  // Address changes append to the audit log the plans and ownerships write to.
  profiles: (ctx: MemoryContext) =>
    makeMemoryOwnerProfileRepository((entries) => prepareAppend(reservations(ctx).db, [], entries)),
  accountClosures: (_ctx: MemoryContext) => makeMemoryAccountClosures(),
  // A first publication writes its fan-out trigger into the shared outbox with the report.
  seasonReports: (ctx: MemoryContext) => makeMemorySeasonReportStore(reservations(ctx).db.outbox),
  uploadRates: (_ctx: MemoryContext) => makeMemoryRateCounter(),
  producerProfiles: (ctx: MemoryContext) => makeMemoryProducerProfileStore(ctx.cursors),
  follows: (ctx: MemoryContext) => makeMemoryFollowStore(ctx.cursors),
  checkpoints: (_ctx: MemoryContext) => makeMemoryCheckpointStore(),
  leases: (_ctx: MemoryContext) => makeMemoryLeaseStore(),
  runs: (_ctx: MemoryContext) => makeMemoryBatchRunLog(),
  // People: the identity directory and producer applications.
  identityDirectory: (_ctx: MemoryContext) => makeLocalIdentityDirectory(),
  producerApplications: (ctx: MemoryContext) => makeMemoryProducerApplicationStore(ctx.cursors),
  // Parcel moves enqueue their messages in the shared outbox (one write, as in DynamoDB).
  parcels: (ctx: MemoryContext) => makeMemoryParcelStore(ctx.cursors, outbox(ctx)),
} satisfies {
  readonly [K in keyof MemoryWiredPorts]?: (ctx: MemoryContext) => MemoryWiredPorts[K];
};

/** What the memory wiring builds: every port of the app and the batch runner's stores. */
type MemoryWiredPorts = Ports & BatchStores;

type MemoryAdapters = {
  readonly [K in keyof typeof memoryAdapters]: ReturnType<(typeof memoryAdapters)[K]>;
};

/** Every port and batch store on its in-memory adapter, plus the clock, ids and cursor codec. */
export type MemoryPorts = Pick<Ports, "clock" | "ids" | "cursors"> &
  MemoryAdapters & {
    /** The stores' holders over these very adapters (storePersonalDataHolders). */
    readonly personalDataHolders: readonly PersonalDataHolder[];
  };

/** The in-memory adapters wired together: the memory mode of `pnpm start` and use-case tests. */
export const makeMemoryPorts = (options: MemoryPortsOptions = {}): MemoryPorts => {
  const sharedState = new Map<string, unknown>();
  const ctx: MemoryContext = {
    options,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? makeIdGenerator(),
    cursors: makeCursorCodec(options.cursorSecret ?? "memory-mode-cursor-secret"),
    shared: <T>(name: string, create: () => T): T => {
      if (!sharedState.has(name)) sharedState.set(name, create());
      return sharedState.get(name) as T;
    },
  };
  const adapters = Object.fromEntries(
    Object.entries(memoryAdapters).map(([port, build]) => [port, build(ctx)]),
  ) as MemoryAdapters;
  const ports = { clock: ctx.clock, ids: ctx.ids, cursors: ctx.cursors, ...adapters };
  return { ...ports, personalDataHolders: storePersonalDataHolders(ports) };
};
