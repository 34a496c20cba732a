import type { Ownership } from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** Where an ownership's money was charged: the payment that a shortfall refund goes back to. */
export interface ChargeLookup {
  /** The PaymentIntent the ownership was paid with (refunds go back to it); OWNERSHIP.NOT_FOUND if none. */
  paymentIdOf(ownership: Ownership): TE.TaskEither<AppError, string>;
}
