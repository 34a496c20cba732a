import type { RefundIntent } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import type { RefundIntentStore } from "../ports/refund-intents.ts";
import { recordRefundWord } from "../reservations/finish-refund-intent.ts";

export interface OnRefundUpdatedDeps {
  readonly refundIntents: RefundIntentStore;
  readonly clock: Clock;
}

type RefundUpdated = Extract<PaymentEvent, { readonly kind: "refund.updated" }>;

/**
 * The intent an event is about: the one that knows this refund id, else the one open intent of
 * this payment for the same amount whose call reached the processor with no answer recorded: the
 * first attempt (no refund id yet), or the retry of a refused one whose success arrives first (a
 * refused intent's own refund is on record, a retry's is not yet). Any other event about another
 * refund of the payment (a confirmed shortfall refund, an older refused attempt) matches nothing;
 * a shortfall refund the processor had not confirmed has its own intent, found by refund id.
 */
const intentOf = (
  intents: readonly RefundIntent[],
  event: RefundUpdated,
): RefundIntent | undefined =>
  intents.find((i) => i.refundId === event.refundId) ??
  intents.find(
    (i) =>
      i.amountYen === event.amountYen &&
      (i.refundId === undefined
        ? i.state !== "succeeded"
        : i.state === "failed" && event.state === "succeeded"),
  );

/**
 * refund.updated: moves the matching refund intent to what the processor says (succeeded or
 * failed; a failed one is retried by reconciliation under a fresh key and reported), never
 * backwards. Other events, and refunds no intent knows, change nothing.
 */
export const onRefundUpdated =
  (deps: OnRefundUpdatedDeps) =>
  (event: PaymentEvent): TE.TaskEither<AppError, void> => {
    if (event.kind !== "refund.updated") return TE.right(undefined);
    return pipe(
      deps.refundIntents.listByPaymentIntent(event.paymentIntentId),
      TE.chain((intents) => {
        const intent = intentOf(intents, event);
        return intent === undefined
          ? TE.right(undefined)
          : pipe(
              recordRefundWord(deps)(intent.id, { state: event.state, refundId: event.refundId }),
              TE.map(() => undefined),
            );
      }),
    );
  };
