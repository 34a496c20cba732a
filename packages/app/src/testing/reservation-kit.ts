import { type ManualClock, makeIdGenerator, makeManualClock } from "@owners/adapter-local";
import {
  type MemoryPaymentGateway,
  makeMemoryOutbox,
  makeMemoryPaymentGateway,
  makeMemoryPayoutAccountStore,
  makeMemoryPayoutAccounts,
  makeMemoryReservationStores,
} from "@owners/adapter-memory";
import { type Plan, producerId, type RawPlanTerms } from "@owners/domain";
import type { Actor } from "../actor.ts";
import { SYSTEM_ACTOR } from "../actor.ts";
import { makeCursorCodec } from "../cursor.ts";
import { withAccountsOnFirstUse } from "../payments/local-payout-accounts.ts";
import type { PayoutReadyDeps } from "../payments/require-payout-ready.ts";
import { createPlan } from "../plans/create-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { ReservationStores } from "../ports/reservation-stores.ts";
import type { Scheduler } from "../ports/scheduler.ts";
import {
  DEFAULT_RESERVATION_CONFIG,
  type ReservationConfig,
  type ReservationDeps,
} from "../reservations/reservation-deps.ts";
import { succeed } from "./contracts/expect-task.ts";
import { RESERVATION_TIMES, sampleTerms } from "./reservation-fixtures.ts";

export interface ReservationKit {
  /** The reservation deps, the outbox the sales-closing batch writes notices to, payout accounts. */
  readonly deps: ReservationDeps & { readonly outbox: Outbox } & PayoutReadyDeps;
  readonly clock: ManualClock;
  readonly payments: MemoryPaymentGateway;
  readonly producer: Actor;
  readonly admin: Actor;
  readonly system: Actor;
  owner(name: string | number): Actor;
  /** A plan created and published by `producer` (before its sales open), the clock left at `at`. */
  givenOpenPlan(terms?: Partial<RawPlanTerms>, at?: string): Promise<Plan>;
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
  const stores =
    options.stores ?? makeMemoryReservationStores(makeCursorCodec("kit-cursor-secret"));
  const deps: ReservationDeps & { readonly outbox: Outbox } & PayoutReadyDeps = {
    ...stores,
    outbox: options.outbox ?? makeMemoryOutbox(),
    ...(options.scheduler === undefined ? {} : { scheduler: options.scheduler }),
    payments,
    clock,
    ids: makeIdGenerator({ now: () => clock.millis() }),
    config: { ...DEFAULT_RESERVATION_CONFIG, ...options.config },
    // The in-process processor: every producer's account is ready on first use.
    payoutAccountStore: withAccountsOnFirstUse(
      makeMemoryPayoutAccountStore(),
      makeMemoryPayoutAccounts(),
      clock,
    ),
  };
  const producer: Actor = { id: producerId("producer_fig-farm"), role: "producer" };
  return {
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
