import type { OwnerId, Plan, PlanId, PlanStatus } from "@owners/domain";
import { domainError } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "./actor.ts";
import { type AppError, appError } from "./errors.ts";
import type { OwnershipStore } from "./ports/ownership-store.ts";

/** Who may do what: the checks every area's use cases make on the actor, in one place. */

export const forbidden = (message: string, actor: Actor): AppError =>
  appError("AUTH.FORBIDDEN", message, { actorId: actor.id, role: actor.role });

/** A signed-in owner (owners buy, cancel, wait in line, book and keep addresses). */
export const requireOwner = (actor: Actor): TE.TaskEither<AppError, OwnerId> =>
  actor.role === "owner"
    ? TE.right(actor.id as OwnerId)
    : TE.left(forbidden("only owners may do this", actor));

/** The platform: its batches (the scheduler acts as an admin) and admins. */
export const requireAdmin = (actor: Actor): TE.TaskEither<AppError, Actor> =>
  actor.role === "admin"
    ? TE.right(actor)
    : TE.left(forbidden("only the platform may do this", actor));

export const isProducerOf = (actor: Actor | undefined, plan: Pick<Plan, "producerId">) =>
  actor !== undefined && actor.role === "producer" && actor.id === plan.producerId;

/**
 * Only the plan's own producer: AUTH.FORBIDDEN for anyone who is not a producer,
 * PLAN.NOT_PRODUCER for another producer.
 */
export const requireProducerOf = (actor: Actor, plan: Plan): TE.TaskEither<AppError, Plan> => {
  if (isProducerOf(actor, plan)) return TE.right(plan);
  return actor.role === "producer"
    ? TE.left(
        domainError("PLAN.NOT_PRODUCER", "only the plan's producer may do this", {
          planId: plan.id,
        }),
      )
    : TE.left(forbidden("only the plan's producer may do this", actor));
};

/** The plan's own producer or the platform (an admin, or a batch acting as one). */
export const requireProducerOrAdmin = (actor: Actor, plan: Plan): TE.TaskEither<AppError, Plan> =>
  actor.role === "admin" ? TE.right(plan) : requireProducerOf(actor, plan);

/** Drafts are private to their producer (and admins); anyone else is told there is no such plan. */
export const canSee = (actor: Actor, plan: Plan): boolean =>
  plan.status !== "draft" || actor.role === "admin" || isProducerOf(actor, plan);

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
