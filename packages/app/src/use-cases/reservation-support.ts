import {
  type AuditActor,
  type AuditEntry,
  type AuditHead,
  auditEntryId,
  type DomainError,
  domainError,
  type Instant,
  type LedgerContext,
  type LedgerReason,
  ledgerEntryId,
  moneyMoved,
  type OwnerId,
  type Ownership,
  type OwnershipId,
  type Plan,
  type PlanId,
  type Yen,
} from "@owners/domain";
import type * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type Actor, SYSTEM_ACTOR } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import { storeErrors } from "../store-errors.ts";

/** A domain decision as a use-case step. */
export const decided = <A>(result: E.Either<DomainError, A>): TE.TaskEither<AppError, A> =>
  TE.fromEither(result);

export const forbidden = (message: string, actor: Actor): AppError =>
  appError("AUTH.FORBIDDEN", message, { actorId: actor.id, role: actor.role });

/** Only signed-in owners buy, cancel and wait in line. */
export const requireOwnerActor = (actor: Actor): TE.TaskEither<AppError, OwnerId> =>
  actor.role === "owner"
    ? TE.right(actor.id as OwnerId)
    : TE.left(forbidden("only owners may do this", actor));

/** Only the platform (its batches and admins). */
export const requireAdmin = (actor: Actor): TE.TaskEither<AppError, Actor> =>
  actor.role === "admin"
    ? TE.right(actor)
    : TE.left(forbidden("only the platform may do this", actor));

/** The plan's own producer, or an admin when `adminToo`: PLAN.NOT_PRODUCER / AUTH.FORBIDDEN otherwise. */
export const requireManager = (
  actor: Actor,
  plan: Plan,
  adminToo: boolean,
): TE.TaskEither<AppError, Plan> => {
  if (actor.role === "admin" && adminToo) return TE.right(plan);
  if (actor.role !== "producer")
    return TE.left(forbidden("only the plan's producer may do this", actor));
  return actor.id === plan.producerId
    ? TE.right(plan)
    : TE.left(
        domainError("PLAN.NOT_PRODUCER", "only the plan's producer may do this", {
          planId: plan.id,
        }),
      );
};

/** Drafts are private to their producer (and admins); anyone else is told there is no such plan. */
export const canSee = (actor: Actor, plan: Plan): boolean =>
  plan.status !== "draft" ||
  actor.role === "admin" ||
  (actor.role === "producer" && actor.id === plan.producerId);

export const loadPlan = (plans: PlanRepository, planId: string): TE.TaskEither<AppError, Plan> =>
  pipe(
    plans.get(planId as PlanId),
    TE.chain(
      O.match(
        (): TE.TaskEither<AppError, Plan> => TE.left(storeErrors.planNotFound(planId)),
        TE.right,
      ),
    ),
  );

export const loadVisiblePlan = (
  plans: PlanRepository,
  actor: Actor,
  planId: string,
): TE.TaskEither<AppError, Plan> =>
  pipe(
    loadPlan(plans, planId),
    TE.chain((plan) =>
      canSee(actor, plan) ? TE.right(plan) : TE.left(storeErrors.planNotFound(planId)),
    ),
  );

export const loadOwnership = (
  ownerships: OwnershipStore,
  id: string,
): TE.TaskEither<AppError, Ownership> =>
  pipe(
    ownerships.get(id as OwnershipId),
    TE.chain(
      O.match(
        (): TE.TaskEither<AppError, Ownership> => TE.left(storeErrors.ownershipNotFound(id)),
        TE.right,
      ),
    ),
  );

/** Who an audit entry names: the batches act as the platform's system actor. */
export const auditActorOf = (actor: Actor): AuditActor =>
  actor.id === SYSTEM_ACTOR.id && actor.role === "admin"
    ? { id: actor.id, role: "system" }
    : { id: actor.id, role: actor.role };

/** An audit head whose id is derived from what it records, so a retried write repeats, not adds. */
export const auditHead = (
  ids: IdGenerator,
  actor: Actor,
  at: Instant,
  ...parts: string[]
): AuditHead => ({
  id: auditEntryId(ids.deterministic("aud", ...parts)),
  at,
  actor: auditActorOf(actor),
});

/** Ledger entries of one money event on one ownership, named after (ownership, reason, kind). */
export const ledgerContext = (
  ids: IdGenerator,
  ownership: Pick<Ownership, "id" | "planId">,
  at: Instant,
  actor: Actor,
  reason: LedgerReason,
): LedgerContext => ({
  planId: ownership.planId,
  ownershipId: ownership.id,
  at,
  actor: actor.id,
  entryId: (kind) => ledgerEntryId(ids.deterministic("led", ownership.id, reason, kind)),
});

export const moneyAudit = (
  head: AuditHead,
  action: "money.charged" | "money.refunded",
  ownership: Pick<Ownership, "id" | "planId">,
  amountYen: Yen,
): AuditEntry =>
  moneyMoved(head, {
    action,
    subject: { type: "ownership", id: ownership.id },
    planId: ownership.planId,
    amountYen,
  });

// Shared by every use case that writes under optimistic locking; re-exported for their one import.
export { retryOnConflict } from "../conflict-retry.ts";
