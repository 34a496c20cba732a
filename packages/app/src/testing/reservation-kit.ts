import { type ManualClock, makeIdGenerator, makeManualClock } from "@owners/adapter-local";
import {
  type CheckoutOutcome,
  MEMORY_WEBHOOK_SIGNATURE,
  type MemoryPaymentGateway,
  makeMemoryOutbox,
  makeMemoryPaymentGateway,
  makeMemoryPayoutAccountStore,
  makeMemoryPayoutAccounts,
  makeMemoryProcessedEvents,
  makeMemoryProducerProfileStore,
  makeMemoryReservationStores,
  makeMemorySeasonReportStore,
} from "@owners/adapter-memory";
import { type Ownership, type Plan, producerId, type RawPlanTerms } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { SYSTEM_ACTOR } from "../actor.ts";
import { makeCursorCodec } from "../cursor.ts";
import type { AppError } from "../errors.ts";
import { handlePaymentWebhook, type WebhookAnswer } from "../payments/handle-payment-webhook.ts";
import { withAccountsOnFirstUse } from "../payments/local-payout-accounts.ts";
import type { PayoutAccountDeps } from "../payments/payout-account-status.ts";
import type { PayoutReadyDeps } from "../payments/require-payout-ready.ts";
import { createPlan } from "../plans/create-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { ProcessedEvents } from "../ports/processed-events.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { ReservationStores } from "../ports/reservation-stores.ts";
import type { Scheduler } from "../ports/scheduler.ts";
import type { SeasonReportStore } from "../ports/season-report-store.ts";
import {
  DEFAULT_RESERVATION_CONFIG,
  type ReservationConfig,
  type ReservationDeps,
} from "../reservations/reservation-deps.ts";
import type { ReservationResult } from "../reservations/reservation-steps.ts";
import { type ReserveSharesInput, reserveShares } from "../reservations/reserve-shares.ts";
import { succeed } from "./contracts/expect-task.ts";
import { RESERVATION_TIMES, sampleTerms } from "./reservation-fixtures.ts";

export interface ReservationKit {
  /** The reservation deps, the outbox the sales-closing batch writes notices to, payout accounts. */
  readonly deps: ReservationDeps & {
    readonly outbox: Outbox;
    readonly processedEvents: ProcessedEvents;
    /** Writes the first publication's trigger into the kit's outbox (on the memory stores). */
    readonly seasonReports: SeasonReportStore;
    /** Approved producers' profiles (none until a test saves one). */
    readonly producerProfiles: ProducerProfileStore;
  } & PayoutReadyDeps &
    PayoutAccountDeps;
  readonly clock: ManualClock;
  readonly payments: MemoryPaymentGateway;
  readonly producer: Actor;
  readonly admin: Actor;
  readonly system: Actor;
  owner(name: string | number): Actor;
  /** A plan created and published by `producer` (before its sales open), the clock left at `at`. */
  givenOpenPlan(terms?: Partial<RawPlanTerms>, at?: string): Promise<Plan>;
  /**
   * Plays the owner (or the clock) at the ownership's checkout and returns the webhook event the
   * processor would send, without delivering it.
   */
  settle(ownership: Ownership, outcome?: CheckoutOutcome): PaymentEvent;
  /** Delivers a processor event through the webhook use case, signed as the processor signs. */
  deliver(event: PaymentEvent): TE.TaskEither<AppError, WebhookAnswer>;
  /** settle, then deliver: the ownership's payment completes (succeeded by default). */
  pay(ownership: Ownership, outcome?: CheckoutOutcome): Promise<Ownership>;
  /** reserveShares, then pay its checkout: an owner as the plan's slices after sales know one. */
  reservePaid(actor: Actor, input: ReserveSharesInput): TE.TaskEither<AppError, ReservationResult>;
}

export interface ReservationKitOptions {
  /** The stores under test: in-memory by default, DynamoDB in the adapter's tests. */
  readonly stores?: ReservationStores;
  readonly payments?: MemoryPaymentGateway;
  readonly config?: Partial<ReservationConfig>;
  readonly outbox?: Outbox;
  /** One-off schedules (offers' expiry); none by default. */
  readonly scheduler?: Scheduler;
}

/** Use cases wired on in-memory (or given) stores, a manual clock and an in-memory card processor. */
export const makeReservationKit = (options: ReservationKitOptions = {}): ReservationKit => {
  const clock = makeManualClock(RESERVATION_TIMES.created);
  const payments = options.payments ?? makeMemoryPaymentGateway();
  const memoryStores =
    options.stores === undefined
      ? makeMemoryReservationStores(makeCursorCodec("kit-cursor-secret"))
      : undefined;
  const stores = options.stores ?? (memoryStores as ReservationStores);
  const payoutAccounts = makeMemoryPayoutAccounts();
  const deps: ReservationKit["deps"] = {
    ...stores,
    // On the memory stores, the outbox they write their notices into (one write, as in DynamoDB).
    outbox: options.outbox ?? makeMemoryOutbox(undefined, memoryStores?.db.outbox),
    processedEvents: makeMemoryProcessedEvents(),
    seasonReports: makeMemorySeasonReportStore(
      options.outbox === undefined ? memoryStores?.db.outbox : undefined,
    ),
    producerProfiles: makeMemoryProducerProfileStore(makeCursorCodec("kit-cursor-secret")),
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
    payments,
    clock,
    ids: makeIdGenerator({ now: () => clock.millis() }),
    config: { ...DEFAULT_RESERVATION_CONFIG, ...options.config },
    // The in-process processor: every producer's account is ready on first use.
    payoutAccounts,
    payoutAccountStore: withAccountsOnFirstUse(
      makeMemoryPayoutAccountStore(),
      payoutAccounts,
      clock,
    ),
  };
  const producer: Actor = { id: producerId("producer_fig-farm"), role: "producer" };
  const settle = (ownership: Ownership, outcome: CheckoutOutcome = "succeeded") => {
    const paymentId = ownership.payment?.id;
    if (paymentId === undefined) throw new Error(`ownership ${ownership.id} has no checkout`);
    const event = payments.settleCheckout(paymentId, outcome, clock.now());
    if (E.isLeft(event)) throw new Error(event.left.message);
    return event.right;
  };
  const deliver = (event: PaymentEvent) =>
    handlePaymentWebhook(deps)(JSON.stringify(event), MEMORY_WEBHOOK_SIGNATURE);
  const pay = async (ownership: Ownership, outcome: CheckoutOutcome = "succeeded") => {
    await succeed(deliver(settle(ownership, outcome)));
    const stored = await succeed(deps.ownerships.get(ownership.id));
    if (stored._tag === "None") throw new Error(`ownership ${ownership.id} is gone`);
    return stored.value;
  };
  return {
    settle,
    deliver,
    pay,
    reservePaid: (actor, input) => async () => {
      const reserved = await reserveShares(deps)(actor, input)();
      if (E.isLeft(reserved) || reserved.right.ownership.status !== "pending_payment")
        return reserved;
      return E.right({ ...reserved.right, ownership: await pay(reserved.right.ownership) });
    },
    deps,
    clock,
    payments,
    producer,
    admin: { id: "admin_1", role: "admin" },
    system: SYSTEM_ACTOR,
    owner: (name) => ({ id: `owner_${name}`, role: "owner" }),
    givenOpenPlan: async (terms = {}, at = RESERVATION_TIMES.during) => {
      const draft = await succeed(createPlan(deps)(producer, { terms: sampleTerms(terms) }));
      const open = await succeed(publishPlan(deps)(producer, { planId: draft.id }));
      if (at > clock.now()) clock.set(at);
      return open;
    },
  };
};
