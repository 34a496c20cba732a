import { amountToCharge, type Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { PaymentReceipt } from "../ports/payment-gateway.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

/**
 * Charges an ownership's locked total, keyed by the ownership id: the gateway answers a repeat
 * with the first receipt and moves no money, so every retry of the same reservation (same
 * idempotency key, same ownership id) charges once. Nothing to charge for a free quote.
 */
export const chargeOwnership =
  (deps: Pick<ReservationDeps, "payments">) =>
  (ownership: Ownership): TE.TaskEither<AppError, PaymentReceipt | undefined> =>
    amountToCharge(ownership) === 0
      ? TE.right(undefined)
      : deps.payments.charge(ownership.id, ownership.ownerId, amountToCharge(ownership));

/** The refund's own idempotency key: one full refund per ownership, whoever asks for it. */
export const refundKeyOf = (ownership: Pick<Ownership, "id">) => `${ownership.id}:refund`;

/**
 * Refunds an ownership in full at the gateway. The charge is looked up by repeating it (same key,
 * same amount: the first receipt comes back, no money moves), then refunded under a key of its
 * own, so a repeated cancellation refunds once.
 */
export const refundOwnership =
  (deps: Pick<ReservationDeps, "payments">) =>
  (ownership: Ownership): TE.TaskEither<AppError, void> =>
    pipe(
      chargeOwnership(deps)(ownership),
      TE.chain((receipt) =>
        receipt === undefined
          ? TE.right(undefined)
          : pipe(
              deps.payments.refund(
                refundKeyOf(ownership),
                receipt.paymentId,
                amountToCharge(ownership),
              ),
              TE.map(() => undefined),
            ),
      ),
    );
