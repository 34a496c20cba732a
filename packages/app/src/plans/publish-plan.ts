import { publishPlan as open, type Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOf } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { type PayoutReadyDeps, requirePayoutReady } from "../payments/require-payout-ready.ts";
import { type NotifyFollowersDeps, notifyFollowers } from "../people/notify-followers.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { savePlanChange } from "./plan-change.ts";
import { scheduleWarmUps } from "./warm-up-schedules.ts";

export type PublishPlanDeps = Pick<ReservationDeps, "plans" | "clock" | "ids" | "scheduler"> &
  PayoutReadyDeps &
  Partial<NotifyFollowersDeps>;

/**
 * The producer's followers hear of the new plan once it is stored (outbox, a page of followers per
 * enqueue, deduplicated per plan and follower). Best effort: the plan is open whatever the outbox
 * answers, and a failure here must not tell the producer its publish failed.
 */
const tellFollowers =
  (deps: PublishPlanDeps) =>
  (plan: Plan): TE.TaskEither<AppError, Plan> => {
    const { follows, producerProfiles, profiles, outbox } = deps;
    if (follows === undefined || producerProfiles === undefined) return TE.right(plan);
    if (profiles === undefined || outbox === undefined) return TE.right(plan);
    return pipe(
      notifyFollowers({ follows, producerProfiles, profiles, outbox, ids: deps.ids })(plan),
      TE.orElse(() => TE.right<AppError, number>(0)),
      TE.map(() => plan),
    );
  };

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
          TE.chain((next) => savePlanChange(deps)(actor, plan, next)),
          TE.chain(tellFollowers(deps)),
        ),
      ),
      TE.chainFirst((published) => scheduleWarmUps(deps)(published)),
    );
