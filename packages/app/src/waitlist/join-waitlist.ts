import { joinWaitlist as join, type OwnerId, type PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { returningOwner } from "../reservations/reservation-steps.ts";

export type JoinWaitlistDeps = Pick<
  ReservationDeps,
  "plans" | "ownerships" | "waitlists" | "clock" | "config"
>;

export interface WaitlistPlace {
  readonly planId: PlanId;
  readonly shares: number;
  /** 1 for the head of the line. */
  readonly position: number;
}

/**
 * An owner joins a sold-out plan's FIFO line for `shares`. The write re-checks that the plan is
 * open and still sold out, on the same waitlist version the decision read: a cancellation racing
 * the join is either seen (the shares are offered to the line) or refuses it (WAITLIST.NOT_SOLD_OUT).
 */
export const joinWaitlist =
  (deps: JoinWaitlistDeps) =>
  (
    actor: Actor,
    input: { readonly planId: string; readonly shares: number },
  ): TE.TaskEither<AppError, WaitlistPlace> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner: OwnerId) =>
        retryOnConflict(deps.config.conflictRetry, () =>
          pipe(
            TE.Do,
            TE.bind("plan", () => loadPlan(deps.plans, input.planId)),
            TE.bind("now", () => TE.right(deps.clock.now())),
            TE.bind("state", ({ plan, now }) => deps.waitlists.load(plan.id, now)),
            TE.bind("held", ({ plan }) => deps.ownerships.ownerHeldShares(plan.id, owner)),
            TE.bind("returning", ({ plan, now }) => returningOwner(deps)(plan, owner, now)),
            TE.bind("after", ({ plan, now, state, held, returning }) =>
              decided(
                join({
                  waitlist: state.waitlist,
                  plan,
                  ownerId: owner,
                  shares: input.shares,
                  ownerActiveShares: held,
                  isReturningOwner: returning,
                  now,
                }),
              ),
            ),
            TE.chain(({ plan, state, after }) =>
              deps.waitlists.save(plan.id, {
                change: { before: state.waitlist, after },
                sharesOfferedDelta: 0,
                requireSoldOut: true,
                audit: [],
              }),
            ),
            TE.map((saved) => ({
              planId: input.planId as PlanId,
              shares: input.shares,
              position: saved.entries.findIndex((e) => e.ownerId === owner) + 1,
            })),
          ),
        ),
      ),
    );
