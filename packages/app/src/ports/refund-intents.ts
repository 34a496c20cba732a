import type { PlanId, RefundIntent } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * Refund intents: created inside OwnershipStore.cancel (with the release they pay back, in the
 * same atomic write), for a paid experience booking inside ExperienceStore.cancel and
 * amendBooking, or by the allocation batch for a shortfall refund the processor did not confirm
 * (create); then moved forward here as the processor answers.
 */
export interface RefundIntentStore {
  /** The intent, or none. */
  get(id: string): TE.TaskEither<AppError, O.Option<RefundIntent>>;
  /** The intents refunding one captured payment (refund.updated names the PaymentIntent). */
  listByPaymentIntent(paymentIntentId: string): TE.TaskEither<AppError, readonly RefundIntent[]>;
  /**
   * One plan's ownership intents, any state, oldest first (money statement, cancellation
   * progress); a booking's intents are not among them (booking money is outside the ledger).
   */
  listByPlan(planId: PlanId): TE.TaskEither<AppError, readonly RefundIntent[]>;
  /**
   * Pending and failed intents (ownerships' and bookings') across plans in id order, `limit` of them after `afterId`:
   * reconciliation's work list (the last id seen is its checkpoint).
   */
  listOpen(limit: number, afterId?: string): TE.TaskEither<AppError, readonly RefundIntent[]>;
  /**
   * Stores a new intent unless one with its id is stored; returns the stored one either way (a
   * repeat, or a word recorded on it meanwhile, is kept, never overwritten).
   */
  create(intent: RefundIntent): TE.TaskEither<AppError, RefundIntent>;
  /** Replaces the stored intent at expectedVersion (STORE.VERSION_CONFLICT otherwise). */
  save(intent: RefundIntent, expectedVersion: number): TE.TaskEither<AppError, RefundIntent>;
}
