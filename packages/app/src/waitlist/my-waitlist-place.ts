import { type OwnerId, type PlaceInLine, type PlanId, placeInLine } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadVisiblePlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export type MyWaitlistPlace = PlaceInLine & { readonly planId: PlanId };

/**
 * The signed-in owner's place in one plan's line (waiting at N, offered, or none): what the plan
 * page shows next to "leave the waitlist". PLAN.NOT_FOUND for an unknown plan or a draft.
 */
export const myWaitlistPlace =
  (deps: Pick<ReservationDeps, "plans" | "waitlists" | "clock">) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, MyWaitlistPlace> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner: OwnerId) =>
        pipe(
          loadVisiblePlan(deps.plans, actor, input.planId),
          TE.chain((plan) => {
            const now = deps.clock.now();
            return pipe(
              deps.waitlists.load(plan.id, now),
              TE.map(({ waitlist }) => ({ ...placeInLine(waitlist, owner, now), planId: plan.id })),
            );
          }),
        ),
      ),
    );
