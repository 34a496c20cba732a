import type { PlanId, RefundIntent } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * Refund intents: created only inside OwnershipStore.cancel (with the release they pay back, in
 * the same atomic write), then moved forward here as the processor answers.
 */
export interface RefundIntentStore {
  /** The intent, or none. */
  get(id: string): TE.TaskEither<AppError, O.Option<RefundIntent>>;
  /** The intents refunding one captured payment (refund.updated names the PaymentIntent). */
  listByPaymentIntent(paymentIntentId: string): TE.TaskEither<AppError, readonly RefundIntent[]>;
  /** One plan's intents, any state, oldest first (money statement, cancellation progress). */
  listByPlan(planId: PlanId): TE.TaskEither<AppError, readonly RefundIntent[]>;
  /**
   * Pending and failed intents across plans in id order, `limit` of them after `afterId`:
   * reconciliation's work list (the last id seen is its checkpoint).
   */
  listOpen(limit: number, afterId?: string): TE.TaskEither<AppError, readonly RefundIntent[]>;
  /** Replaces the stored intent at expectedVersion (STORE.VERSION_CONFLICT otherwise). */
  save(intent: RefundIntent, expectedVersion: number): TE.TaskEither<AppError, RefundIntent>;
}
