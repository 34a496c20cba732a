import {
  type Instant,
  type OutboxMessage,
  type Plan,
  type WaitlistOffer,
  waitlistOfferExpiredMessage,
  waitlistOfferMadeMessage,
  withParams,
} from "@owners/domain";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { WaitlistChange } from "../ports/waitlist-store.ts";

/** The offers a waitlist change made (present after, absent before). */
export const offersMadeBy = (change: WaitlistChange): readonly WaitlistOffer[] => {
  const before = new Set(change.before.offers.map((o) => o.id as string));
  return change.after.offers.filter((o) => !before.has(o.id));
};

/**
 * One notice per offer made, for the owner whose turn came: written in the same atomic write as
 * the waitlist change that makes the offers (WaitlistWrite.notices, CancelCommand.notices), so an
 * offer is never stored without its notice. The id is deterministic: a retried write builds the
 * same message.
 */
export const offerMadeNotices = (
  ids: IdGenerator,
  plan: Pick<Plan, "id" | "title">,
  offers: readonly WaitlistOffer[],
  at: Instant,
): OutboxMessage[] =>
  offers.map((offer) =>
    withParams(
      waitlistOfferMadeMessage({
        id: ids.deterministic("msg", "waitlist-offer-made", offer.id),
        recipientId: offer.ownerId,
        at,
        plan: { id: plan.id, title: plan.title },
        offerId: offer.id,
        shares: offer.shares,
        expiresAt: offer.expiresAt,
      }),
      {
        planId: plan.id,
        planTitle: plan.title,
        offerId: offer.id,
        shares: offer.shares,
        expiresAt: offer.expiresAt,
      },
    ),
  );

/** One notice per offer that ran out unaccepted, written with the write that withdraws it. */
export const offerExpiredNotices = (
  ids: IdGenerator,
  plan: Pick<Plan, "id" | "title">,
  offers: readonly WaitlistOffer[],
  at: Instant,
): OutboxMessage[] =>
  offers.map((offer) =>
    waitlistOfferExpiredMessage({
      id: ids.deterministic("msg", "waitlist-offer-expired", offer.id),
      recipientId: offer.ownerId,
      at,
      plan: { id: plan.id, title: plan.title },
      offerId: offer.id,
      shares: offer.shares,
    }),
  );
