import type { Ownership } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { appError } from "../errors.ts";
import type { ChargeLookup } from "../ports/charge-lookup.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";

/**
 * An ownership's payment as the ownership stores it: the PaymentIntent its payment succeeded with,
 * which refunds go back to (never found by charging again). OWNERSHIP.NOT_FOUND when nothing was
 * paid.
 */
export const storedPaymentLookup: ChargeLookup = {
  paymentIdOf: (ownership: Ownership) => {
    const intent = ownership.payment?.paymentIntentId;
    return intent === undefined
      ? TE.left(
          appError("OWNERSHIP.NOT_FOUND", `ownership ${ownership.id} has no payment to refund`),
        )
      : TE.right(intent);
  },
};

/**
 * @deprecated the compositions' old name: the lookup no longer replays a charge (it reads the
 * stored PaymentIntent); kept until the compositions bind storedPaymentLookup.
 */
export const makeReplayedChargeLookup = (_payments: PaymentGateway): ChargeLookup =>
  storedPaymentLookup;
