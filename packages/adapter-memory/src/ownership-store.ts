import type { CursorCodec, OwnershipStore } from "@owners/app";
import { storeErrors } from "@owners/app";
import { allocationStartedError, isHoldOver, type Ownership } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { bookingReleaserOf } from "./booking-releaser.ts";
import { paginate } from "./paginate.ts";
import { movePaidShares } from "./producer-tallies.ts";
import {
  atomically,
  copy,
  ownerSharesKey,
  prepareAppend,
  prepareCreditChanges,
  prepareWaitlistChange,
  type ReservationDb,
  storedWaitlist,
} from "./reservation-db.ts";

/** The identity of a stored ownership never changes, whatever a caller sends. */
const pinned = (before: Ownership, next: Ownership): Ownership => ({
  ...next,
  id: before.id,
  planId: before.planId,
  ownerId: before.ownerId,
  shares: before.shares,
});

const holdEnd = (o: Ownership) => o.holdExpiresAt ?? o.payment?.expiresAt ?? "";

const orderKey = (o: Ownership) => `${o.reservedAt}#${o.id}`;
const byOrder = (a: Ownership, b: Ownership) => (orderKey(a) < orderKey(b) ? -1 : 1);

/**
 * The OwnershipStore of the memory mode and the tests. `reserve` and `cancel` check every
 * condition first and then write everything, synchronously: all or nothing, like the DynamoDB
 * transaction, and in the same order of checks so both report the same error.
 */
