import * as E from "fp-ts/lib/Either.js";
import { type AuditEntry, type AuditHead, auditEntry } from "../money/audit.ts";
import { touchPlan } from "../plans/lifecycle.ts";
import type { Plan, PlanStatus } from "../plans/plan.ts";
import { type DomainError, domainError, fail } from "../shared/errors.ts";
import type { Instant, LocalDate } from "../shared/time.ts";

/** The plans whose harvest can be declared complete: sales are over and nothing was cancelled. */
export const HARVEST_COMPLETABLE: readonly PlanStatus[] = ["closed", "allocated", "shipped"];

/** The delivery window is over once its last day (a day in Japan) has passed. */
export const deliveryWindowEnded = (plan: Pick<Plan, "deliveryWindow">, today: LocalDate) =>
  today > plan.deliveryWindow.to;

/**
 * The harvest is final when its producer said so, or when the delivery window has ended (no lot
 * is expected after it). Only then is a shortfall settled: from the lots so far it is not known.
 */
export const harvestIsFinal = (
  plan: Pick<Plan, "harvestCompletedAt" | "deliveryWindow">,
  today: LocalDate,
) => plan.harvestCompletedAt !== undefined || deliveryWindowEnded(plan, today);

/**
 * Declares the harvest complete at `now`. Idempotent: a plan already complete comes back as it
 * is (`changed` false), keeping the first instant. Only a plan past its sales and not cancelled.
 */
export const completeHarvest = (
  plan: Plan,
  now: Instant,
): E.Either<DomainError<"HARVEST.NOT_ALLOCATABLE">, { plan: Plan; changed: boolean }> => {
  if (plan.harvestCompletedAt !== undefined) return E.right({ plan, changed: false });
  if (!HARVEST_COMPLETABLE.includes(plan.status))
    return fail(
      "HARVEST.NOT_ALLOCATABLE",
      `the harvest of a ${plan.status} plan cannot be complete`,
      {
        planId: plan.id,
        status: plan.status,
      },
    );
  return E.right({ plan: touchPlan(plan, { harvestCompletedAt: now }, now), changed: true });
};

/** The shortfall of the final allocation is settled (every compensation written and paid). */
export const markShortfallSettled = (plan: Plan, now: Instant): Plan =>
  plan.shortfallSettledAt !== undefined ? plan : touchPlan(plan, { shortfallSettledAt: now }, now);

/** A lot refused because its plan's harvest was declared complete (the use case's, the stores'). */
export const harvestCompleteError = (
  planId: string,
  harvestCompletedAt: string | undefined,
): DomainError<"HARVEST.COMPLETE"> =>
  domainError("HARVEST.COMPLETE", "the harvest was declared complete: no lot can be added", {
    planId,
    harvestCompletedAt,
  });

/** Lots are refused once the harvest is complete: the settlement is computed from the last one. */
export const checkHarvestOpen = (
  plan: Pick<Plan, "id" | "harvestCompletedAt">,
): E.Either<DomainError<"HARVEST.COMPLETE">, void> =>
  plan.harvestCompletedAt === undefined
    ? E.right(undefined)
    : E.left(harvestCompleteError(plan.id, plan.harvestCompletedAt));

export const harvestCompleted = (head: AuditHead, before: Plan, after: Plan): AuditEntry =>
  auditEntry({
    ...head,
    action: "plan.harvest_completed",
    subject: { type: "plan", id: after.id },
    planId: after.id,
    before: { harvestCompletedAt: null, version: before.version },
    after: { harvestCompletedAt: after.harvestCompletedAt, version: after.version },
  });
