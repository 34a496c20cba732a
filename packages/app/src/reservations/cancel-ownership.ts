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
 * An owner cancels its own ownership until the producer's cancellation deadline and is refunded
 * in full; the freed shares are offered to the waitlist in line order. The gateway refund comes
 * first and is keyed by the ownership, so a retry after any failure refunds once and then
 * completes the cancellation.
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
      TE.chain((ownership) => releaseOwnership(deps)(actor, ownership.id, "cancellation")),
    );
