import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { PlanOffer } from "../ports/waitlist-store.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

/**
 * The signed-in owner's live waitlist offers across plans, soonest expiry first: how an owner
 * learns the offer id to accept before it lapses. Expired offers are never listed.
 */
export const listMyWaitlistOffers =
  (deps: Pick<ReservationDeps, "waitlists" | "clock">) =>
  (actor: Actor): TE.TaskEither<AppError, readonly PlanOffer[]> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner) => deps.waitlists.listOffersOfOwner(owner, deps.clock.now())),
    );
