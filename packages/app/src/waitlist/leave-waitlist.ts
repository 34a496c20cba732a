import { leaveWaitlist as leave, type OwnerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export type LeaveWaitlistDeps = Pick<ReservationDeps, "plans" | "waitlists" | "clock" | "config">;

/** An owner leaves a plan's line (WAITLIST.NOT_WAITING if not in it). */
export const leaveWaitlist =
  (deps: LeaveWaitlistDeps) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, void> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner: OwnerId) =>
        retryOnConflict(deps.config.conflictRetry, () =>
          pipe(
            loadPlan(deps.plans, input.planId),
            TE.chain((plan) => deps.waitlists.load(plan.id, deps.clock.now())),
            TE.chain(({ waitlist }) =>
              pipe(
                decided(leave(waitlist, owner)),
                TE.chain((after) =>
                  deps.waitlists.save(waitlist.planId, {
                    change: { before: waitlist, after },
                    sharesOfferedDelta: 0,
                    audit: [],
                  }),
                ),
              ),
            ),
            TE.map(() => undefined),
          ),
        ),
      ),
    );
