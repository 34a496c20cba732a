import type { PaymentNews } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { SYSTEM_ACTOR } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { PaymentEvent } from "../ports/payment-gateway.ts";
import { applyPaymentNews, type PaymentNewsDeps } from "./apply-payment-news.ts";

export type PaymentStateEvent = Extract<
  PaymentEvent,
  { readonly kind: "payment.pending" | "payment.succeeded" | "payment.failed" | "payment.expired" }
>;

/** The news a payment.* event carries. */
export const newsOf = (event: PaymentStateEvent): PaymentNews => ({
  paymentId: event.paymentId,
  outcome: event.kind.slice("payment.".length) as PaymentNews["outcome"],
  amountYen: event.amountYen,
  ...(event.paymentIntentId === undefined ? {} : { paymentIntentId: event.paymentIntentId }),
});

/**
 * payment.pending / succeeded / failed / expired: applied to the ownership the checkout was opened
 * for (never backwards, whatever the order). An event about no ownership of ours (another
 * environment sharing the processor account) changes nothing.
 */
export const onPaymentEvent =
  (deps: PaymentNewsDeps) =>
  (event: PaymentStateEvent): TE.TaskEither<AppError, void> =>
    pipe(
      applyPaymentNews(deps)(SYSTEM_ACTOR, event.ownershipId, newsOf(event)),
      TE.map(() => undefined),
      TE.orElse(
        (error): TE.TaskEither<AppError, void> =>
          error._tag === "OWNERSHIP.NOT_FOUND" ? TE.right(undefined) : TE.left(error),
      ),
    );