export const makeMemoryOwnershipStore = (
  db: ReservationDb,
  cursors: CursorCodec,
): OwnershipStore => {
  // Disputed ownerships as their amendments wrote them (the DynamoDB markers' twin).
  const disputed = new Map<string, Ownership>();
  return {
    reserve: (command) =>
      atomically(() => {
        const { ownership, fromOffer } = command;
        const existing = db.ownerships.get(ownership.id);
        if (existing !== undefined)
          return E.right({ kind: "replayed", ownership: copy(existing.ownership) });
        const plan = db.plans.get(ownership.planId);
        if (plan === undefined) return E.left(storeErrors.planNotFound(ownership.planId));
        if (plan.status !== "open") return E.left(storeErrors.notOpen(plan.id, plan.status));
        // Terms the caller decided on must still be the stored ones (frozen once open, but checked).
        if (
          plan.totalShares !== command.totalShares ||
          plan.maxSharesPerOwner !== command.maxSharesPerOwner
        )
          return E.left(storeErrors.versionConflict("plan", plan.id));
        const shares = ownership.shares;
        // A first-N price was quoted from this count (a reservation's or an accepted offer's).
        const countMoved =
          command.expectedSharesSold !== undefined &&
          plan.sharesSold !== command.expectedSharesSold;

        let applyWaitlist: (() => unknown) | undefined;
        if (fromOffer === undefined) {
          const remaining = plan.totalShares - plan.sharesSold - plan.sharesOffered;
          if (shares > remaining) return E.left(storeErrors.soldOut(plan.id, remaining, shares));
          if (countMoved) return E.left(storeErrors.versionConflict("plan", plan.id));
        } else {
          if (countMoved) return E.left(storeErrors.versionConflict("plan", plan.id));
          const offer = storedWaitlist(db, plan.id).offers.find(
            (o) => o.id === fromOffer.offerId && o.ownerId === ownership.ownerId,
          );
          if (offer === undefined)
            return E.left(storeErrors.offerNotFound(plan.id, fromOffer.offerId));
          if (!(fromOffer.now < offer.expiresAt))
            return E.left(storeErrors.offerExpired(offer.id, offer.expiresAt));
          if (offer.shares !== shares || plan.sharesOffered < shares)
            return E.left(storeErrors.versionConflict("waitlist", plan.id));
          const change = prepareWaitlistChange(db, plan.id, fromOffer.waitlist);
          if (E.isLeft(change)) return change;
          applyWaitlist = change.right;
        }

        const countKey = ownerSharesKey(plan.id, ownership.ownerId);
        const held = db.ownerShares.get(countKey) ?? 0;
        if (held + shares > command.maxSharesPerOwner)
          return E.left(storeErrors.ownerLimit(plan.id, command.maxSharesPerOwner, held));
        const append = prepareAppend(db, command.ledgerEntries, command.audit, command.notices);
        if (E.isLeft(append)) return append;
        const spend = command.creditSpend;
        const credit = prepareCreditChanges(
          db,
          spend === undefined ? [] : [{ ...spend, deltaYen: -spend.amountYen }],
        );
        if (E.isLeft(credit)) return credit;

        credit.right();
        db.plans.set(plan.id, {
          ...plan,
          sharesSold: plan.sharesSold + shares,
          sharesOffered: plan.sharesOffered - (fromOffer === undefined ? 0 : shares),
        });
        db.ownerships.set(ownership.id, {
          ownership: copy(ownership),
          producerId: command.producerId,
        });
        db.ownerShares.set(countKey, held + shares);
        if (ownership.status === "active")
          movePaidShares(db, ownership, command.producerId, shares);
        applyWaitlist?.();
        append.right();
        return E.right({ kind: "reserved", ownership: copy(ownership) });
      }),

    cancel: (command) =>
      atomically(() => {
        const { ownership } = command;
        const stored = db.ownerships.get(ownership.id);
        if (stored === undefined) return E.left(storeErrors.ownershipNotFound(ownership.id));
        const before = stored.ownership;
        const from = command.expectedStatus ?? "active";
        if (before.version !== command.expectedVersion || before.status !== from)
          return E.left(storeErrors.versionConflict("ownership", ownership.id));
        const plan = db.plans.get(before.planId);
        if (plan === undefined) return E.left(storeErrors.planNotFound(before.planId));
        if (command.beforeAllocation === true && plan.allocationStartedAt !== undefined)
          return E.left(allocationStartedError(before.id, plan.allocationStartedAt));
        const offered = command.waitlist?.offeredShares ?? 0;
        // Negative when shares held for the line are released (nobody waits for them any more).
        if (offered > before.shares || plan.sharesOffered + offered < 0)
          return E.left(
            storeErrors.invalid("offered shares must be within the freed ones", { offered }),
          );
        let applyWaitlist: (() => unknown) | undefined;
        if (command.waitlist !== undefined) {
          const change = prepareWaitlistChange(db, plan.id, command.waitlist.change);
          if (E.isLeft(change)) return change;
          applyWaitlist = change.right;
        }
        const append = prepareAppend(db, command.ledgerEntries, command.audit, command.notices);
        if (E.isLeft(append)) return append;
        const intent = command.refundIntent;
        // The ownership's refund and those of the paid bookings released with it.
        const intents = [
          ...(intent === undefined ? [] : [intent]),
          ...(command.bookingReleases?.refundIntents ?? []),
        ];
        const taken = intents.find((i) => db.refundIntents.has(i.id));
        if (taken !== undefined) return E.left(storeErrors.duplicate("refund intent", taken.id));
        const release = command.creditRelease;
        const credit = prepareCreditChanges(
          db,
          release === undefined ? [] : [{ ...release, deltaYen: release.amountYen }],
        );
        if (E.isLeft(credit)) return credit;
        // The owner's experience bookings go with its last paid shares of the plan.
        const paidKey = ownerSharesKey(plan.id, before.ownerId);
        const bookings = bookingReleaserOf(db)?.(
          command,
          from === "active"
            ? (db.ownerPaidShares.get(paidKey) ?? 0) - before.shares
            : Number.POSITIVE_INFINITY,
        );
        if (bookings !== undefined && E.isLeft(bookings)) return bookings;

        credit.right();
        bookings?.right();
        const next: Ownership = {
          ...ownership,
          id: before.id,
          planId: before.planId,
          ownerId: before.ownerId,
        };
        db.ownerships.set(before.id, { ownership: copy(next), producerId: stored.producerId });
        db.plans.set(plan.id, {
          ...plan,
          sharesSold: plan.sharesSold - before.shares,
          sharesOffered: plan.sharesOffered + offered,
        });
        const countKey = ownerSharesKey(plan.id, before.ownerId);
        db.ownerShares.set(countKey, (db.ownerShares.get(countKey) ?? 0) - before.shares);
        if (from === "active") movePaidShares(db, before, stored.producerId, -before.shares);
        applyWaitlist?.();
        append.right();
        for (const i of intents) db.refundIntents.set(i.id, copy(i));
        return E.right(copy(next));
      }),

    confirmPayment: (command) =>
      atomically(() => {
        const stored = db.ownerships.get(command.ownership.id);
        if (stored === undefined)
          return E.left(storeErrors.ownershipNotFound(command.ownership.id));
        const before = stored.ownership;
        if (before.version !== command.expectedVersion || before.status !== "pending_payment")
          return E.left(storeErrors.versionConflict("ownership", before.id));
        const append = prepareAppend(db, command.ledgerEntries, command.audit, command.notices);
        if (E.isLeft(append)) return append;
        const next = pinned(before, command.ownership);
        db.ownerships.set(before.id, { ownership: copy(next), producerId: stored.producerId });
        movePaidShares(db, before, stored.producerId, before.shares);
        append.right();
        return E.right(copy(next));
      }),

    amend: (command) =>
      atomically(() => {
        const stored = db.ownerships.get(command.ownership.id);
        if (stored === undefined)
          return E.left(storeErrors.ownershipNotFound(command.ownership.id));
        const before = stored.ownership;
        if (
          before.version !== command.expectedVersion ||
          before.status !== command.ownership.status
        )
          return E.left(storeErrors.versionConflict("ownership", before.id));
        const append = prepareAppend(db, command.ledgerEntries, command.audit, command.notices);
        if (E.isLeft(append)) return append;
        const next = pinned(before, command.ownership);
        db.ownerships.set(before.id, { ownership: copy(next), producerId: stored.producerId });
        if (next.disputed === true) disputed.set(next.id, copy(next));
        append.right();
        return E.right(copy(next));
      }),

    listDisputed: (page) =>
      atomically(() =>
        paginate(
          [...disputed.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(copy),
          (o) => o.id,
          page,
          cursors,
          "disputed-ownerships",
        ),
      ),

    listExpiredHolds: (now, limit) =>
      atomically(() =>
        E.right(
          [...db.ownerships.values()]
            .map((s) => s.ownership)
            .filter((o) => isHoldOver(o, now))
            .sort((a, b) => {
              const ka = `${holdEnd(a)}#${a.id}`;
              const kb = `${holdEnd(b)}#${b.id}`;
              return ka < kb ? -1 : ka > kb ? 1 : 0;
            })
            .slice(0, limit)
            .map(copy),
        ),
      ),

    get: (id) =>
      atomically(() =>
        E.right(
          O.map((s: { ownership: Ownership }) => copy(s.ownership))(
            O.fromNullable(db.ownerships.get(id)),
          ),
        ),
      ),

    findByPaymentIntent: (paymentIntentId) =>
      atomically(() =>
        E.right(
          O.map((s: { ownership: Ownership }) => copy(s.ownership))(
            O.fromNullable(
              [...db.ownerships.values()].find(
                (s) => s.ownership.payment?.paymentIntentId === paymentIntentId,
              ),
            ),
          ),
        ),
      ),

    listByOwner: (ownerId, page) =>
      atomically(() =>
        paginate(
          [...db.ownerships.values()]
            .map((s) => s.ownership)
            .filter((o) => o.ownerId === ownerId)
            .sort(byOrder)
            .reverse()
            .map(copy),
          orderKey,
          page,
          cursors,
          `ownerships-of-owner:${ownerId}`,
          true,
        ),
      ),

    listByPlan: (planId, page) =>
      atomically(() =>
        paginate(
          [...db.ownerships.values()]
            .map((s) => s.ownership)
            .filter((o) => o.planId === planId)
            .sort(byOrder)
            .map(copy),
          orderKey,
          page,
          cursors,
          `ownerships-of-plan:${planId}`,
        ),
      ),

    ownerActiveShares: (planId, ownerId) =>
      atomically(() => E.right(db.ownerPaidShares.get(ownerSharesKey(planId, ownerId)) ?? 0)),

    ownerHeldShares: (planId, ownerId) =>
      atomically(() => E.right(db.ownerShares.get(ownerSharesKey(planId, ownerId)) ?? 0)),

    listByOwnerAndProducer: (ownerId, producerId) =>
      atomically(() =>
        E.right(
          [...db.ownerships.values()]
            .filter((s) => s.ownership.ownerId === ownerId && s.producerId === producerId)
            .map((s) => copy(s.ownership))
            .sort(byOrder),
        ),
      ),
  };
};
