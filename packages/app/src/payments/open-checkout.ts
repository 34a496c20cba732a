import { isHoldOver, type Ownership, type Plan, paymentAmounts } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { CheckoutRequest } from "../ports/payment-gateway.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { storeErrors } from "../store-errors.ts";
import { payoutDestination } from "./payout-destination.ts";

export type OpenCheckoutDeps = Pick<
  ReservationDeps,
  "plans" | "ownerships" | "payments" | "clock" | "config" | "payoutAccountStore"
>;

/**
 * The processor's idempotency key of an ownership's checkout: one checkout per ownership, amount
 * and hold end. The processor refuses a key reused with other parameters, and a reservation's
 * attempt opens its checkout before its write: a retry re-quoted after losing a race (a first-N
 * price moved) asks another amount, and a repeat of the request a moment later (a resent request,
 * a double click) asks another hold end. Each gets its own checkout then, the write finds the
 * stored ownership and answers with its checkout, and the unused one ends with its hold. A hold
 * stored without a checkout (openCheckout) keeps its hold end, so its retries share one key.
 */
export const checkoutKeyOf = (
  ownership: Pick<Ownership, "id" | "holdExpiresAt" | "reservedAt">,
  amountYen: number,
) => `checkout:${ownership.id}:${amountYen}:${ownership.holdExpiresAt ?? ownership.reservedAt}`;

/**
 * What the processor is asked to charge for an ownership: the single place the amount, fee and
 * hold end of a checkout are decided (paymentAmounts: the quote's total less store credit).
 */
export const checkoutRequestOf = (
  ownership: Ownership,
  plan: Pick<Plan, "title">,
  returnUrl: string,
  destinationAccountId?: string,
): CheckoutRequest => {
  const paid = paymentAmounts(ownership);
  return {
    idempotencyKey: checkoutKeyOf(ownership, paid.amountYen),
    ownershipId: ownership.id,
    planId: ownership.planId,
    ownerId: ownership.ownerId,
    amountYen: paid.amountYen,
    applicationFeeYen: paid.feeYen,
    ...(destinationAccountId === undefined ? {} : { destinationAccountId }),
    description: `${plan.title}: ${ownership.shares} share(s)`,
    expiresAt: ownership.holdExpiresAt ?? ownership.reservedAt,
    returnUrl,
  };
};

/**
 * Gives an unpaid hold its checkout and stores it on the ownership. Order, so that no crash or
 * outage loses shares or money: the hold is written first (reserve), then the checkout is opened
 * under a key derived from the ownership id, then recorded here. A crash or a processor outage in
 * between leaves a hold without a checkout: a retry of the reservation with the same
 * Idempotency-Key comes back here and opens the same checkout (same key: the processor answers
 * with the first one), and without a retry the hold expires and is released (nobody was given the
 * checkout's page, so nobody can pay it). Anything but such a hold is returned as it is.
 */
export const openCheckout =
  (deps: OpenCheckoutDeps) =>
  (ownership: Ownership): TE.TaskEither<AppError, Ownership> => {
    if (
      ownership.status !== "pending_payment" ||
      ownership.payment !== undefined ||
      isHoldOver(ownership, deps.clock.now())
    )
      return TE.right(ownership);
    return pipe(
      loadPlan(deps.plans, ownership.planId),
      TE.chain((plan) =>
        pipe(
          payoutDestination(deps)(plan.producerId),
          TE.chain((destination) =>
            deps.payments.startCheckout(
              checkoutRequestOf(ownership, plan, deps.config.checkoutReturnUrl, destination),
            ),
          ),
        ),
      ),
      TE.chain((session) =>
        retryOnConflict(deps.config.conflictRetry, () =>
          pipe(
            deps.ownerships.get(ownership.id),
            TE.chain(
              O.match(
                (): TE.TaskEither<AppError, Ownership> =>
                  TE.left(storeErrors.ownershipNotFound(ownership.id)),
                (stored) =>
                  // A concurrent retry (or the processor's webhook) got there first.
                  stored.payment !== undefined || stored.status !== "pending_payment"
                    ? TE.right(stored)
                    : deps.ownerships.amend({
                        ownership: {
                          ...stored,
                          payment: {
                            id: session.paymentId,
                            status: "pending",
                            checkoutUrl: session.checkoutUrl,
                            expiresAt: session.expiresAt,
                            amountYen: paymentAmounts(stored).amountYen,
                          },
                          version: stored.version + 1,
                        },
                        expectedVersion: stored.version,
                        ledgerEntries: [],
                        audit: [],
                      }),
              ),
            ),
          ),
        ),
      ),
    );
  };
