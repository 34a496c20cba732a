import type { Instant, Plan, WaitlistOffer } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import { type OfferExpiryDeps, scheduleOfferExpiries } from "./offer-expiry-schedules.ts";

/**
 * What follows each offer a stored waitlist change made (a cancellation freeing shares, an expiry
 * passing them on): the expiry batch is asked for at its expiry (best effort; it never undoes or
 * fails the change). The owner's notice is not here: it was written with the change itself.
 */
export const followUpOffers =
  (deps: OfferExpiryDeps) =>
  (
    _plan: Pick<Plan, "id" | "title">,
    offers: readonly WaitlistOffer[],
    _at: Instant,
  ): TE.TaskEither<AppError, void> =>
    pipe(
      scheduleOfferExpiries(deps)(offers),
      TE.map(() => undefined),
    );
