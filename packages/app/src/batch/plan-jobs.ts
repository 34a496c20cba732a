import {
  harvestIsFinal,
  japanDayOf,
  type Plan,
  type PlanId,
  type PlanStatus,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, errorKindOf } from "../errors.ts";
import { type AllocateHarvestsDeps, allocateHarvests } from "../harvest/allocate-harvests.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { type ScheduleShipmentsDeps, scheduleShipments } from "../shipping/schedule-shipments.ts";
import { unshippedUnits } from "../shipping/unshipped-units.ts";
import type { BatchCheckpoint, CheckpointStore } from "./checkpoint-store.ts";
import { ALL_SCOPE } from "./global-jobs.ts";
import {
  addCounts,
  type BatchJob,
  type BatchProblem,
  type BatchRunnerDeps,
  type ChunkContext,
  runBatchJob,
} from "./runner.ts";

/** A batch done plan by plan (allocation, shipping). */
export interface PlanWork {
  readonly batch: string;
  /** The statuses of the plans it may have work on, swept in this order. */
  readonly statuses: readonly PlanStatus[];
  /** Whether the plan has anything to do, from cheap reads; `lastRun` is its last run's checkpoint. */
  hasWork(plan: Plan, lastRun: O.Option<BatchCheckpoint>): TE.TaskEither<AppError, boolean>;
  /** Does the plan's work (idempotent: the use cases resume from their own marks) and counts it. */
  run(planId: PlanId): TE.TaskEither<AppError, Record<string, number>>;
}

/** One plan's work as a one-chunk job over the plan: `--plan`, and each plan of a sweep. */
export const planJob = (work: PlanWork, planId: string): BatchJob => ({
  batch: work.batch,
  scope: planId,
  step: () =>
    pipe(
      work.run(planId as PlanId),
      TE.map((counts) => ({ counts, done: true })),
    ),
});

interface SweepPosition {
  /** Index in `statuses`. */
  readonly s: number;
  /** The plan list's cursor within that status. */
  readonly c?: string;
}

const readPosition = (cursor: string | undefined): SweepPosition => {
  if (cursor === undefined) return { s: 0 };
  try {
    const parsed = JSON.parse(cursor) as Partial<SweepPosition>;
    return typeof parsed.s === "number"
      ? { s: parsed.s, ...(typeof parsed.c === "string" ? { c: parsed.c } : {}) }
      : { s: 0 };
  } catch {
    return { s: 0 };
  }
};

export interface PlanSweepDeps extends BatchRunnerDeps {
  readonly plans: PlanRepository;
}

type PlanOutcome =
  | { readonly kind: "ran"; readonly counts: Readonly<Record<string, number>> }
  | { readonly kind: "skipped" | "busy" }
  | { readonly kind: "failed"; readonly problem: BatchProblem };

/**
 * One plan of a sweep: skipped when it has nothing to do, else run as its own job under its own
 * lease (so a `--plan` run of the same plan and the sweep never both write it). Lost
 * infrastructure fails the chunk (the next invocation runs it again); any other failure is this
 * plan's problem and the sweep goes on.
 */
const sweepPlan = (
  deps: PlanSweepDeps,
  work: PlanWork,
  plan: Plan,
  run: Pick<ChunkContext, "owner" | "leaseMs">,
): TE.TaskEither<AppError, PlanOutcome> =>
  pipe(
    deps.checkpoints.get(work.batch, plan.id),
    TE.chain((lastRun) =>
      O.exists((c: BatchCheckpoint) => c.status === "running")(lastRun)
        ? TE.right(true)
        : work.hasWork(plan, lastRun),
    ),
    TE.chain((needed): TE.TaskEither<AppError, PlanOutcome> => {
      if (!needed) return TE.right({ kind: "skipped" });
      return pipe(
        TE.fromTask(runBatchJob(deps)(planJob(work, plan.id), run)),
        TE.chain(
          E.match(
            (error): TE.TaskEither<AppError, PlanOutcome> => {
              if (error._tag === "BATCH.LEASE_HELD") return TE.right({ kind: "busy" });
              if (errorKindOf(error) === "unavailable") return TE.left(error);
              return TE.right({
                kind: "failed",
                problem: { item: plan.id, code: error._tag, message: error.message },
              });
            },
            (report) => TE.right({ kind: "ran", counts: report.counts }),
          ),
        ),
      );
    }),
  );

const countOutcomes = (outcomes: readonly PlanOutcome[]): Record<string, number> =>
  outcomes.reduce<Record<string, number>>(
    (sum, outcome) =>
      outcome.kind === "ran"
        ? addCounts(sum, outcome.counts)
        : addCounts(sum, {
            [{ skipped: "plansSkipped", busy: "plansBusy", failed: "plansFailed" }[outcome.kind]]:
              1,
          }),
    {},
  );

/**
 * Every plan in `work.statuses` that has work, `plansPerChunk` listed plans a chunk. The cursor is
 * the status being swept and the plan list's own cursor in it (a key, so plans that changed status
 * meanwhile neither repeat nor shift the rest). A cursor the list no longer accepts (its signing
 * secret changed) restarts that status: every plan's work is idempotent.
 */
