import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** A webhook as the processor would send it: the raw body and its signature header. */
export interface SignedWebhook {
  readonly rawBody: string;
  readonly signature: string;
}

/**
 * Dev and tests only (never bound in AWS): plays the owner at a local processor's checkout and
 * answers with the webhook the processor sends, which the caller posts through the real route.
 */
export interface PaymentSimulator {
  settle(
    paymentId: string,
    outcome: "succeeded" | "failed" | "expired" | "pending",
  ): TE.TaskEither<AppError, SignedWebhook>;
}
