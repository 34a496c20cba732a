import type { Ownership } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { appError } from "../errors.ts";
import type { ChargeLookup } from "../ports/charge-lookup.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";

/**
 * Finds an ownership's payment from what the ownership stores: the PaymentIntent its payment
 * succeeded with (refunds go back to it). OWNERSHIP.NOT_FOUND when nothing was paid.
 * (`payments` is unused: kept so the compositions that build it need no change until the port goes.)
 */
export const makeReplayedChargeLookup = (_payments: PaymentGateway): ChargeLookup => ({
  paymentIdOf: (ownership: Ownership) => {
    const intent = ownership.payment?.paymentIntentId;
    return intent === undefined
      ? TE.left(
          appError("OWNERSHIP.NOT_FOUND", `ownership ${ownership.id} has no payment to refund`),
        )
      : TE.right(intent);
  },
});
