import { amountToCharge, type Ownership } from "@owners/domain";
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
