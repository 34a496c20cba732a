import {
  type OfferId,
  type OwnerId,
  type OwnershipId,
  ownershipId,
  type PlanId,
  quote,
  type ReservationRequest,
  acceptOffer as takeOffer,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { startPayment } from "../payments/start-payment.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { reservationNotices } from "../reservations/reservation-notices.ts";
import {
  firstSharesInPlay,
  newOwnership,
  outcomeToResult,
  type ReservationResult,
  reservationRecords,
} from "../reservations/reservation-steps.ts";
import { offerAudit, withExpiredOffers } from "./waitlist-steps.ts";

/**
 * A refused accept may be the repeat of one that went through (the offer is gone because this
 * owner took it): the ownership under the derived id is the answer then.
 */
const storedAnswer = (
  deps: Pick<ReservationDeps, "ownerships">,
  id: OwnershipId,
  error: AppError,
): TE.TaskEither<AppError, ReservationResult> =>
  error._tag.startsWith("STORE.")
    ? TE.left(error)
    : pipe(
        deps.ownerships.get(id),
        TE.chain(
          O.match(
            (): TE.TaskEither<AppError, ReservationResult> => TE.left(error),
            (ownership) => TE.right({ ownership, replayed: true }),
          ),
        ),
      );

/** Everything but the audit log port: audit entries travel in the stores' atomic writes. */
export type AcceptOfferDeps = Omit<ReservationDeps, "audit">;

export interface AcceptOfferInput {
  readonly planId: string;
  readonly offerId: string;
  readonly shippingRegion: string;
}

/**
 * The owner takes a live waitlist offer: its held shares become an ownership at today's price, in
 * one atomic write that also removes the offer (never honoured once expired, even if still stored).
 * An offer holds shares, not a price (its notice and page show none): it is priced as a
 * reservation at the moment of acceptance would be, first-N prices by the shares sold when the
 * write lands (the write expects the count the quote read, as a reservation's does), so a first-N
 * price that another buyer took meanwhile is never sold twice.
 * The ownership then holds the shares unpaid until the checkout is paid, as any reservation.
 * Idempotent: the ownership id comes from (plan, owner, offer), so accepting twice returns the
 * first result and the same checkout.
 */
export const acceptOffer =
  (deps: AcceptOfferDeps) =>
  (actor: Actor, input: AcceptOfferInput): TE.TaskEither<AppError, ReservationResult> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner: OwnerId) =>
        retryOnConflict(deps.config.conflictRetry, () => {
          const planId = input.planId as PlanId;
          const offerId = input.offerId as OfferId;
          const idempotencyKey = `offer:${offerId}`;
          const id = ownershipId(deps.ids.deterministic("own", planId, owner, idempotencyKey));
          return pipe(
            TE.Do,
            TE.bind("plan", () => loadPlan(deps.plans, planId)),
            TE.bind("now", () => TE.right(deps.clock.now())),
            TE.bind("state", ({ now }) => deps.waitlists.load(planId, now)),
            TE.chain(({ plan, now, state }) => {
              const before = withExpiredOffers(state);
              const decision = pipe(
                takeOffer({
                  waitlist: before,
                  plan,
                  offerId,
                  ownerId: owner,
                  ownerActiveShares: 0,
                  now,
                }),
                E.chainW((accepted) =>
                  pipe(
                    quote({
                      plan,
                      shares: accepted.offer.shares,
                      shippingRegion: input.shippingRegion,
                      at: now,
                      sharesSoldBefore: plan.sharesSold,
                    }),
                    E.map((priced) => ({ accepted, priced })),
                  ),
                ),
              );
              const request = (shares: number): ReservationRequest => ({
                idempotencyKey,
                planId,
                ownerId: owner,
                shares,
                shippingRegion: input.shippingRegion,
              });
              return pipe(
                decided(decision),
                TE.matchE(
                  // The offer gone may mean it was accepted by this owner already.
                  (error) => storedAnswer(deps, id, error),
                  ({ accepted, priced }) => {
                    const ownership = newOwnership(
                      id,
                      request(accepted.offer.shares),
                      priced,
                      now,
                      plan.paymentHoldMinutes,
                    );
                    return pipe(
                      reservationRecords(deps, actor, ownership, [
                        offerAudit(
                          deps,
                          actor,
                          planId,
                          accepted.offer,
                          "waitlist.offer_accepted",
                          now,
                        ),
                      ]),
                      TE.chain((records) =>
                        deps.ownerships.reserve({
                          ownership,
                          producerId: plan.producerId,
                          totalShares: plan.totalShares,
                          maxSharesPerOwner: plan.maxSharesPerOwner,
                          // Priced from the count read: a first-N price holds only if no other
                          // sale landed since (else a conflict, and the retry re-quotes).
                          ...(firstSharesInPlay(plan)
                            ? { expectedSharesSold: plan.sharesSold }
                            : {}),
                          fromOffer: {
                            offerId,
                            now,
                            waitlist: { before, after: accepted.waitlist },
                          },
                          ...records,
                          notices: reservationNotices(deps.ids, plan, ownership, now),
                        }),
                      ),
                      TE.chain(outcomeToResult(request(accepted.offer.shares))),
                    );
                  },
                ),
              );
            }),
          );
        }),
      ),
      TE.chain(startPayment(deps)),
    );
