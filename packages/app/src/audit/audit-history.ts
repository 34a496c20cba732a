import { AUDIT_SUBJECT_TYPES, type AuditEntry, type Instant, type PlanId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden, isProducerOf, requireAdmin, requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import { loadOwnership, loadPlan } from "../loading.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { AuditIndex, AuditLog } from "../ports/ledger-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface AuditReadDeps {
  readonly audit: AuditLog;
  readonly ownerships: OwnershipStore;
  readonly plans: PlanRepository;
}

/**
 * An ownership's history (every entry about it, oldest first): read by its owner, the plan's
 * producer and admins. Another owner is AUTH.FORBIDDEN, like anyone else.
 */
export const ownershipHistory =
  (deps: AuditReadDeps) =>
  (actor: Actor, ownershipId: string): TE.TaskEither<AppError, readonly AuditEntry[]> =>
    pipe(
      loadOwnership(deps.ownerships, ownershipId),
      TE.chain((ownership) => {
        if (actor.role === "admin") return TE.right(ownership);
        if (actor.role === "owner" && ownership.ownerId === actor.id) return TE.right(ownership);
        return pipe(
          loadPlan(deps.plans, ownership.planId),
          TE.chain((plan) =>
            isProducerOf(actor, plan)
              ? TE.right(ownership)
              : TE.left(forbidden("only its owner, the plan's producer and admins", actor)),
          ),
        );
      }),
      TE.chain((ownership) => deps.audit.listBySubject("ownership", ownership.id)),
    );

/** A plan's history, a page at a time, oldest first: its producer and admins. */
export const planHistory =
  (deps: AuditReadDeps) =>
  (actor: Actor, planId: string, page: PageRequest): TE.TaskEither<AppError, Page<AuditEntry>> =>
    pipe(
      loadPlan(deps.plans, planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.chain((plan) => deps.audit.search({ index: { by: "plan", planId: plan.id } }, page)),
    );

/** What an admin's audit search can name as its subject: every kind of subject an entry has. */
export const SEARCHABLE_AUDIT_SUBJECTS = AUDIT_SUBJECT_TYPES;

export interface AuditSearch {
  readonly subjectType?: AuditEntry["subject"]["type"];
  readonly subjectId?: string;
  readonly actorId?: string;
  readonly from?: Instant;
  readonly to?: Instant;
  readonly planId?: PlanId;
}

/**
 * Which index answers a search: the subject's when one is named (the actor then filters), the
 * actor's otherwise. Neither: AUDIT.QUERY_INVALID (a search of everything would be a Scan).
 */
export const auditIndexFor = (search: AuditSearch): TE.TaskEither<AppError, AuditIndex> => {
  if (search.subjectType !== undefined && search.subjectId !== undefined)
    return TE.right({
      by: "subject",
      subjectType: search.subjectType,
      subjectId: search.subjectId,
    });
  if (search.subjectType !== undefined || search.subjectId !== undefined)
    return TE.left(
      appError("AUDIT.QUERY_INVALID", "subjectType and subjectId go together", {
        field: search.subjectType === undefined ? "subjectType" : "subjectId",
      }),
    );
  if (search.actorId !== undefined) return TE.right({ by: "actor", actorId: search.actorId });
  if (search.planId !== undefined) return TE.right({ by: "plan", planId: search.planId });
  return TE.left(
    appError("AUDIT.QUERY_INVALID", "name a subject (subjectType and subjectId) or an actorId", {
      field: "subjectId",
    }),
  );
};

/** The admins' audit search: by subject, actor or plan, within a time range; one Query a page. */
export const searchAudit =
  (deps: Pick<AuditReadDeps, "audit">) =>
  (
    actor: Actor,
    search: AuditSearch,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<AuditEntry>> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => auditIndexFor(search)),
      TE.chain((index) =>
        deps.audit.search(
          {
            index,
            ...(index.by !== "actor" && search.actorId !== undefined
              ? { actorId: search.actorId }
              : {}),
            ...(search.from !== undefined ? { from: search.from } : {}),
            ...(search.to !== undefined ? { to: search.to } : {}),
          },
          page,
        ),
      ),
    );
