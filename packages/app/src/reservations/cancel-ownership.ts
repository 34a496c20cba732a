import { decideCancellation, domainError, type Ownership, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { payBookingRefunds } from "../experiences/booking-payment-news.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import { type FinishRefundDeps, finishRefundIntent } from "./finish-refund-intent.ts";
import { type Release, type ReleaseDeps, releaseOwnershipWithRefund } from "./release-ownership.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

export type CancelOwnershipDeps = ReleaseDeps &
  Pick<ReservationDeps, "payments"> &
  Pick<FinishRefundDeps, "refundIntents">;

/**
 * Who may cancel: the owner of an active ownership until the producer's cancellation deadline
 * (the domain's rule); the owner of a pending_payment one at any time (giving up before paying).
 */
const mayCancel = (plan: Plan, ownership: Ownership, owner: string, now: string) => {
  if (ownership.status !== "pending_payment")
    return decided(
      decideCancellation({
        plan,
        ownership,
        actorOwnerId: owner as Ownership["ownerId"],
        now: now as Ownership["reservedAt"],
      }),
    );
  return ownership.ownerId === owner
    ? TE.right(undefined)
    : TE.left<AppError>(
        domainError("OWNERSHIP.NOT_OWNER", "only the owner may cancel this ownership", {
          ownershipId: ownership.id,
        }),
      );
};

/**
 * After the release is committed: a paid ownership's refund, and those of the paid bookings
 * released with it, are made at the processor (an unreachable processor leaves an intent pending:
 * reconciliation finishes it, the cancellation stands); an unpaid one's checkout is expired so it can no longer be paid (best effort: the
 * hold's expiry does it too).
 */
const afterRelease =
  (deps: CancelOwnershipDeps) =>
  (release: Release): TE.TaskEither<AppError, Ownership> => {
    const { ownership, refundIntent } = release;
    const step: TE.TaskEither<AppError, unknown> =
      refundIntent !== undefined
        ? finishRefundIntent(deps)(refundIntent)
        : ownership.payment !== undefined && ownership.payment.status === "pending"
          ? deps.payments.expireCheckout(ownership.payment.id)
          : TE.right(undefined);
    return pipe(
      step,
      TE.orElse(() => TE.right<AppError, unknown>(undefined)),
      // The paid bookings released with it: their refunds were committed in the same write.
      TE.chain(() => payBookingRefunds(deps)(release.bookingRefundIntents)),
      TE.map(() => ownership),
    );
  };

/**
 * An owner cancels its own ownership: the release (shares back, offered to the waitlist in line
 * order) and the refund intent of what was paid commit in one atomic write, then the refund is
 * made at the processor by PaymentIntent id, keyed by the intent: a retry, or reconciliation
 * after a crash, refunds once. A pending_payment ownership refunds nothing (nothing was paid).
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
              TE.chain((plan) => mayCancel(plan, ownership, owner, deps.clock.now())),
            ),
          ),
        ),
      ),
      TE.chain((ownership) =>
        releaseOwnershipWithRefund(deps)(actor, ownership.id, "cancellation", (plan, current) =>
          mayCancel(plan, current, actor.id, deps.clock.now()),
        ),
      ),
      TE.chain(afterRelease(deps)),
    );
