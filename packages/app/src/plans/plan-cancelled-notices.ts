import {
  type Instant,
  type OwnerId,
  type Plan,
  paymentAmounts,
  planCancelledMessage,
  withParams,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { SalesClosedNoticeDeps } from "./sales-closed-notices.ts";

export type PlanCancelledNoticeDeps = SalesClosedNoticeDeps;

const MESSAGES_PER_ENQUEUE = 500;

/**
 * Tells every owner of the cancelled plan why, and what comes back: one message per owner with
 * the card refund and the store credit returned (summed over its ownerships). Run by the fan-out
 * of the trigger the cancellation wrote in its own write (fan-out-notices.ts), possibly after the
 * refund batch has already released some ownerships: those cancelled at or after `since` (the
 * plan's cancellation) were released by it and count; ones the owner cancelled earlier do not.
 * The dedupe key (plan, owner) keeps a repeat from sending twice.
 */
export const enqueuePlanCancelledNotices =
  (deps: PlanCancelledNoticeDeps) =>
  (plan: Plan, reason: string, since: Instant = plan.updatedAt): TE.TaskEither<AppError, number> =>
    pipe(
      allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
      TE.map((ownerships) => {
        const owed = new Map<OwnerId, { refundYen: number; creditYen: number }>();
        for (const o of ownerships) {
          const held =
            o.status === "active" ||
            (o.status === "cancelled" && o.cancelledAt !== undefined && o.cancelledAt >= since);
          if (!held) continue;
          const sum = owed.get(o.ownerId) ?? { refundYen: 0, creditYen: 0 };
          owed.set(o.ownerId, {
            refundYen: sum.refundYen + paymentAmounts(o).amountYen,
            creditYen: sum.creditYen + (o.creditAppliedYen ?? 0),
          });
        }
        const at = deps.clock.now();
        return [...owed.entries()].map(([owner, money]) =>
          withParams(
            planCancelledMessage({
              id: deps.ids.deterministic("msg", "plan-cancelled", plan.id, owner),
              recipientId: owner,
              at,
              plan: { id: plan.id, title: plan.title },
              reason,
            }),
            { planId: plan.id, planTitle: plan.title, reason, ...money },
          ),
        );
      }),
      TE.chain((messages) =>
        eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) =>
          deps.outbox.enqueue(chunk),
        ),
      ),
      TE.map((results) => results.reduce((sum, r) => sum + r.enqueued, 0)),
    );
