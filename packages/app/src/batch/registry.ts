import { domainError } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import { type Actor, SYSTEM_ACTOR } from "../actor.ts";
import type { NotificationLinkConfig } from "../communication/notification-links.ts";
import { personalizeNotification } from "../communication/personalize-notification.ts";
import type { Ports } from "../composition/ports.ts";
import { type AppError, appError } from "../errors.ts";
import {
  type ExpireBookingHoldsDeps,
  expireBookingHolds,
} from "../experiences/expire-booking-holds.ts";
import { expireUnpaidHolds } from "../payments/expire-unpaid-holds.ts";
import {
  DEFAULT_RESERVATION_CONFIG,
  type ReservationConfig,
} from "../reservations/reservation-deps.ts";
import { BATCH_NAMES, type BatchName } from "./batch-names.ts";
import type { BatchStores } from "./batch-stores.ts";
import { deliverParcelsWork } from "./deliver-parcels-job.ts";
import { type AnalyticsExportPorts, exportAnalyticsJob } from "./export-analytics-job.ts";
import { withFanOut } from "./fan-out-job.ts";
import { closeSalesJob, expireOffersJob, flushNotificationsJob } from "./global-jobs.ts";
import { allocationWork, type PlanWork, planJob, planSweepJob, shipmentWork } from "./plan-jobs.ts";
import { type ExpireUnpaidHolds, reconcilePaymentsJob } from "./reconcile-payments-job.ts";
import { refundCancelledPlansWork } from "./refund-cancelled-plans-job.ts";
import { remindExperiencesWork } from "./remind-experiences-job.ts";
import { type BatchJob, type BatchRunOptions, type BatchRunReport, runBatchJob } from "./runner.ts";
import { type WarmUpPorts, warmApiJob } from "./warm-api-job.ts";

/** Batches done plan by plan: with a plan id they run for that plan only. */
export const PLAN_BATCHES: readonly BatchName[] = [
  "allocate-harvests",
  "schedule-shipments",
  "refund-cancelled-plans",
  "deliver-parcels",
  "remind-experiences",
];

/** Items per chunk: plans for the plan batches (each may be 100k ownerships), offers, messages. */
export const DEFAULT_CHUNK_SIZES: Readonly<Record<BatchName, number>> = {
  "close-sales": 25,
  "expire-offers": 100,
  "allocate-harvests": 1,
  "schedule-shipments": 1,
  "flush-notifications": 200,
  // Segments per chunk (the checkpoint unit), read a few at a time.
  "export-analytics": 16,
  // Cancelled plans per chunk (each may be 100k ownerships).
  "refund-cancelled-plans": 1,
  // Holds, refund intents or plans per chunk, by phase.
  "reconcile-payments": 50,
  // One chunk: it recounts every open plan.
  "warm-api": 1,
  // Plans per chunk (each reads its shipments and parcels).
  "deliver-parcels": 5,
  // Plans per chunk: each is one read of its experiences, more only on the day before one.
  "remind-experiences": 25,
};

export interface BatchInput {
  /** Plan batches: this plan only (its own lease and checkpoint). Ignored by the others. */
  readonly planId?: string;
  /** Items per chunk instead of the default. */
  readonly chunkSize?: number;
}

/** How one invocation runs: its time budget, lease holder and progress callback, and who it acts as. */
export interface BatchContext extends BatchRunOptions {
  /** The platform (SYSTEM_ACTOR) by default; an admin when run from the API. */
  readonly actor?: Actor;
}

/** The ports the batches use, and the batch stores. */
export type BatchPorts = Pick<
  Ports,
  | "plans"
  | "ownerships"
  | "waitlists"
  | "ledger"
  | "refundIntents"
  | "reconciliation"
  | "harvests"
  | "allocations"
  | "shipments"
  | "outbox"
  | "profiles"
  | "payments"
  | "creditBalances"
  | "notifier"
  | "clock"
  | "ids"
  | "parcels"
  | "experiences"
> &
  // The followers' fan-out needs them (apps/batch binds both); without them it stays pending.
  Partial<Pick<Ports, "follows" | "producerProfiles">> &
  BatchStores & {
    /** Waitlist offer lifetime and conflict retries for close-sales and expire-offers. */
    readonly reservationConfig?: ReservationConfig;
    /** export-analytics' source and bucket; without them that batch fails (STORE.UNAVAILABLE). */
    readonly analytics?: AnalyticsExportPorts;
    /** warm-api's provisioned concurrency and follower counts; without them it fails likewise. */
    readonly warmUp?: WarmUpPorts;
    /** Mail links (site, API, unsubscribe secret); without them mails carry no unsubscribe. */
    readonly notificationLinks?: NotificationLinkConfig;
  };

export const isBatchName = (name: string): name is BatchName =>
  (BATCH_NAMES as readonly string[]).includes(name);

