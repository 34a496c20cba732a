import {
  type OwnerId,
  type Plan,
  planPublishedToReturningOwnersMessage,
  returningOwnerIds,
  withParams,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface ReturningOwnerNoticeDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

const MESSAGES_PER_ENQUEUE = 500;

/**
 * Tells the producer's previous owners (returning owners: domain returningOwnerIds) that its new
 * plan opens to them early, at `returningOwnersOpenAt`. Run by the fan-out of the trigger the
 * publish wrote in its own write; a plan with no early-access window tells nobody. One message
 * per owner, dedupe key (plan, owner).
 */
export const enqueueReturningOwnerNotices =
  (deps: ReturningOwnerNoticeDeps) =>
  (plan: Plan): TE.TaskEither<AppError, number> => {
    const opensToYouAt = plan.salesWindow.returningOwnersOpenAt;
    if (opensToYouAt === undefined) return TE.right(0);
    return pipe(
      allPages((page) => deps.plans.list({ producerId: plan.producerId }, page)),
      TE.chain((plans) =>
        pipe(
          eachInOrder(
            plans.filter((p) => p.id !== plan.id),
            (earlier) => allPages((page) => deps.ownerships.listByPlan(earlier.id, page)),
          ),
          TE.map((lists) => returningOwnerIds({ plan, plans, ownerships: lists.flat() })),
        ),
      ),
      TE.map((owners) => {
        const at = deps.clock.now();
        return [...owners].map((owner: OwnerId) =>
          withParams(
            planPublishedToReturningOwnersMessage({
              id: deps.ids.deterministic(
                "msg",
                "plan-published-to-returning-owners",
                plan.id,
                owner,
              ),
              recipientId: owner,
              at,
              plan: { id: plan.id, title: plan.title },
              opensToYouAt,
            }),
            {
              planId: plan.id,
              planTitle: plan.title,
              opensToYouAt,
              opensToAllAt: plan.salesWindow.opensAt,
            },
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
  };
