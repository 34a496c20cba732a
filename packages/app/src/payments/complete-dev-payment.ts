import type { Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import { loadOwnership } from "../loading.ts";
import type { PaymentSimulator } from "../ports/payment-simulator.ts";
import { storeErrors } from "../store-errors.ts";
import { handlePaymentWebhook, type PaymentWebhookDeps } from "./handle-payment-webhook.ts";

export type CompleteDevPaymentDeps = PaymentWebhookDeps & {
  readonly paymentSimulator: PaymentSimulator;
};

export interface CompleteDevPaymentInput {
  readonly paymentId: string;
  readonly outcome: "succeeded" | "failed";
}

/** The ownership the payment is for, if the actor may complete it: its owner, or an admin. */
const ownershipOfPayment = (
  deps: CompleteDevPaymentDeps,
  actor: Actor,
  paymentId: string,
): TE.TaskEither<AppError, Ownership | undefined> =>
  actor.role === "admin"
    ? TE.right(undefined)
    : pipe(
        requireOwner(actor),
        TE.chain((owner) => allPages((page) => deps.ownerships.listByOwner(owner, page))),
        TE.chain((mine) => {
          const found = mine.find((o) => o.payment?.id === paymentId);
          // Someone else's payment is as unknown as a missing one.
          return found === undefined
            ? TE.left(storeErrors.ownershipNotFound(paymentId))
            : TE.right(found);
        }),
      );

/**
 * Dev and tests only (the route exists only while dev login is on): plays the owner at the local
 * processor's checkout, then posts the webhook the processor answers with through the same use
 * case as POST /webhooks/payments. Returns the ownership afterwards.
 */
export const completeDevPayment =
  (deps: CompleteDevPaymentDeps) =>
  (actor: Actor, input: CompleteDevPaymentInput): TE.TaskEither<AppError, Ownership> =>
    pipe(
      ownershipOfPayment(deps, actor, input.paymentId),
      TE.chain(() => deps.paymentSimulator.settle(input.paymentId, input.outcome)),
      TE.chain((webhook) => handlePaymentWebhook(deps)(webhook.rawBody, webhook.signature)),
      TE.chain(({ event }) =>
        "ownershipId" in event && event.ownershipId !== undefined
          ? loadOwnership(deps.ownerships, event.ownershipId)
          : TE.left(storeErrors.ownershipNotFound(input.paymentId)),
      ),
    );
