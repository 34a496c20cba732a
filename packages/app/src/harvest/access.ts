import type { OwnerId, Plan, PlanId, PlanStatus } from "@owners/domain";
import { domainError } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

/** The plan, or PLAN.NOT_FOUND. */
export const loadPlan = (plans: PlanRepository, planId: PlanId): TE.TaskEither<AppError, Plan> =>
  pipe(
    plans.get(planId),
    TE.chain(
      O.match(
        () => TE.left<AppError, Plan>(appError("PLAN.NOT_FOUND", "no such plan", { planId })),
        (plan) => TE.right(plan),
      ),
    ),
  );

export const isProducerOf = (actor: Actor | undefined, plan: Pick<Plan, "producerId">) =>
  actor !== undefined && actor.role === "producer" && actor.id === plan.producerId;

/** Only the plan's own producer: PLAN.NOT_PRODUCER otherwise. */
export const requireProducerOf = (actor: Actor, plan: Plan): TE.TaskEither<AppError, Plan> =>
  isProducerOf(actor, plan)
    ? TE.right(plan)
    : TE.left(
        domainError("PLAN.NOT_PRODUCER", "only the plan's producer may do this", {
          planId: plan.id,
        }),
      );

/**
 * Who reads a plan's season records (allocations, shipments): its producer sees every one, an
 * owner its own (none, if it holds no shares: that reveals nothing); anyone else AUTH.FORBIDDEN.
 */
export const seasonReader = (
  actor: Actor,
  plan: Plan,
  records: string,
): TE.TaskEither<AppError, { readonly producer: true } | { readonly owner: OwnerId }> => {
  if (isProducerOf(actor, plan)) return TE.right({ producer: true });
  if (actor.role === "owner") return TE.right({ owner: actor.id as OwnerId });
  return TE.left(
    appError("AUTH.FORBIDDEN", `only the plan's producer and its owners see ${records}`, {
      planId: plan.id,
    }),
  );
};

/** The plan's producer or a batch acting as the system (admin role). */
export const requireProducerOrSystem = (actor: Actor, plan: Plan): TE.TaskEither<AppError, Plan> =>
  actor.role === "admin" ? TE.right(plan) : requireProducerOf(actor, plan);

/** Batches only (the scheduler acts as an admin). */
export const requireSystem = (actor: Actor): TE.TaskEither<AppError, Actor> =>
  actor.role === "admin"
    ? TE.right(actor)
    : TE.left(
        appError("AUTH.FORBIDDEN", "only the platform's batches may do this", {
          actorId: actor.id,
        }),
      );

/** A signed-in owner. */
export const requireOwner = (actor: Actor): TE.TaskEither<AppError, OwnerId> =>
  actor.role === "owner"
    ? TE.right(actor.id as OwnerId)
    : TE.left(appError("AUTH.FORBIDDEN", "only owners may do this", { actorId: actor.id }));

/** The plan is in one of `statuses`: PLAN.WRONG_STATUS otherwise. */
export const requireStatus = (
  plan: Plan,
  statuses: readonly PlanStatus[],
  doing: string,
): TE.TaskEither<AppError, Plan> =>
  statuses.includes(plan.status)
    ? TE.right(plan)
    : TE.left(
        appError("PLAN.WRONG_STATUS", `cannot ${doing} while the plan is ${plan.status}`, {
          planId: plan.id,
          status: plan.status,
          allowed: statuses,
        }),
      );

/** Whether the actor is an owner holding active shares of the plan. */
export const isActiveOwnerOf = (
  ownerships: OwnershipStore,
  actor: Actor | undefined,
  planId: PlanId,
): TE.TaskEither<AppError, boolean> =>
  actor === undefined || actor.role !== "owner"
    ? TE.right(false)
    : pipe(
        ownerships.ownerActiveShares(planId, actor.id as OwnerId),
        TE.map((shares) => shares > 0),
      );
