import {
  type Instant,
  type OwnerId,
  offerId,
  type Plan,
  type PlanId,
  sharesToHoldForLine,
  withdrawOwner,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { eachInOrder } from "../all-pages.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { followUpOffers } from "./offer-follow-up.ts";
import { offerMadeNotices } from "./waitlist-offer-notices.ts";
import {
  MAX_OFFERS_PER_WRITE,
  offerAudit,
  offerHeldShares,
  withExpiredOffers,
} from "./waitlist-steps.ts";

export type LeaveEveryLineDeps = Pick<
  ReservationDeps,
  "plans" | "waitlists" | "ids" | "clock" | "config" | "scheduler"
>;

/**
 * The owner's offers one write withdraws at most (a delete and an audit entry each), beside the
 * plan, the head, its entry's delete and MAX_OFFERS_PER_WRITE new offers (four items each): well
 * inside DynamoDB's 100. An owner holds one live offer per plan; more are lapsed ones still stored.
 */
const WITHDRAWN_PER_WRITE = 8;

/**
 * One write in one plan's line: the owner's entry leaves (those behind move up) and its offers are
 * withdrawn and passed to the next in line, notified in the same write. On a plan no longer open
 * nothing is offered: the withdrawn shares are released, as closing the line does. Undefined when
 * the owner is no longer in the line at all (done: a retry after a crash redoes nothing).
 */
const leaveOnce =
  (deps: LeaveEveryLineDeps) =>
  (
    actor: Actor,
    owner: OwnerId,
    plan: Plan,
  ): TE.TaskEither<AppError, { readonly held: boolean; readonly more: boolean } | undefined> =>
    retryOnConflict(deps.config.conflictRetry, () => {
      const now: Instant = deps.clock.now();
      return pipe(
        deps.waitlists.load(plan.id, now),
        TE.chain((state) => {
          const before = withExpiredOffers(state);
          const present =
            before.entries.some((e) => e.ownerId === owner) ||
            before.offers.some((o) => o.ownerId === owner);
          if (!present) return TE.right(undefined);
          const open = plan.status === "open";
          const result = withdrawOwner(
            before,
            owner,
            now,
            deps.config.offerTtlMs,
            () => offerId(deps.ids.next("offer")),
            { maxExpired: WITHDRAWN_PER_WRITE, maxOffers: open ? MAX_OFFERS_PER_WRITE : 0 },
          );
          // What one write could not offer stays held while anyone waits (offerHeldShares next).
          const held = open ? sharesToHoldForLine(result) : 0;
          const after = { ...result.waitlist, heldForLine: (before.heldForLine ?? 0) + held };
          return pipe(
            deps.waitlists.save(plan.id, {
              change: { before, after },
              sharesOfferedDelta: result.offeredShares + held - result.withdrawnShares,
              audit: [
                ...result.expired.map((o) =>
                  offerAudit(deps, actor, plan.id, o, "waitlist.offer_withdrawn", now),
                ),
                ...result.offers.map((o) =>
                  offerAudit(deps, actor, plan.id, o, "waitlist.offered", now),
                ),
              ],
              // The new offers' owners hear of them; the leaving owner is told nothing.
              notices: offerMadeNotices(deps.ids, plan, result.offers, now),
            }),
            TE.chainFirst(() => followUpOffers(deps)(plan, result.offers, now)),
            TE.map(() => ({
              held: held > 0,
              more: result.expired.length === WITHDRAWN_PER_WRITE,
            })),
          );
        }),
      );
    });

/** Takes the owner out of one plan's line, one bounded write after another. */
const leaveLine =
  (deps: LeaveEveryLineDeps) =>
  (actor: Actor, owner: OwnerId, planId: PlanId): TE.TaskEither<AppError, void> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) => {
        const step = (held: boolean): TE.TaskEither<AppError, boolean> =>
          pipe(
            leaveOnce(deps)(actor, owner, plan),
            TE.chain((done) =>
              done === undefined
                ? TE.right(held)
                : done.more
                  ? step(held || done.held)
                  : TE.right(held || done.held),
            ),
          );
        return pipe(
          step(false),
          // Shares held for the line are offered now; a failure leaves them held for the expiry
          // batch, which offers them (the owner has left either way).
          TE.chain((held) =>
            !held
              ? TE.right(undefined)
              : pipe(
                  offerHeldShares(deps)(actor, plan),
                  TE.chain((offers) => followUpOffers(deps)(plan, offers, deps.clock.now())),
                  TE.orElse(() => TE.right<AppError, void>(undefined)),
                ),
          ),
        );
      }),
    );

/**
 * The owner leaves every line it is in, as its account closes: each entry goes as by leaving the
 * waitlist (those behind move up), and each offer it holds, live or lapsed, is withdrawn and its
 * shares offered to the next in line as when an offer lapses. Plans are found from the owner's
 * entries and live offers; a lapsed offer elsewhere is the expiry batch's, as for anyone. Every
 * step re-reads the line and skips what is done, so a retry after a crash repeats nothing.
 * Returns the plans whose lines it left.
 */
export const leaveEveryLine =
  (deps: LeaveEveryLineDeps) =>
  (actor: Actor, owner: OwnerId): TE.TaskEither<AppError, readonly PlanId[]> =>
    pipe(
      TE.Do,
      TE.bind("entries", () => deps.waitlists.listEntriesOfOwner(owner)),
      TE.bind("offers", () => deps.waitlists.listOffersOfOwner(owner, deps.clock.now())),
      TE.map(({ entries, offers }) => [
        ...new Set([...entries.map((e) => e.planId), ...offers.map((o) => o.planId)]),
      ]),
      TE.chainFirst((planIds) =>
        eachInOrder(planIds, (planId) => leaveLine(deps)(actor, owner, planId)),
      ),
    );
