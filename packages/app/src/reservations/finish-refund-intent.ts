import {
  advanceRefundIntent,
  type OwnershipId,
  type RefundIntent,
  refundKeyOf,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { PaymentGateway, PaymentSubject } from "../ports/payment-gateway.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { storeErrors } from "../store-errors.ts";
import { DEFAULT_RESERVATION_CONFIG } from "./reservation-deps.ts";

/** What the processor said about a refund: an answer to our call, or a refund.updated event. */
export type ProcessorWord = Parameters<typeof advanceRefundIntent>[1];

export interface FinishRefundDeps {
  readonly refundIntents: RefundIntentStore;
  readonly payments: Pick<PaymentGateway, "refundPayment">;
  readonly clock: Clock;
}

/**
 * Records the processor's word on the stored intent: re-read and re-applied when another writer
 * (a webhook, a concurrent run) got there first, so no word is lost and none moves it backwards.
 */
export const recordRefundWord =
  (deps: Pick<FinishRefundDeps, "refundIntents" | "clock">) =>
  (intentId: string, word: ProcessorWord): TE.TaskEither<AppError, RefundIntent> =>
    retryOnConflict(DEFAULT_RESERVATION_CONFIG.conflictRetry, () =>
      pipe(
        deps.refundIntents.get(intentId),
        TE.chain(
          O.match(
            (): TE.TaskEither<AppError, RefundIntent> =>
              TE.left(storeErrors.invalid("no such refund intent", { intentId })),
            (stored) => {
              const next = advanceRefundIntent(stored, word, deps.clock.now());
              return next === undefined
                ? TE.right(stored)
                : deps.refundIntents.save(next, stored.version);
            },
          ),
        ),
      ),
    );

/** What the refund is for, as the processor's metadata names it: a booking, or an ownership. */
const subjectOf = (intent: RefundIntent): PaymentSubject =>
  intent.booking === undefined
    ? { planId: intent.planId, ownershipId: intent.ownershipId ?? ("" as OwnershipId) }
    : { bookingId: intent.booking.bookingId, experienceId: intent.booking.experienceId };

/**
 * Refunds a committed intent at the processor by PaymentIntent id under the intent's key, then
 * records the answer. A repeat (the same run retried, reconciliation after a crash) replays the
 * processor's first answer under the same key: money moves once. A decline is an outcome (the
 * intent becomes failed, and is retried by reconciliation under a fresh key); an unreachable
 * processor is an error and leaves the intent as it was, for reconciliation. Succeeded intents are
 * returned as they are.
 */
export const finishRefundIntent =
  (deps: FinishRefundDeps) =>
  (intent: RefundIntent): TE.TaskEither<AppError, RefundIntent> => {
    if (intent.state === "succeeded") return TE.right(intent);
    if (intent.paymentIntentId === undefined)
      return intent.state === "failed"
        ? TE.right(intent)
        : recordRefundWord(deps)(intent.id, {
            state: "failed",
            error: "no captured payment is recorded for this ownership",
          });
    return pipe(
      deps.payments.refundPayment({
        idempotencyKey: refundKeyOf(intent),
        paymentIntentId: intent.paymentIntentId,
        amountYen: intent.amountYen,
        ...subjectOf(intent),
      }),
      TE.map((receipt): ProcessorWord => ({ state: receipt.state, refundId: receipt.refundId })),
      TE.orElse(
        (error): TE.TaskEither<AppError, ProcessorWord> =>
          error._tag === "PAYMENT.DECLINED"
            ? TE.right({ state: "failed", error: error.message })
            : TE.left(error),
      ),
      TE.chain((word) => recordRefundWord(deps)(intent.id, word)),
    );
  };
