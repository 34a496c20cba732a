import type { BackoffPolicy } from "../backoff.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import type { PayoutAccountStore } from "../ports/payout-account-store.ts";
import type { ReservationStores } from "../ports/reservation-stores.ts";
import type { Scheduler } from "../ports/scheduler.ts";

export interface ReservationConfig {
  /** The platform's fee on plans created from now on, in basis points (fixed on each plan). */
  readonly platformFeeBps: number;
  /** How long a waitlist offer stays open before it passes to the next in line. */
  readonly offerTtlMs: number;
  /** How long a write that keeps losing optimistic-locking races is retried (then: conflict). */
  readonly conflictRetry: BackoffPolicy;
  /**
   * How long a reservation keeps at a plan whose counter is over its write rate (STORE.THROTTLED:
   * a flash sale's crowd), re-reading the plan before each try, so the sale's end reaches it
   * as a clean sold out. Counted from the first throttled answer (which already spent the
   * client's own 3 s).
   */
  readonly hotPlanRetry: BackoffPolicy;
  /** Where the processor's checkout page sends the owner back, paid or not (the site's "my harvest"). */
  readonly checkoutReturnUrl: string;
}

export const DEFAULT_RESERVATION_CONFIG: ReservationConfig = {
  platformFeeBps: 1_000,
  offerTtlMs: 24 * 3_600_000,
  // Conflicts clear as soon as the winner commits: short pauses, and a budget well inside the
  // API's 10 s timeout even with the DynamoDB client's 3 s throttling budget on top.
  conflictRetry: { budgetMs: 3_000, baseDelayMs: 10, maxDelayMs: 200 },
  // After the client's 3 s: a few more reads and tries, still inside the API's 10 s timeout.
  hotPlanRetry: { budgetMs: 3_000, baseDelayMs: 100, maxDelayMs: 800 },
  // The local site; each deployment's composition sets its own.
  checkoutReturnUrl: "http://127.0.0.1:5173/",
};

/** Everything the plan, reservation and waitlist use cases may need; each takes only its part. */
export interface ReservationDeps extends ReservationStores {
  readonly payments: PaymentGateway;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Where notices go (offers made to the next in line, sales closed). */
  readonly outbox: Outbox;
  /** One-off schedules for offers' expiry; absent in a batch process (the periodic batch acts). */
  readonly scheduler?: Scheduler;
  readonly config: ReservationConfig;
  /**
   * Experience bookings go with the owner's last paid ownership of a plan (released in the same
   * write). Every deployment wires it; left out only by tests of reservations alone.
   */
  readonly experiences?: ExperienceStore;
  /** The producers' payout accounts: checkouts are destination charges to them. */
  readonly payoutAccountStore?: PayoutAccountStore;
}
