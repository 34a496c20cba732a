import type { CursorCodec, PlanEntry, PlanOffer, WaitlistStore } from "@owners/app";
import { storeErrors } from "@owners/app";
import { isOfferLive } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { paginate } from "./paginate.ts";
import {
  atomically,
  copy,
  prepareAppend,
  prepareWaitlistChange,
  type ReservationDb,
  storedWaitlist,
} from "./reservation-db.ts";

const allOffers = (db: ReservationDb): PlanOffer[] =>
  [...db.waitlists.values()].flatMap((w) =>
    w.offers.map((o) => ({ ...copy(o), planId: w.planId })),
  );

/** An owner's lines in the order DynamoDB's index keeps them: joined, then plan, then place. */
const entryKey = (e: PlanEntry) => `${e.joinedAt}#${e.planId}#${String(e.seq).padStart(12, "0")}`;

const expiryKey = (o: PlanOffer) => `${o.expiresAt}#${o.planId}#${o.id}`;

/** The WaitlistStore of the memory mode and the tests, on the shared reservation database. */
export const makeMemoryWaitlistStore = (
  db: ReservationDb,
  cursors: CursorCodec,
): WaitlistStore => ({
  load: (planId, now) =>
    atomically(() => {
      const stored = copy(storedWaitlist(db, planId));
      return E.right({
        waitlist: { ...stored, offers: stored.offers.filter((o) => isOfferLive(o, now)) },
        expiredOffers: stored.offers.filter((o) => !isOfferLive(o, now)),
      });
    }),

  save: (planId, write) =>
    atomically(() => {
      const plan = db.plans.get(planId);
      if (plan === undefined) return E.left(storeErrors.planNotFound(planId));
      // Shares are only ever offered when an ownership is cancelled (OwnershipStore.cancel).
      if (!Number.isSafeInteger(write.sharesOfferedDelta) || write.sharesOfferedDelta > 0)
        return E.left(
          storeErrors.invalid("a waitlist write only releases held shares", {
            delta: write.sharesOfferedDelta,
          }),
        );
      const change = prepareWaitlistChange(db, planId, write.change);
      if (E.isLeft(change)) return change;
      if (write.requireSoldOut === true) {
        if (plan.status !== "open") return E.left(storeErrors.notOpen(plan.id, plan.status));
        const remaining = plan.totalShares - plan.sharesSold - plan.sharesOffered;
        if (remaining > 0) return E.left(storeErrors.notSoldOut(plan.id, remaining));
      }
      if (plan.sharesOffered + write.sharesOfferedDelta < 0)
        return E.left(storeErrors.versionConflict("plan", plan.id));
      const append = prepareAppend(db, [], write.audit, write.notices);
      if (E.isLeft(append)) return append;
      if (write.sharesOfferedDelta !== 0)
        db.plans.set(plan.id, {
          ...plan,
          sharesOffered: plan.sharesOffered + write.sharesOfferedDelta,
        });
      const saved = change.right();
      append.right();
      return E.right(saved);
    }),

  listOffersOfOwner: (ownerId, now) =>
    atomically(() =>
      E.right(
        allOffers(db)
          .filter((o) => o.ownerId === ownerId && isOfferLive(o, now))
          .sort((a, b) => (expiryKey(a) < expiryKey(b) ? -1 : 1)),
      ),
    ),

  listEntriesOfOwner: (ownerId) =>
    atomically(() =>
      E.right(
        [...db.waitlists.values()]
          .flatMap((w) =>
            w.entries
              .filter((e) => e.ownerId === ownerId)
              .map((e) => ({ ...copy(e), planId: w.planId })),
          )
          .sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : 1)),
      ),
    ),

  listExpiredOffers: (now, page) =>
    atomically(() =>
      paginate(
        allOffers(db)
          .filter((o) => !isOfferLive(o, now))
          .sort((a, b) => (expiryKey(a) < expiryKey(b) ? -1 : 1)),
        expiryKey,
        page,
        cursors,
        `expired-offers:${now}`,
      ),
    ),

  listPlansHoldingForLine: (page) =>
    atomically(() =>
      paginate(
        [...db.waitlists.values()]
          .filter((w) => (w.heldForLine ?? 0) > 0)
          .map((w) => w.planId)
          .sort(),
        (id) => id,
        page,
        cursors,
        "held-for-line",
      ),
    ),
});
