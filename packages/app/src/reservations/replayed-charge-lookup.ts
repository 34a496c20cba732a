import type { Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { appError } from "../errors.ts";
import type { ChargeLookup } from "../ports/charge-lookup.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import { chargeOwnership } from "./payment-steps.ts";

/**
 * Finds an ownership's charge the way cancellations do: by repeating it under the same key, which
 * the gateway answers with the first receipt and without moving money. One rule for every refund
 * path until receipts are stored with the ownership.
 */
export const makeReplayedChargeLookup = (payments: PaymentGateway): ChargeLookup => ({
  paymentIdOf: (ownership: Ownership) =>
    pipe(
      chargeOwnership({ payments })(ownership),
      TE.chain((receipt) =>
        receipt === undefined
          ? TE.left(
              appError("OWNERSHIP.NOT_FOUND", `ownership ${ownership.id} has no charge to refund`),
            )
          : TE.right(receipt.paymentId),
      ),
    ),
});
