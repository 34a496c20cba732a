import {
  type BookingRelease,
  commitBookingRefund,
  experienceCancelledMessage,
  holdsSeats,
  type Instant,
  type Ownership,
  type PlanId,
  type RefundIntent,
  releaseBookings,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { CancelCommand, OwnershipStore } from "../ports/ownership-store.ts";
import type { PaymentGateway } from "../ports/payment-gateway.ts";
import { endUnpaidCheckout } from "./end-unpaid-checkout.ts";

export interface OwnerBookingReleaseDeps {
  readonly experiences?: ExperienceStore;
  readonly ownerships: OwnershipStore;
  readonly ids: IdGenerator;
  /** Unpaid holds released with the ownership have their checkouts ended through it first. */
  readonly payments: Pick<PaymentGateway, "expireCheckout">;
}

/**
 * Unpaid holds released with the ownership get their checkouts ended (paid in that instant, they
 * owe a refund like a paid booking); each paid booking's refund is committed as an intent that the
 * ownership's cancel writes, paid only after that write, so a refused cancel moves no booking
 * money. One after another: an owner holds a handful of bookings.
 */
const settleReleasedPayments =
  (deps: OwnerBookingReleaseDeps) =>
  (
    releases: readonly BookingRelease[],
    planId: PlanId,
    now: Instant,
  ): TE.TaskEither<AppError, { releases: BookingRelease[]; refundIntents: RefundIntent[] }> =>
    pipe(
      TE.sequenceSeqArray(
        releases.map((release) =>
          pipe(
            endUnpaidCheckout(deps)(release.booking),
            TE.map((booking) => {
              const committed = commitBookingRefund(booking, planId, now);
              return { release: { ...release, booking: committed.booking }, committed };
            }),
          ),
        ),
      ),
      TE.map((settled) => ({
        releases: settled.map((s) => s.release),
        refundIntents: settled.flatMap((s) =>
          s.committed.refundIntent === undefined ? [] : [s.committed.refundIntent],
        ),
      })),
    );

/**
 * The bookings to cancel with an ownership: none unless it is the owner's last paid ownership
 * of the plan; then every active booking the owner holds on the plan's experiences, each with its
 * notice. Read before the write; the store's counter check refuses the cancel if a booking was
 * made in between (a conflict the caller retries, reading them again).
 */
export const ownerBookingReleases =
  (deps: OwnerBookingReleaseDeps) =>
  (
    ownership: Ownership,
    now: Instant,
  ): TE.TaskEither<AppError, CancelCommand["bookingReleases"]> => {
    const experiences = deps.experiences;
    if (experiences === undefined || ownership.status !== "active") return TE.right(undefined);
    return pipe(
      deps.ownerships.ownerActiveShares(ownership.planId, ownership.ownerId),
      TE.chain((active) =>
        active - ownership.shares > 0
          ? TE.right(undefined)
          : pipe(
              allPages((page) => experiences.listBookingsByOwner(ownership.ownerId, page)),
              TE.map((bookings) => bookings.filter(holdsSeats)),
              TE.bindTo("bookings"),
              TE.bind("ofPlan", ({ bookings }) =>
                pipe(
                  experiences.getMany(bookings.map((b) => b.experienceId)),
                  TE.map(
                    (found) =>
                      new Map(
                        found.filter((e) => e.planId === ownership.planId).map((e) => [e.id, e]),
                      ),
                  ),
                ),
              ),
              TE.bind("settled", ({ bookings, ofPlan }) =>
                settleReleasedPayments(deps)(
                  releaseBookings(
                    bookings.filter((b) => ofPlan.has(b.experienceId)),
                    now,
                  ),
                  ownership.planId,
                  now,
                ),
              ),
              TE.map(({ ofPlan, settled: { releases, refundIntents } }) => {
                if (releases.length === 0) return undefined;
                const notices = releases.flatMap(({ booking }) => {
                  const experience = ofPlan.get(booking.experienceId);
                  return experience === undefined
                    ? []
                    : [
                        experienceCancelledMessage({
                          id: deps.ids.deterministic("msg", "experience-cancelled", booking.id),
                          experience,
                          booking,
                          at: now,
                          by: "ownership-cancelled",
                        }),
                      ];
                });
                return refundIntents.length === 0
                  ? { releases, notices }
                  : { releases, notices, refundIntents };
              }),
            ),
      ),
    );
  };
