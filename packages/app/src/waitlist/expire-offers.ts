import {
  expireOffers as expire,
  type OutboxMessage,
  offerId,
  type PlanId,
  sharesToHoldForLine,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import { type AppError, errorKindOf } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { followUpOffers } from "./offer-follow-up.ts";
import { offerExpiredNotices, offerMadeNotices } from "./waitlist-offer-notices.ts";
import {
  closeLine,
  MAX_OFFERS_PER_WRITE,
  offerAudit,
  offerHeldShares,
  withExpiredOffers,
} from "./waitlist-steps.ts";

export type ExpireOffersDeps = Pick<
  ReservationDeps,
  "plans" | "waitlists" | "ids" | "clock" | "config" | "outbox" | "scheduler"
>;

export interface ExpireOffersResult {
  readonly plans: number;
  readonly withdrawnOffers: number;
  readonly newOffers: number;
  /** Plans whose offers could not be passed on (the others were): what went wrong with each. */
  readonly failed: readonly {
    readonly planId: PlanId;
    readonly code: string;
    readonly message: string;
  }[];
}

interface PlanOutcome {
  readonly withdrawn: number;
  readonly offered: number;
}

/** DynamoDB's limit on the items of one transaction. */
const WRITE_ITEMS = 100;

/**
 * The notices that fit in the expiry's write beside its `changeItems` (the plan, the line's head,
 * each withdrawn offer's delete and audit entry, each new offer's three items), the new offers'
 * first. Usually all do; when many offers lapse at once the rest go to the outbox right after
 * the write (its dedupe keys make a retried batch harmless), rather than a write too big to land.
 */
const noticesThatFit = (changeItems: number, notices: readonly OutboxMessage[]) => {
  const room = Math.max(0, WRITE_ITEMS - changeItems);
  return { inWrite: notices.slice(0, room), after: notices.slice(room) };
};

/**
 * Expired offers one write withdraws at most: each costs two items (the offer's delete, its audit
 * entry), beside the new offers' three each (MAX_OFFERS_PER_WRITE), the plan and the line's head,
 * within DynamoDB's 100; notices take what room is left (noticesThatFit).
 */
const EXPIRED_PER_WRITE = 18;

/**
 * One plan: its expired offers withdrawn and their shares offered to the next in line, one
 * bounded write at a time (many offers lapsing at once, or a big offer lapsing over a line of
 * single shares, would not fit one). Withdrawn shares no write could offer yet stay held for the
 * line while anyone waits (offerHeldShares offers them next), else they are for sale again.
 */
const expireIn =
  (deps: ExpireOffersDeps) =>
  (actor: Actor, planId: PlanId): TE.TaskEither<AppError, PlanOutcome> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) => {
        // Sales over: nobody can accept anything, the line is simply withdrawn.
        if (plan.status !== "open")
          return pipe(
            closeLine(deps)(actor, planId),
            TE.map((withdrawn) => ({ withdrawn, offered: 0 })),
          );
        const oneWrite = retryOnConflict(deps.config.conflictRetry, () => {
          const now = deps.clock.now();
          return pipe(
            deps.waitlists.load(planId, now),
            TE.chain((state) => {
              const before = withExpiredOffers(state);
              const result = expire(
                before,
                now,
                deps.config.offerTtlMs,
                () => offerId(deps.ids.next("offer")),
                { maxExpired: EXPIRED_PER_WRITE, maxOffers: MAX_OFFERS_PER_WRITE },
              );
              if (result.expired.length === 0)
                return TE.right({ withdrawn: 0, offered: 0, more: false });
              const held = sharesToHoldForLine(result);
              const after = { ...result.waitlist, heldForLine: (before.heldForLine ?? 0) + held };
              // Who got the shares and who lost the offer hear so from this very write.
              const notices = noticesThatFit(
                2 + 2 * result.expired.length + 3 * result.offers.length,
                [
                  ...offerMadeNotices(deps.ids, plan, result.offers, now),
                  ...offerExpiredNotices(deps.ids, plan, result.expired, now),
                ],
              );
              return pipe(
                deps.waitlists.save(planId, {
                  change: { before, after },
                  // Withdrawn shares go to the next in line (or are held for it); what nobody
                  // waits for is for sale again.
                  sharesOfferedDelta: result.offeredShares + held - result.withdrawnShares,
                  audit: [
                    ...result.expired.map((o) =>
                      offerAudit(deps, actor, planId, o, "waitlist.offer_expired", now),
                    ),
                    ...result.offers.map((o) =>
                      offerAudit(deps, actor, planId, o, "waitlist.offered", now),
                    ),
                  ],
                  notices: notices.inWrite,
                }),
                // What did not fit the write (a long line moving at once) is enqueued right after:
                // its dedupe keys make a retry harmless; see noticesThatFit.
                TE.chainFirst(() =>
                  notices.after.length === 0
                    ? TE.right(undefined)
                    : pipe(
                        deps.outbox.enqueue(notices.after),
                        TE.map(() => undefined),
                      ),
                ),
                TE.chainFirst(() => followUpOffers(deps)(plan, result.offers, now)),
                TE.map(() => ({
                  withdrawn: result.expired.length,
                  offered: result.offers.length,
                  more: result.expired.length === EXPIRED_PER_WRITE,
                })),
              );
            }),
          );
        });
        const expiring = (done: PlanOutcome): TE.TaskEither<AppError, PlanOutcome> =>
          pipe(
            oneWrite,
            TE.chain(({ more, ...outcome }) => {
              const sum = {
                withdrawn: done.withdrawn + outcome.withdrawn,
                offered: done.offered + outcome.offered,
              };
              return more ? expiring(sum) : TE.right(sum);
            }),
          );
        // Shares a cancellation held for the line and could not offer yet (a crash after its
        // commit, say) are offered here too.
        return pipe(
          expiring({ withdrawn: 0, offered: 0 }),
          TE.chain((outcome) =>
            pipe(
              offerHeldShares(deps)(actor, plan),
              TE.chainFirst((offers) => followUpOffers(deps)(plan, offers, deps.clock.now())),
              TE.map((offers) => ({ ...outcome, offered: outcome.offered + offers.length })),
            ),
          ),
        );
      }),
    );