export const planSweepJob = (
  deps: PlanSweepDeps,
  work: PlanWork,
  plansPerChunk: number,
): BatchJob => ({
  batch: work.batch,
  scope: ALL_SCOPE,
  step:
    ({ cursor, owner, leaseMs }) =>
    async () => {
      const position = readPosition(cursor);
      const status = work.statuses[position.s];
      if (status === undefined) return E.right({ counts: {}, done: true });
      const list = (start: string | undefined) =>
        deps.plans.list(
          { status },
          start === undefined ? { limit: plansPerChunk } : { limit: plansPerChunk, cursor: start },
        )();
      let page = await list(position.c);
      if (E.isLeft(page) && page.left._tag === "PAGINATION.INVALID_CURSOR")
        page = await list(undefined);
      if (E.isLeft(page)) return page;
      const outcomes: PlanOutcome[] = [];
      for (const plan of page.right.items) {
        const outcome = await sweepPlan(deps, work, plan, { owner, leaseMs })();
        if (E.isLeft(outcome)) return outcome;
        outcomes.push(outcome.right);
      }
      const next: SweepPosition =
        page.right.nextCursor === undefined
          ? { s: position.s + 1 }
          : { s: position.s, c: page.right.nextCursor };
      return E.right({
        counts: countOutcomes(outcomes),
        cursor: JSON.stringify(next),
        done: next.s >= work.statuses.length,
        problems: outcomes.flatMap((o) => (o.kind === "failed" ? [o.problem] : [])),
      });
    },
});

const lotsAndMarks = (
  listLots: TE.TaskEither<AppError, readonly { readonly id: string }[]>,
  listMarked: TE.TaskEither<AppError, readonly string[]>,
) =>
  pipe(
    TE.Do,
    TE.apS("lots", listLots),
    TE.apS("marked", listMarked),
    TE.map(({ lots, marked }) => ({
      lots: lots.length,
      pending: lots.filter((lot) => !marked.includes(lot.id)).length,
    })),
  );

/**
 * Allocation: closed plans with a lot recorded, allocated plans with a lot not yet allocated or
 * whose last run left refunds the gateway declined (each run retries those), and any plan with
 * lots whose harvest is final (declared, or its delivery window over) but not settled yet.
 */
export const allocationWork = (
  deps: AllocateHarvestsDeps & { readonly checkpoints: CheckpointStore },
  actor: Actor,
): PlanWork => ({
  batch: "allocate-harvests",
  statuses: ["closed", "allocated", "shipped"],
  hasWork: (plan, lastRun) =>
    pipe(
      lotsAndMarks(deps.harvests.listByPlan(plan.id), deps.allocations.allocatedLotIds(plan.id)),
      TE.map(
        ({ lots, pending }) =>
          (plan.status === "closed" && lots > 0) ||
          pending > 0 ||
          (lots > 0 &&
            plan.shortfallSettledAt === undefined &&
            harvestIsFinal(plan, japanDayOf(deps.clock.now()))) ||
          O.exists((c: BatchCheckpoint) => (c.counts.refundFailures ?? 0) > 0)(lastRun),
      ),
    ),
  run: (planId) =>
    pipe(
      allocateHarvests(deps)(actor, { planId }),
      TE.map(
        (report): Record<string, number> => ({
          plansAllocated: 1,
          lotsAllocated: report.lotsAllocated.length,
          compensationsWritten: report.compensationsWritten,
          refundsPaid: report.refundsPaid,
          refundYenPaid: report.refundYenPaid,
          refundFailures: report.refundFailures.length,
          summariesWritten: report.summariesWritten,
          messagesEnqueued: report.messagesEnqueued,
        }),
      ),
      // Not a failure: the plan waits for its open holds, and the next run tries again.
      TE.orElse((error) =>
        error._tag === "HARVEST.PAYMENTS_PENDING"
          ? TE.right({ plansWaitingForPayments: 1 })
          : TE.left(error),
      ),
    ),
});

/**
 * Shipping: allocated plans with an allocated lot not yet scheduled, or with units that waited for
 * their owner's address and may still ship (scheduled once the address is there).
 */
export const shipmentWork = (deps: ScheduleShipmentsDeps, actor: Actor): PlanWork => ({
  batch: "schedule-shipments",
  statuses: ["allocated"],
  hasWork: (plan) =>
    pipe(
      lotsAndMarks(
        pipe(
          deps.allocations.allocatedLotIds(plan.id),
          TE.map((ids) => ids.map((id) => ({ id }))),
        ),
        deps.shipments.scheduledLotIds(plan.id),
      ),
      TE.chain(({ pending }) =>
        pending > 0
          ? TE.right(true)
          : pipe(
              unshippedUnits(deps)(plan, japanDayOf(deps.clock.now())),
              TE.map((unshipped) => unshipped.reschedulable.length > 0),
            ),
      ),
    ),
  run: (planId) =>
    pipe(
      scheduleShipments(deps)(actor, { planId }),
      TE.map((report) =>
        report.lots.reduce<Record<string, number>>(
          (sum, lot) =>
            addCounts(sum, {
              lotsScheduled: 1,
              shipments: lot.shipments,
              parcels: lot.parcels,
              boxes: lot.boxes,
              unshippedUnits: Object.values(lot.unshippedUnits).reduce((a, b) => a + (b ?? 0), 0),
            }),
          {
            plansScheduled: 1,
            messagesEnqueued: report.messagesEnqueued,
            ...report.rescheduled.reduce<Record<string, number>>(
              (sum, lot) =>
                addCounts(sum, {
                  shipmentsRescheduled: lot.shipments,
                  parcels: lot.parcels,
                  boxes: lot.boxes,
                }),
              {},
            ),
          },
        ),
      ),
    ),
});
