import { isWarmAt, type Plan, warmUpWindows } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as A from "fp-ts/lib/ReadonlyArray.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { BatchInvocation, Scheduler } from "../ports/scheduler.ts";

export interface WarmUpScheduleDeps {
  /** Absent where no one-off schedules exist: nothing is warmed ahead. */
  readonly scheduler?: Scheduler;
  readonly clock: Clock;
}

/** The batch that sets the API's provisioned concurrency from the plans warm at its run. */
export const WARM_UP_BATCH = "warm-api";

type Edge = "raise" | "lower" | "recount";

/** One schedule per window edge, so publishing again replaces rather than adds. */
export const warmUpScheduleName = (planId: string, kind: string, edge: Edge): string =>
  `warm-${planId}-${kind}-${edge}`;

const edgesOf = (plan: Pick<Plan, "id" | "salesWindow">) =>
  warmUpWindows(plan).flatMap((window) => [
    { name: warmUpScheduleName(plan.id, window.kind, "raise"), at: window.from },
    { name: warmUpScheduleName(plan.id, window.kind, "lower"), at: window.to },
  ]);

/** Best effort, as offers' expiry schedules: a scheduler that is down never fails the caller. */
const eachBestEffort = <T>(
  items: readonly T[],
  act: (item: T) => TE.TaskEither<AppError, void>,
): TE.TaskEither<AppError, number> =>
  pipe(
    items,
    A.map((item) =>
      pipe(
        act(item),
        TE.map(() => 1),
        TE.orElse(() => TE.right(0)),
      ),
    ),
    TE.sequenceSeqArray,
    TE.map((done) => done.reduce((sum, n) => sum + n, 0)),
  );

/**
 * Asks for the warm-up batch at each edge of the plan's warm-up windows (a few minutes before its
 * sale and returning-owner openings, half an hour after): the batch raises the API's provisioned
 * concurrency for the crowd it expects, then lowers it. Edges already past are skipped; a window
 * already open is raised a minute from now. Returns how many schedules were made.
 */
export const scheduleWarmUps =
  (deps: WarmUpScheduleDeps) =>
  (plan: Pick<Plan, "id" | "salesWindow">): TE.TaskEither<AppError, number> => {
    const scheduler = deps.scheduler;
    if (scheduler === undefined) return TE.right(0);
    const now = Date.parse(deps.clock.now());
    const invocation: BatchInvocation = { batch: WARM_UP_BATCH, input: { planId: plan.id } };
    const edges = edgesOf(plan)
      .filter((edge) => edge.at > now || edge.name.endsWith("-raise"))
      .map((edge) => ({ ...edge, at: Math.max(edge.at, now + 60_000) }));
    // A raise whose lowering is already past has nothing left to warm.
    const live = edges.filter(
      (edge) =>
        !edge.name.endsWith("-raise") ||
        edges.some((other) => other.name === edge.name.replace(/-raise$/, "-lower")),
    );
    return eachBestEffort(live, (edge) =>
      scheduler.scheduleOnce(edge.name, new Date(edge.at).toISOString(), invocation),
    );
  };

/**
 * Removes the plan's warm-up schedules (a cancelled plan draws no crowd). Cancelled inside a
 * window, the batch runs once more in a minute: it counts warm plans only, so the level drops by
 * this plan's share. Best effort; returns how many schedules were removed.
 */
export const cancelWarmUps =
  (deps: WarmUpScheduleDeps) =>
  (plan: Pick<Plan, "id" | "salesWindow">): TE.TaskEither<AppError, number> => {
    const scheduler = deps.scheduler;
    if (scheduler === undefined) return TE.right(0);
    const now = Date.parse(deps.clock.now());
    return pipe(
      eachBestEffort(edgesOf(plan), (edge) => scheduler.cancel(edge.name)),
      TE.chainFirst(() =>
        isWarmAt(plan, now)
          ? eachBestEffort([warmUpScheduleName(plan.id, "cancelled", "recount")], (name) =>
              scheduler.scheduleOnce(name, new Date(now + 60_000).toISOString(), {
                batch: WARM_UP_BATCH,
                input: { planId: plan.id },
              }),
            )
          : TE.right(0),
      ),
    );
  };
