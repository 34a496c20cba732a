import { makeMemoryCheckpointStore, makeMemoryLeaseStore } from "@owners/adapter-memory";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { runBatchJob } from "../batch/runner.ts";
import { warmApiJob } from "../batch/warm-api-job.ts";
import { appError } from "../errors.ts";
import type { FollowerCounts } from "../ports/follower-counts.ts";
import type { ProvisionedConcurrency } from "../ports/provisioned-concurrency.ts";
import type { BatchInvocation, Scheduler } from "../ports/scheduler.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { RESERVATION_TIMES } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { cancelPlan } from "./cancel-plan.ts";
import { WARM_UP_BATCH, warmUpScheduleName } from "./warm-up-schedules.ts";

/** A scheduler keeping its one-off schedules by name, as EventBridge Scheduler does. */
const scheduleBook = () => {
  const schedules = new Map<string, { at: string; invocation: BatchInvocation }>();
  const scheduler: Scheduler = {
    scheduleRecurring: () => TE.right(undefined),
    scheduleOnce: (name, at, invocation) => {
      schedules.set(name, { at, invocation });
      return TE.right(undefined);
    },
    cancel: (name) => {
      schedules.delete(name);
      return TE.right(undefined);
    },
  };
  return { scheduler, schedules };
};

const EARLY = RESERVATION_TIMES.earlyAccess;
const OPENS = RESERVATION_TIMES.opens;
const shift = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe("warming the API before a plan's rush", () => {
  it("publishing schedules a raise a few minutes before each opening and a lowering half an hour after; cancelling removes them", async () => {
    const { scheduler, schedules } = scheduleBook();
    const kit = makeReservationKit({ scheduler });
    const plan = await kit.givenOpenPlan(
      {
        salesWindow: {
          opensAt: OPENS,
          closesAt: RESERVATION_TIMES.closes,
          returningOwnersOpenAt: EARLY,
        },
      },
      RESERVATION_TIMES.created,
    );
    const invocation = { batch: WARM_UP_BATCH, input: { planId: plan.id } };
    expect(Object.fromEntries(schedules)).toEqual({
      [warmUpScheduleName(plan.id, "returning-owners", "raise")]: {
        at: shift(EARLY, -5),
        invocation,
      },
      [warmUpScheduleName(plan.id, "returning-owners", "lower")]: {
        at: shift(EARLY, 30),
        invocation,
      },
      [warmUpScheduleName(plan.id, "sale", "raise")]: { at: shift(OPENS, -5), invocation },
      [warmUpScheduleName(plan.id, "sale", "lower")]: { at: shift(OPENS, 30), invocation },
    });

    await succeed(cancelPlan(kit.deps)(kit.producer, { planId: plan.id, reason: "hail storm" }));
    expect(schedules.size).toBe(0);
  });

  it("cancelling inside a window leaves one recount a minute later, so the level drops", async () => {
    const { scheduler, schedules } = scheduleBook();
    const kit = makeReservationKit({ scheduler });
    const plan = await kit.givenOpenPlan({}, RESERVATION_TIMES.created);
    kit.clock.set(shift(OPENS, 2));
    await succeed(cancelPlan(kit.deps)(kit.admin, { planId: plan.id, reason: "hail storm" }));
    expect([...schedules.keys()]).toEqual([warmUpScheduleName(plan.id, "cancelled", "recount")]);
    expect(schedules.get(warmUpScheduleName(plan.id, "cancelled", "recount"))?.at).toBe(
      shift(OPENS, 3),
    );
  });

  it("publishing still succeeds when the scheduler is down", async () => {
    const down: Scheduler = {
      scheduleRecurring: () => TE.right(undefined),
      scheduleOnce: () => TE.left(appError("SCHEDULER.UNAVAILABLE", "down")),
      cancel: () => TE.left(appError("SCHEDULER.UNAVAILABLE", "down")),
    };
    const kit = makeReservationKit({ scheduler: down });
    const plan = await kit.givenOpenPlan({}, RESERVATION_TIMES.created);
    expect(plan.status).toBe("open");
  });
});

describe("the warm-api batch", () => {
  const levels = () => {
    const set: (number | "cleared")[] = [];
    const concurrency: ProvisionedConcurrency = {
      set: (n) => {
        set.push(n);
        return TE.right(undefined);
      },
      clear: () => {
        set.push("cleared");
        return TE.right(undefined);
      },
    };
    return { set, concurrency };
  };
  const followers = (n: number): FollowerCounts => ({ countFor: () => TE.right(n) });

  it("raises to the warm plans' crowd (followers and line), capped by the stage, and clears after", async () => {
    const kit = makeReservationKit();
    await kit.givenOpenPlan({}, RESERVATION_TIMES.created);
    await kit.givenOpenPlan({}, RESERVATION_TIMES.created);
    const { set, concurrency } = levels();
    const stores = { checkpoints: makeMemoryCheckpointStore(), leases: makeMemoryLeaseStore() };
    const batch = (maxInstances: number) => {
      const deps = {
        ...kit.deps,
        ...stores,
        warmUp: { concurrency, followers: followers(120), maxInstances },
      };
      return runBatchJob(deps)(warmApiJob(deps));
    };
    kit.clock.set(shift(OPENS, -6));
    await succeed(batch(100));
    kit.clock.set(shift(OPENS, -4));
    await succeed(batch(100));
    kit.clock.set(shift(OPENS, 10));
    await succeed(batch(4));
    kit.clock.set(shift(OPENS, 31));
    await succeed(batch(100));
    // Nothing warm yet, then two plans of 120 followers each (3 instances each), capped, then none.
    expect(set).toEqual(["cleared", 6, 4, "cleared"]);
  });

  it("fails as unavailable where no provisioned concurrency is wired (the API process)", async () => {
    const kit = makeReservationKit();
    const deps = {
      ...kit.deps,
      checkpoints: makeMemoryCheckpointStore(),
      leases: makeMemoryLeaseStore(),
    };
    const result = await runBatchJob(deps)(warmApiJob(deps))();
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
  });
});
