import { decideCancellation, type Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import { refundOwnership } from "./payment-steps.ts";
import { type ReleaseDeps, releaseOwnership } from "./release-ownership.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

export type CancelOwnershipDeps = ReleaseDeps & Pick<ReservationDeps, "payments">;

/**
 * An unpaid hold given up: its checkout is ended so it can no longer be paid. Best effort: a
 * payment that still gets through is refunded in full when its webhook arrives.
 */
const endCheckout =
  (deps: Pick<ReservationDeps, "payments">) =>
  (before: Ownership): TE.TaskEither<AppError, void> =>
    before.status !== "pending_payment" || before.payment === undefined
      ? TE.right(undefined)
      : pipe(
          deps.payments.expireCheckout(before.payment.id),
          TE.map(() => undefined),
          TE.orElse((): TE.TaskEither<AppError, void> => TE.right(undefined)),
        );

/**
 * An owner cancels its own ownership until the producer's cancellation deadline and is refunded
 * in full (an unpaid hold is simply given up); the freed shares are offered to the waitlist in
 * line order. The processor refund comes first and is keyed by the ownership, so a retry after any
 * failure refunds once and then completes the cancellation.
 */
export const cancelOwnership =
  (deps: CancelOwnershipDeps) =>
  (actor: Actor, input: { readonly ownershipId: string }): TE.TaskEither<AppError, Ownership> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner) =>
        pipe(
          loadOwnership(deps.ownerships, input.ownershipId),
          TE.chainFirst((ownership) =>
            pipe(
              loadPlan(deps.plans, ownership.planId),
              TE.chain((plan) =>
                decided(
                  decideCancellation({
                    plan,
                    ownership,
                    actorOwnerId: owner,
                    now: deps.clock.now(),
                  }),
                ),
              ),
            ),
          ),
        ),
      ),
      TE.chainFirst(refundOwnership(deps)),
      TE.chain((before) =>
        pipe(
          releaseOwnership(deps)(actor, before.id, "cancellation"),
          TE.chainFirst(() => endCheckout(deps)(before)),
        ),
      ),
    );
