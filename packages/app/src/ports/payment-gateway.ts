import type { OwnerId, Yen } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

export interface PaymentReceipt {
  readonly paymentId: string;
  readonly amountYen: Yen;
}

export interface PaymentGateway {
  /**
   * Charges the owner once per `idempotencyKey`: a repeat returns the first receipt and moves no
   * money. PAYMENT.DECLINED when the card is refused.
   */
  charge(
    idempotencyKey: string,
    ownerId: OwnerId,
    amountYen: Yen,
  ): TE.TaskEither<AppError, PaymentReceipt>;
  /** Refunds part or all of a payment, once per `idempotencyKey`. */
  refund(
    idempotencyKey: string,
    paymentId: string,
    amountYen: Yen,
  ): TE.TaskEither<AppError, PaymentReceipt>;
}
