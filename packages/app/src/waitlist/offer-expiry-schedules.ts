import type { WaitlistOffer } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as A from "fp-ts/lib/ReadonlyArray.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Scheduler } from "../ports/scheduler.ts";

export interface OfferExpiryDeps {
  /** Absent where no one-off schedules exist (a batch process): the periodic batch alone acts. */
  readonly scheduler?: Scheduler;
}

/** One schedule per offer, so a retried write that made the same offer replaces, not adds. */
export const offerExpiryScheduleName = (offer: Pick<WaitlistOffer, "id">): string =>
  `offer-expiry-${offer.id}`;

/**
 * Asks for the expiry batch at each new offer's expiry, so the shares pass to the next in line
 * when the offer lapses rather than at the periodic batch's next run. Best effort: an offer is
 * never honoured past its expiry whatever runs when, and the periodic expire-offers batch still
 * withdraws it if a schedule could not be made.
 */
export const scheduleOfferExpiries =
  (deps: OfferExpiryDeps) =>
  (offers: readonly WaitlistOffer[]): TE.TaskEither<AppError, number> => {
    const scheduler = deps.scheduler;
    if (scheduler === undefined || offers.length === 0) return TE.right(0);
    return pipe(
      offers,
      A.map((offer) =>
        pipe(
          scheduler.scheduleOnce(offerExpiryScheduleName(offer), offer.expiresAt, {
            batch: "expire-offers",
          }),
          TE.map(() => 1),
          TE.orElse(() => TE.right(0)),
        ),
      ),
      TE.sequenceSeqArray,
      TE.map((made) => made.reduce((sum, n) => sum + n, 0)),
    );
  };
