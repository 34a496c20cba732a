import { type OwnerId, type Plan, planCancelledMessage } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { SalesClosedNoticeDeps } from "./sales-closed-notices.ts";

export type PlanCancelledNoticeDeps = SalesClosedNoticeDeps;

const MESSAGES_PER_ENQUEUE = 500;

/**
 * Tells every owner still holding shares of the plan that it is cancelled, and why. Called before
 * the refunds (which end those ownerships): a cancellation retried after a crash finds the owners
 * refunded so far no longer active, but their messages were enqueued on the first attempt, and
 * the dedupe key (plan, owner) keeps a repeat, with whatever reason, from sending twice.
 */
export const enqueuePlanCancelledNotices =
  (deps: PlanCancelledNoticeDeps) =>
  (plan: Plan, reason: string): TE.TaskEither<AppError, number> =>
    pipe(
      allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
      TE.map((ownerships) => {
        const owners = new Set<OwnerId>(
          ownerships.filter((o) => o.status === "active").map((o) => o.ownerId),
        );
        const at = deps.clock.now();
        return [...owners].map((owner) =>
          planCancelledMessage({
            id: deps.ids.deterministic("msg", "plan-cancelled", plan.id, owner),
            recipientId: owner,
            at,
            plan: { id: plan.id, title: plan.title },
            reason,
          }),
        );
      }),
      TE.chain((messages) =>
        eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) =>
          deps.outbox.enqueue(chunk),
        ),
      ),
      TE.map((results) => results.reduce((sum, r) => sum + r.enqueued, 0)),
    );