/**
 * Batch: withdraws every offer that expired and offers its shares to the next in line, who is notified (or back to
 * sale when nobody waits). Works from the stored expired offers, at most `maxOffers` a run, and
 * from the plans holding shares for the line (offered or released the same way); what it has done
 * is no longer expired-and-stored nor held, so the next run resumes without repeating it.
 */
export const expireOffers =
  (deps: ExpireOffersDeps) =>
  (
    actor: Actor,
    input: { readonly maxOffers?: number } = {},
  ): TE.TaskEither<AppError, ExpireOffersResult> => {
    const max = input.maxOffers ?? 1_000;
    const now = deps.clock.now();
    const collect = (
      cursor: string | undefined,
      plans: PlanId[],
      seen: number,
    ): TE.TaskEither<AppError, PlanId[]> =>
      seen >= max
        ? TE.right(plans)
        : pipe(
            deps.waitlists.listExpiredOffers(
              now,
              cursor === undefined ? { limit: 100 } : { limit: 100, cursor },
            ),
            TE.chain((page) => {
              const next = [
                ...plans,
                ...page.items.map((o) => o.planId).filter((p) => !plans.includes(p)),
              ];
              const unique = [...new Set(next)];
              return page.nextCursor === undefined
                ? TE.right(unique)
                : collect(page.nextCursor, unique, seen + page.items.length);
            }),
          );
    // Plans holding shares for the line (a crash between a write and its follow-up, a line that
    // emptied meanwhile): revisited even when none of their offers lapses, or every offer made was
    // accepted, so the held shares are offered or put back on sale rather than held until closing.
    const holding = (
      cursor: string | undefined,
      plans: readonly PlanId[],
      seen: number,
    ): TE.TaskEither<AppError, readonly PlanId[]> =>
      seen >= max
        ? TE.right(plans)
        : pipe(
            deps.waitlists.listPlansHoldingForLine(
              cursor === undefined ? { limit: 100 } : { limit: 100, cursor },
            ),
            TE.chain((page) => {
              const next = [...new Set([...plans, ...page.items])];
              return page.nextCursor === undefined
                ? TE.right(next)
                : holding(page.nextCursor, next, seen + page.items.length);
            }),
          );
    // One plan's failure is that plan's (reported, tried again next run); the others go on. A
    // store or processor that is down stops the run instead: the next one resumes.
    const inPlan = (planId: PlanId) =>
      pipe(
        expireIn(deps)(actor, planId),
        TE.map((outcome) => ({ planId, outcome })),
        TE.orElseW((error) =>
          errorKindOf(error) === "unavailable"
            ? TE.left(error)
            : TE.right({ planId, failed: { planId, code: error._tag, message: error.message } }),
        ),
      );
    return pipe(
      requireAdmin(actor),
      TE.chain(() => collect(undefined, [], 0)),
      TE.chain((expiring) => holding(undefined, expiring, 0)),
      TE.chain((planIds) => TE.sequenceSeqArray(planIds.map(inPlan))),
      TE.map((results) => {
        const outcomes = results.flatMap((r) => ("outcome" in r ? [r.outcome] : []));
        return {
          plans: results.length,
          withdrawnOffers: outcomes.reduce((sum, o) => sum + o.withdrawn, 0),
          newOffers: outcomes.reduce((sum, o) => sum + o.offered, 0),
          failed: results.flatMap((r) => ("failed" in r ? [r.failed] : [])),
        };
      }),
    );
  };
