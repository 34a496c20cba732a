import { type PlanStatus, refundSubjectOf } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { type PlanReconciliationDeps, reconcilePlan } from "../payments/plan-reconciliation.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { type FinishRefundDeps, finishRefundIntent } from "../reservations/finish-refund-intent.ts";
import { ALL_SCOPE } from "./global-jobs.ts";
import type { BatchJob, BatchProblem, ChunkOutcome } from "./runner.ts";

/**
 * Ends the holds of ownerships still pending_payment past their time, asking the processor
 * first (`expireUnpaidHolds`): up to `limit` a call, `more` when some are left.
 */
export type ExpireUnpaidHolds = (
  actor: Actor,
  input: { readonly limit: number },
) => TE.TaskEither<AppError, { readonly expired: number; readonly more: boolean }>;

export type ReconcilePaymentsDeps = PlanReconciliationDeps &
  FinishRefundDeps & {
    readonly plans: PlanRepository;
    readonly expireUnpaidHolds: ExpireUnpaidHolds;
  };

/** Plans that may have money, in the order the plans phase sweeps them. */
const MONEY_STATUSES: readonly PlanStatus[] = [
  "open",
  "closed",
  "allocated",
  "shipped",
  "completed",
  "cancelled",
];

type Position =
  | { readonly phase: "holds" }
  | { readonly phase: "refunds"; readonly after?: string }
  | { readonly phase: "plans"; readonly s: number; readonly c?: string };

const readPosition = (cursor: string | undefined): Position => {
  if (cursor === undefined) return { phase: "holds" };
  try {
    const p = JSON.parse(cursor) as Record<string, unknown>;
    if (p.phase === "refunds")
      return typeof p.after === "string"
        ? { phase: "refunds", after: p.after }
        : { phase: "refunds" };
    if (p.phase === "plans" && typeof p.s === "number")
      return typeof p.c === "string"
        ? { phase: "plans", s: p.s, c: p.c }
        : { phase: "plans", s: p.s };
    return { phase: "holds" };
  } catch {
    return { phase: "holds" };
  }
};

const outcome = (
  counts: Record<string, number>,
  next: Position | undefined,
  problems: readonly BatchProblem[] = [],
): ChunkOutcome => ({
  counts,
  done: next === undefined,
  ...(next === undefined ? {} : { cursor: JSON.stringify(next) }),
  ...(problems.length === 0 ? {} : { problems }),
});

/**
 * `reconcile-payments` (hourly), in three resumable phases: (1) holds past their time are asked
 * about and ended (expireUnpaidHolds); (2) refund intents still open (a crash between the
 * release's commit and the processor call, an outage, a decline) are finished, each under its
 * key, so none is lost and none is paid twice, and the ones declined again are reported; (3)
 * every plan that may have money is compared with the processor's totals: a mismatch is stored
 * for GET /admin/reconciliation and counted (`planMismatches`, which the batch's log line
 * carries for the CloudWatch metric filter) and reported as a problem.
 */
export const reconcilePaymentsJob = (
  deps: ReconcilePaymentsDeps,
  actor: Actor,
  size: number,
): BatchJob => ({
  batch: "reconcile-payments",
  scope: ALL_SCOPE,
  step:
    ({ cursor }) =>
    async () => {
      const position = readPosition(cursor);
      if (position.phase === "holds") {
        const holds = await deps.expireUnpaidHolds(actor, { limit: size })();
        if (E.isLeft(holds)) return holds;
        return E.right(
          outcome(
            { holdsExpired: holds.right.expired },
            holds.right.more ? { phase: "holds" } : { phase: "refunds" },
          ),
        );
      }
      if (position.phase === "refunds") {
        const open = await deps.refundIntents.listOpen(size, position.after)();
        if (E.isLeft(open)) return open;
        const counts = { refundsSucceeded: 0, refundsPending: 0, refundsFailed: 0 };
        const problems: BatchProblem[] = [];
        for (const intent of open.right) {
          const done = await finishRefundIntent(deps)(intent)();
          if (E.isLeft(done)) return done;
          if (done.right.state === "succeeded") counts.refundsSucceeded += 1;
          else if (done.right.state === "pending") counts.refundsPending += 1;
          else {
            counts.refundsFailed += 1;
            problems.push({
              item: refundSubjectOf(intent),
              code: "PAYMENT.DECLINED",
              message: `refund of ${intent.amountYen} yen declined ${done.right.declines} time(s)`,
            });
          }
        }
        const last = open.right.at(-1);
        const next: Position =
          open.right.length < size || last === undefined
            ? { phase: "plans", s: 0 }
            : { phase: "refunds", after: last.id };
        return E.right(outcome(counts, next, problems));
      }
      const status = MONEY_STATUSES[position.s];
      if (status === undefined) return E.right(outcome({}, undefined));
      const page = await deps.plans.list(
        { status },
        position.c === undefined ? { limit: size } : { limit: size, cursor: position.c },
      )();
      if (E.isLeft(page)) return page;
      const counts = { plansReconciled: 0, planMismatches: 0 };
      const problems: BatchProblem[] = [];
      for (const plan of page.right.items) {
        const result = await reconcilePlan(deps)(plan)();
        if (E.isLeft(result)) return result;
        if (result.right.kind === "no-money") continue;
        counts.plansReconciled += 1;
        if (result.right.kind === "mismatched") {
          counts.planMismatches += 1;
          problems.push({
            item: plan.id,
            code: "RECONCILIATION.MISMATCH",
            message: "the ledger and the processor disagree on this plan's money",
          });
        }
      }
      const next: Position | undefined =
        page.right.nextCursor !== undefined
          ? { phase: "plans", s: position.s, c: page.right.nextCursor }
          : position.s + 1 < MONEY_STATUSES.length
            ? { phase: "plans", s: position.s + 1 }
            : undefined;
      return E.right(outcome(counts, next, problems));
    },
});
