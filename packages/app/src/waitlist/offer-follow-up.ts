import type { Instant, Plan, WaitlistOffer } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import { type OfferExpiryDeps, scheduleOfferExpiries } from "./offer-expiry-schedules.ts";
import { enqueueOfferNotices, type OfferNoticeDeps } from "./waitlist-offer-notices.ts";

/**
 * What follows each offer a stored waitlist change made (a cancellation freeing shares, an expiry
 * passing them on): its owner is told, and the expiry batch is asked for at its expiry. Both are
 * best effort; neither undoes or fails the change.
 */
export const followUpOffers =
  (deps: OfferNoticeDeps & OfferExpiryDeps) =>
  (
    plan: Pick<Plan, "id" | "title">,
    offers: readonly WaitlistOffer[],
    at: Instant,
  ): TE.TaskEither<AppError, void> =>
    pipe(
      enqueueOfferNotices(deps)(plan, offers, at),
      TE.chain(() => scheduleOfferExpiries(deps)(offers)),
      TE.map(() => undefined),
    );
