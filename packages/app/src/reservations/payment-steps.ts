import type { Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

/** The refund's own idempotency key: one full refund per ownership, whoever asks for it. */
export const refundKeyOf = (ownership: Pick<Ownership, "id">) => `${ownership.id}:refund`;

/**
 * Gives a paid ownership's money back in full, by its PaymentIntent (never by charging again),
 * keyed by the ownership so a repeated cancellation refunds once. Nothing for an unpaid hold or an
 * ownership nothing was charged for (free, or paid by store credit).
 */
export const refundOwnership =
  (deps: Pick<ReservationDeps, "payments">) =>
  (ownership: Ownership): TE.TaskEither<AppError, void> => {
    const payment = ownership.payment;
    if (ownership.status !== "active" || payment?.paymentIntentId === undefined)
      return TE.right(undefined);
    const paymentIntentId = payment.paymentIntentId;
    // Asked only when the task runs (callers build a page of these before running them in turn).
    return pipe(
      () =>
        deps.payments.refundPayment({
          idempotencyKey: refundKeyOf(ownership),
          paymentIntentId,
          amountYen: payment.amountYen,
          planId: ownership.planId,
          ownershipId: ownership.id,
        })(),
      TE.map(() => undefined),
    );
  };