const invalid = (message: string, details: Record<string, unknown>) =>
  E.left(domainError("VALIDATION.INVALID", message, details));

/**
 * A batch's input as the scheduler, the CLI or the API hand it over (`{ planId?, chunkSize? }`,
 * numbers possibly as strings: EventBridge inputs are string maps). Other keys are ignored.
 */
export const parseBatchInput = (raw: unknown): E.Either<AppError, BatchInput> => {
  if (raw === undefined || raw === null) return E.right({});
  if (typeof raw !== "object" || Array.isArray(raw))
    return invalid("a batch input is an object", { input: raw });
  const { planId, chunkSize } = raw as Record<string, unknown>;
  if (planId !== undefined && (typeof planId !== "string" || planId.trim() === ""))
    return invalid("planId must be a plan id", { planId });
  const size = typeof chunkSize === "string" ? Number(chunkSize) : chunkSize;
  if (size !== undefined && !(Number.isSafeInteger(size) && (size as number) >= 1))
    return invalid("chunkSize must be a positive integer", { chunkSize });
  return E.right({
    ...(planId === undefined ? {} : { planId: planId as string }),
    ...(size === undefined ? {} : { chunkSize: size as number }),
  });
};

/**
 * reconcile-payments' first phase: holds past their time, confirmed if paid, else released: the
 * shares' holds, then paid experience bookings' (their seats).
 */
const holdsExpiry =
  (deps: Parameters<typeof expireUnpaidHolds>[0] & ExpireBookingHoldsDeps): ExpireUnpaidHolds =>
  (actor, input) =>
    pipe(
      expireUnpaidHolds(deps)(actor, input),
      TE.chain((shares) =>
        pipe(
          expireBookingHolds(deps)(input),
          TE.map((seats) => ({
            expired: shares.released + shares.confirmed + seats.released + seats.confirmed,
            more: shares.more || seats.more,
          })),
        ),
      ),
    );

const jobFor = (deps: BatchPorts, batch: BatchName, input: BatchInput, actor: Actor): BatchJob => {
  const size = input.chunkSize ?? DEFAULT_CHUNK_SIZES[batch];
  const reservation = { ...deps, config: deps.reservationConfig ?? DEFAULT_RESERVATION_CONFIG };
  const perPlan = (work: PlanWork) =>
    input.planId === undefined ? planSweepJob(deps, work, size) : planJob(work, input.planId);
  switch (batch) {
    case "close-sales":
      return closeSalesJob(reservation, actor, size);
    case "expire-offers":
      return expireOffersJob(reservation, actor, size);
    case "flush-notifications":
      // Fan-out triggers (one per plan-wide event) are expanded first: see fan-out-job.ts.
      return withFanOut(
        flushNotificationsJob(
          {
            ...deps,
            personalize: personalizeNotification({
              profiles: deps.profiles,
              ...(deps.notificationLinks === undefined ? {} : { links: deps.notificationLinks }),
            }),
          },
          actor,
          size,
        ),
        deps,
        actor,
      );
    case "allocate-harvests":
      return perPlan(allocationWork(deps, actor));
    case "schedule-shipments":
      return perPlan(shipmentWork(deps, actor));
    case "export-analytics":
      return exportAnalyticsJob(deps.analytics, deps.clock, size);
    case "refund-cancelled-plans":
      return perPlan(refundCancelledPlansWork(reservation, actor));
    case "reconcile-payments":
      return reconcilePaymentsJob(
        { ...reservation, expireUnpaidHolds: holdsExpiry(reservation) },
        actor,
        size,
      );
    case "warm-api":
      return warmApiJob(deps);
    case "deliver-parcels":
      return perPlan(deliverParcelsWork(deps, actor));
    case "remind-experiences":
      return perPlan(remindExperiencesWork(deps));
  }
};

/**
 * Runs the batch `name` for one invocation: under its lease, chunk by chunk from its checkpoint,
 * until done or out of time (`ctx.remainingTimeMs`). The one entry point of the Lambda handlers,
 * `pnpm batch`, POST /admin/batches/{name} and the in-process scheduler. BATCH.UNKNOWN for an
 * unknown name; BATCH.LEASE_HELD when another invocation runs the same batch on the same scope.
 */
export const runBatch =
  (deps: BatchPorts) =>
  (
    name: string,
    input: BatchInput = {},
    ctx: BatchContext = {},
  ): TE.TaskEither<AppError, BatchRunReport> => {
    const actor = ctx.actor ?? SYSTEM_ACTOR;
    return pipe(
      isBatchName(name)
        ? TE.right(name)
        : TE.left<AppError, BatchName>(
            appError("BATCH.UNKNOWN", `no batch named ${name}`, { known: [...BATCH_NAMES] }),
          ),
      TE.chainFirst(() => requireAdmin(actor)),
      TE.chain((batch) => runBatchJob(deps)(jobFor(deps, batch, input, actor), ctx)),
    );
  };
