import { publishPlan as open, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { type PayoutReadyDeps, requirePayoutReady } from "../payments/require-payout-ready.ts";
import type { NotifyFollowersDeps } from "../people/notify-followers.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { savePlanChange } from "./plan-change.ts";
import { publishedFanOuts } from "./plan-fan-outs.ts";
import { scheduleWarmUps } from "./warm-up-schedules.ts";

export type PublishPlanDeps = Pick<ReservationDeps, "plans" | "clock" | "ids" | "scheduler"> &
  PayoutReadyDeps &
  Partial<NotifyFollowersDeps>;

/**
 * The producer opens its draft for sale (draft -> open); its structural terms freeze. Only once its
 * payout account can take charges (PAYOUT.NOT_READY before): owners' money has to reach it. The
 * API is then scheduled to be warm around the sale's openings (best effort, warm-up-schedules.ts).
 */
export const publishPlan =
  (deps: PublishPlanDeps) =>
  (actor: Actor, input: { readonly planId: string }): TE.TaskEither<AppError, Plan> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOf(actor, plan)),
      TE.chain((plan) =>
        pipe(
          decided(open(plan, deps.clock.now())),
          // After the plan's own rules: a plan that cannot open is told why first.
          TE.chainFirst(() => requirePayoutReady(deps)(plan.producerId)),
          // Followers and returning owners hear of it through fan-out triggers in the same write.
          TE.chain((next) =>
            savePlanChange(deps)(actor, plan, next, undefined, publishedFanOuts(deps.ids, next)),
          ),
        ),
      ),
      TE.chainFirst((published) => scheduleWarmUps(deps)(published)),
    );
