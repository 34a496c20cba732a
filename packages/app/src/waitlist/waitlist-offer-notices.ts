import {
  type Instant,
  type Plan,
  type WaitlistOffer,
  waitlistOfferMadeMessage,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { WaitlistChange } from "../ports/waitlist-store.ts";

export interface OfferNoticeDeps {
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
}

/** The offers a waitlist change made (present after, absent before). */
export const offersMadeBy = (change: WaitlistChange): readonly WaitlistOffer[] => {
  const before = new Set(change.before.offers.map((o) => o.id as string));
  return change.after.offers.filter((o) => !before.has(o.id));
};

/**
 * Tells each owner whose turn came that shares are held for it, after the write that made the
 * offers. A notice that fails to enqueue is not an error of the change itself: the offer is stored
 * and listed at GET /me/waitlist-offers until it expires, so the write's result stands.
 */
export const enqueueOfferNotices =
  (deps: OfferNoticeDeps) =>
  (
    plan: Pick<Plan, "id" | "title">,
    offers: readonly WaitlistOffer[],
    at: Instant,
  ): TE.TaskEither<AppError, number> =>
    offers.length === 0
      ? TE.right(0)
      : pipe(
          deps.outbox.enqueue(
            offers.map((offer) =>
              waitlistOfferMadeMessage({
                id: deps.ids.deterministic("msg", "waitlist-offer-made", offer.id),
                recipientId: offer.ownerId,
                at,
                plan: { id: plan.id, title: plan.title },
                offerId: offer.id,
                shares: offer.shares,
                expiresAt: offer.expiresAt,
              }),
            ),
          ),
          TE.map((r) => r.enqueued),
          TE.orElse(() => TE.right(0)),
        );
