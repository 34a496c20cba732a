import { isWarmAt, type Plan, provisionedLevel, warmInstancesFor } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as A from "fp-ts/lib/ReadonlyArray.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import { type AppError, appError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { FollowerCounts } from "../ports/follower-counts.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProvisionedConcurrency } from "../ports/provisioned-concurrency.ts";
import type { WaitlistStore } from "../ports/waitlist-store.ts";
import { ALL_SCOPE } from "./global-jobs.ts";
import type { BatchJob } from "./runner.ts";

/** What the warm-up batch acts on: the API's provisioned concurrency, and the stage's cap. */
export interface WarmUpPorts {
  readonly concurrency: ProvisionedConcurrency;
  readonly followers: FollowerCounts;
  /** The stage's most warm instances (stages.ts): the sum of the warm plans' is cut to it. */
  readonly maxInstances: number;
}

export interface WarmApiDeps {
  readonly plans: PlanRepository;
  readonly waitlists: WaitlistStore;
  readonly clock: Clock;
  readonly warmUp?: WarmUpPorts;
}

/** The crowd a plan can expect: its producer's followers and the owners waiting in its line. */
const expectedOwners = (deps: WarmApiDeps & { warmUp: WarmUpPorts }, plan: Plan) =>
  pipe(
    TE.Do,
    TE.apS("followers", deps.warmUp.followers.countFor(plan.producerId)),
    TE.apS(
      "waiting",
      pipe(
        deps.waitlists.load(plan.id, deps.clock.now()),
        TE.map((state) => state.waitlist.entries.length),
      ),
    ),
    TE.map(({ followers, waiting }) => followers + waiting),
  );

/**
 * Sets the API's provisioned concurrency for the plans warm now (open plans inside a warm-up
 * window): each plan's crowd sized from its followers and waiting line, summed and capped; none
 * warm clears it. Scheduled at every window's edges (warm-up-schedules.ts), it recounts every
 * time, so overlapping rushes add up and the last one's end lowers to what is left. One chunk.
 */
export const warmApiJob = (deps: WarmApiDeps): BatchJob => ({
  batch: "warm-api",
  scope: ALL_SCOPE,
  step: () => {
    const warmUp = deps.warmUp;
    if (warmUp === undefined)
      return TE.left<AppError>(
        appError("STORE.UNAVAILABLE", "provisioned concurrency is only set by the batch Lambda"),
      );
    const now = Date.parse(deps.clock.now());
    return pipe(
      allPages((page) => deps.plans.list({ status: "open" }, page)),
      TE.map((plans) => plans.filter((plan) => isWarmAt(plan, now))),
      TE.chain((warm) =>
        pipe(
          warm,
          A.map((plan) => expectedOwners({ ...deps, warmUp }, plan)),
          TE.sequenceSeqArray,
          TE.map((crowds) => ({
            plans: warm.length,
            level: provisionedLevel(crowds.map(warmInstancesFor), warmUp.maxInstances),
          })),
        ),
      ),
      TE.chainFirst(({ level }) =>
        level > 0 ? warmUp.concurrency.set(level) : warmUp.concurrency.clear(),
      ),
      TE.map(({ plans, level }) => ({
        counts: { warmPlans: plans, provisionedInstances: level },
        done: true,
      })),
    );
  },
});
