import {
  type AuditEntry,
  auditEntry,
  type ExperienceBooking,
  type Instant,
  type OutboxMessage,
  offerFreedShares,
  offerId,
  type Plan,
  type PlanId,
  sharesToHoldForLine,
  type Waitlist,
  type WaitlistAction,
  type WaitlistOffer,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import type { WaitlistChange, WaitlistState } from "../ports/waitlist-store.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { offerMadeNotices } from "./waitlist-offer-notices.ts";

/** The waitlist with its expired-but-stored offers put back, as the domain's expiry works on it. */
export const withExpiredOffers = (state: WaitlistState): Waitlist => ({
  ...state.waitlist,
  offers: [...state.waitlist.offers, ...state.expiredOffers],
});

export const offerAudit = (
  deps: Pick<ReservationDeps, "ids">,
  actor: Actor,
  planId: PlanId,
  offer: WaitlistOffer,
  action: WaitlistAction,
  at: Instant,
): AuditEntry =>
  auditEntry({
    ...auditHead(deps.ids, actor, at, offer.id, action),
    action,
    subject: { type: "offer", id: offer.id },
    planId,
    after: { ownerId: offer.ownerId, shares: offer.shares, expiresAt: offer.expiresAt },
  });

/**
 * Offers one write makes at most: each costs four items (the entry's delete, the offer's put, its
 * audit entry, its owner's notice), and a cancellation's own items (ownership, plan, owner's
 * count, waitlist head, ledger, audit, refund intent, store credit, its own notices) must fit
 * beside them in DynamoDB's 100.
 */
export const MAX_OFFERS_PER_WRITE = 18;

/**
 * The offers a cancellation's write has room for beside the bookings it releases: each booking
 * costs up to three items (its cancel, its notice, its hold's marker), a paid one's refund intent
 * one more, and each experience two (its seat counters), four items an offer.
 */
export const offersBesideBookings = (bookings: readonly ExperienceBooking[]): number => {
  const experiences = new Set(bookings.map((b) => b.experienceId)).size;
  // A paid booking's refund intent is one more item.
  const refunds = bookings.filter((b) => b.payment?.refundIntentId !== undefined).length;
  const items = 3 * bookings.length + refunds + 2 * experiences;
  return Math.max(0, MAX_OFFERS_PER_WRITE - Math.ceil(items / 4));
};

export interface FreedShares {
  readonly change: WaitlistChange;
  /** Added to plan.sharesOffered by the write: shares offered now plus shares held for the line. */
  readonly offeredShares: number;
  readonly audit: readonly AuditEntry[];
  /** The offers' notices, written with the cancellation that makes them. */
  readonly notices: readonly OutboxMessage[];
}

/**
 * What happens to shares a cancellation frees: on an open plan they are offered to the line in
 * order. The waitlist version is bumped even when nobody waits, so the cancellation and a
 * concurrent join are serialised: whoever writes second sees the other (no share goes on public
 * sale while someone waits). A plan no longer open has no line to serve: undefined.
 */
export const freedSharesToLine =
  (deps: Pick<ReservationDeps, "waitlists" | "ids" | "config">) =>
  (
    actor: Actor,
    plan: Plan,
    freed: number,
    now: Instant,
    /** Offers the cancellation's write has room for (fewer when it releases bookings too). */
    maxOffers: number = MAX_OFFERS_PER_WRITE,
  ): TE.TaskEither<AppError, FreedShares | undefined> =>
    plan.status !== "open"
      ? TE.right(undefined)
      : pipe(
          deps.waitlists.load(plan.id, now),
          TE.map(({ waitlist }) => {
            // Shares already held for the line come first: they were freed earlier.
            const heldBefore = waitlist.heldForLine ?? 0;
            const offered = offerFreedShares(
              { ...waitlist, heldForLine: 0 },
              heldBefore + freed,
              now,
              deps.config.offerTtlMs,
              () => offerId(deps.ids.next("offer")),
              maxOffers,
            );
            // What one write could not offer stays held while anyone waits; else it is for sale.
            const held = sharesToHoldForLine(offered);
            const after = {
              ...(offered.offers.length === 0
                ? { ...waitlist, version: waitlist.version + 1 }
                : offered.waitlist),
              heldForLine: held,
            };
            return {
              change: { before: waitlist, after },
              offeredShares: offered.offeredShares + held - heldBefore,
              audit: offered.offers.map((o) =>
                offerAudit(deps, actor, plan.id, o, "waitlist.offered", now),
              ),
              notices: offerMadeNotices(deps.ids, plan, offered.offers, now),
            };
          }),
        );

/** Entries and offers withdrawn per write: well inside one transaction's 100 items. */
const CLOSE_CHUNK = 40;

/**
 * Withdraws the whole line and every offer of a plan whose sales ended, releasing held shares. It
 * goes in chunks (each a consistent, shorter line), so a long line never exceeds one write and a
 * crash midway resumes from what is left. Returns how many offers were withdrawn.
 */
export const closeLine =
  (deps: Pick<ReservationDeps, "waitlists" | "ids" | "config" | "clock">) =>
  (actor: Actor, planId: PlanId): TE.TaskEither<AppError, number> => {
    const step = (withdrawn: number): TE.TaskEither<AppError, number> =>
      pipe(
        retryOnConflict(deps.config.conflictRetry, () => {
          const now = deps.clock.now();
          return pipe(
            deps.waitlists.load(planId, now),
            TE.chain((state) => {
              const full = withExpiredOffers(state);
              const held = full.heldForLine ?? 0;
              if (full.entries.length + full.offers.length === 0 && held === 0)
                return TE.right(undefined);
              const offers = full.offers.slice(0, CLOSE_CHUNK);
              const entries = full.entries.slice(0, CLOSE_CHUNK - offers.length);
              const after: Waitlist = {
                ...full,
                offers: full.offers.slice(offers.length),
                entries: full.entries.slice(entries.length),
                version: full.version + 1,
                heldForLine: 0,
              };
              return pipe(
                deps.waitlists.save(planId, {
                  change: { before: full, after },
                  sharesOfferedDelta: -offers.reduce((sum, o) => sum + o.shares, 0) - held,
                  audit: offers.map((o) =>
                    offerAudit(deps, actor, planId, o, "waitlist.offer_expired", now),
                  ),
                }),
                TE.map(() => offers.length),
              );
            }),
          );
        }),
        TE.chain((done) => (done === undefined ? TE.right(withdrawn) : step(withdrawn + done))),
      );
    return step(0);
  };

/**
 * Offers the shares a cancellation held for the line (beyond what its own write could offer), one
 * bounded write at a time, in line order; what nobody waits for any more is released for sale.
 * Runs after the cancellation's commit, and again from the expiry batch (so a crash in between
 * leaves the shares held for the line, never sold to someone outside it). Returns the offers made.
 */
export const offerHeldShares =
  (deps: Pick<ReservationDeps, "waitlists" | "ids" | "config" | "clock">) =>
  (
    actor: Actor,
    plan: Pick<Plan, "id" | "title">,
  ): TE.TaskEither<AppError, readonly WaitlistOffer[]> => {
    const planId = plan.id;
    const step = (
      made: readonly WaitlistOffer[],
    ): TE.TaskEither<AppError, readonly WaitlistOffer[]> =>
      pipe(
        retryOnConflict(deps.config.conflictRetry, () => {
          const now = deps.clock.now();
          return pipe(
            deps.waitlists.load(planId, now),
            TE.chain(({ waitlist }) => {
              const held = waitlist.heldForLine ?? 0;
              if (held === 0) return TE.right(undefined);
              const offered = offerFreedShares(
                { ...waitlist, heldForLine: 0 },
                held,
                now,
                deps.config.offerTtlMs,
                () => offerId(deps.ids.next("offer")),
                MAX_OFFERS_PER_WRITE,
              );
              const keep = sharesToHoldForLine(offered);
              const after: Waitlist = {
                ...(offered.offers.length === 0
                  ? { ...waitlist, version: waitlist.version + 1 }
                  : offered.waitlist),
                heldForLine: keep,
              };
              return pipe(
                deps.waitlists.save(planId, {
                  change: { before: waitlist, after },
                  sharesOfferedDelta: -(offered.unofferedShares - keep),
                  audit: offered.offers.map((o) =>
                    offerAudit(deps, actor, planId, o, "waitlist.offered", now),
                  ),
                  notices: offerMadeNotices(deps.ids, plan, offered.offers, now),
                }),
                TE.map(() => ({
                  offers: offered.offers,
                  more: keep > 0 && offered.offers.length > 0,
                })),
              );
            }),
          );
        }),
        TE.chain((done) =>
          done === undefined
            ? TE.right(made)
            : done.more
              ? step([...made, ...done.offers])
              : TE.right([...made, ...done.offers]),
        ),
      );
    return step([]);
  };
