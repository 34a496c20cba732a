import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { type DomainError, fail } from "../shared/errors.ts";
import type { PlanId, ProducerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Plan, PlanStatus } from "./plan.ts";
import {
  changedTermFields,
  PLAN_TERM_FIELDS,
  type PlanTermField,
  type RawPlanTerms,
  termsOf,
  validatePlanTerms,
} from "./terms.ts";

/** The legal next states of each state; anything else is PLAN.ILLEGAL_TRANSITION. */
export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ["open", "cancelled"],
  open: ["closed", "cancelled"],
  closed: ["allocated", "cancelled"],
  allocated: ["shipped", "cancelled"],
  // Once boxes are on the road the plan can no longer be cancelled (and refunded in full).
  shipped: ["completed"],
  completed: [],
  cancelled: [],
};

export const canTransition = (from: PlanStatus, to: PlanStatus): boolean =>
  PLAN_TRANSITIONS[from].includes(to);

export const MAX_PLATFORM_FEE_BPS = 10_000;

export interface CreatePlanInput {
  readonly id: PlanId;
  readonly producerId: ProducerId;
  readonly terms: RawPlanTerms;
  readonly platformFeeBps: number;
  readonly now: Instant;
}

/** A new draft plan. Terms are (re)validated here so no unchecked plan can exist. */
export const createPlan = (input: CreatePlanInput): E.Either<DomainError<"PLAN.INVALID">, Plan> => {
  const feeValid =
    Number.isSafeInteger(input.platformFeeBps) &&
    input.platformFeeBps >= 0 &&
    input.platformFeeBps <= MAX_PLATFORM_FEE_BPS;
  const feeIssue = {
    field: "platformFeeBps",
    message: `must be a whole number from 0 to ${MAX_PLATFORM_FEE_BPS}`,
  };
  const terms = validatePlanTerms(input.terms);
  if (E.isLeft(terms)) {
    if (feeValid) return terms;
    const fields = (terms.left.details?.fields as readonly unknown[] | undefined) ?? [];
    return fail("PLAN.INVALID", terms.left.message, { fields: [...fields, feeIssue] });
  }
  if (!feeValid) return fail("PLAN.INVALID", "the plan terms are invalid", { fields: [feeIssue] });
  return E.right({
    ...terms.right,
    id: input.id,
    producerId: input.producerId,
    status: "draft",
    platformFeeBps: input.platformFeeBps,
    sharesSold: 0,
    sharesOffered: 0,
    createdAt: input.now,
    updatedAt: input.now,
    version: 1,
  });
};

/** Every write goes through here: optimistic locking needs the version bumped each time. */
export const touchPlan = (plan: Plan, changes: Partial<Plan>, now: Instant): Plan => ({
  ...plan,
  ...changes,
  updatedAt: now,
  version: plan.version + 1,
});

/** Moves the plan to `to` if the lifecycle allows it. Who may do it is the caller's check. */
export const transitionPlan = (
  plan: Plan,
  to: PlanStatus,
  now: Instant,
): E.Either<DomainError<"PLAN.ILLEGAL_TRANSITION">, Plan> =>
  canTransition(plan.status, to)
    ? E.right(touchPlan(plan, { status: to }, now))
    : fail("PLAN.ILLEGAL_TRANSITION", `a ${plan.status} plan cannot become ${to}`, {
        planId: plan.id,
        from: plan.status,
        to,
      });

/**
 * draft -> open. Publishing a plan whose sales window has already ended would open nothing,
 * so that is refused as invalid terms.
 */
export const publishPlan = (
  plan: Plan,
  now: Instant,
): E.Either<DomainError<"PLAN.ILLEGAL_TRANSITION" | "PLAN.INVALID">, Plan> =>
  pipe(
    transitionPlan(plan, "open", now),
    E.chainW((opened) =>
      now < plan.salesWindow.closesAt
        ? E.right(opened)
        : fail("PLAN.INVALID", "the sales window has already ended", {
            fields: [
              { field: "salesWindow.closesAt", message: "must be in the future to publish" },
            ],
          }),
    ),
  );
/** open -> closed: sales end (by the batch at closesAt, or earlier by the producer). */
export const closePlan = (plan: Plan, now: Instant) => transitionPlan(plan, "closed", now);
/** closed -> allocated: the harvest has been divided among owners. */
export const markPlanAllocated = (plan: Plan, now: Instant) =>
  transitionPlan(plan, "allocated", now);
/** allocated -> shipped. */
export const markPlanShipped = (plan: Plan, now: Instant) => transitionPlan(plan, "shipped", now);
/** shipped -> completed. */
export const completePlan = (plan: Plan, now: Instant) => transitionPlan(plan, "completed", now);
/** Any state before shipped -> cancelled; the caller refunds every ownership in full. */
export const cancelPlan = (plan: Plan, now: Instant) => transitionPlan(plan, "cancelled", now);

/**
 * Whether a plan's allocation and shipping schedule are void: a plan cancelled after its harvest
 * was allocated refunds every owner in full, so nothing it allocated is owed and nothing ships.
 */
export const allocationIsVoid = (plan: Pick<Plan, "status">): boolean =>
  plan.status === "cancelled";

export const assertProducer = (
  plan: Plan,
  producerId: ProducerId,
): E.Either<DomainError<"PLAN.NOT_PRODUCER">, Plan> =>
  plan.producerId === producerId
    ? E.right(plan)
    : fail("PLAN.NOT_PRODUCER", "only the plan's producer may do this", { planId: plan.id });

const PRESENTATION: readonly PlanTermField[] = ["title", "story", "category", "photoKeys"];

/**
 * Which term fields may change in each state. In draft, everything. Once open, only what does
 * not change what an owner bought, when, or on what risk (the "structural" fields stay frozen):
 * - presentation (title, story, category, photos) until the plan is finished;
 * - pricing while open: DESIGN lets producers change prices, and a price is locked into each
 *   ownership's quote at reservation, so a change only affects later buyers;
 * - shipCapacityPerDay until allocation, since the shipping schedule is built from it after;
 * - paymentHoldMinutes while open: each hold's end is fixed when placed (later buyers only).
 * - experienceSeatsPerOwner until the plan is finished: it bounds later bookings only.
 * Completed and cancelled plans are records: nothing changes.
 */
export const EDITABLE_TERM_FIELDS: Readonly<Record<PlanStatus, readonly PlanTermField[]>> = {
  draft: PLAN_TERM_FIELDS,
  open: [
    ...PRESENTATION,
    "pricing",
    "shipCapacityPerDay",
    "paymentHoldMinutes",
    "experienceSeatsPerOwner",
  ],
  closed: [...PRESENTATION, "shipCapacityPerDay", "experienceSeatsPerOwner"],
  allocated: [...PRESENTATION, "experienceSeatsPerOwner"],
  shipped: [...PRESENTATION, "experienceSeatsPerOwner"],
  completed: [],
  cancelled: [],
};

/** A partial update of the terms; an object field (salesWindow, pricing...) is replaced whole. */
export type PlanPatch = Partial<RawPlanTerms>;

/**
 * Applies a producer's edit. The merged terms are validated as a whole (cross-field rules
 * apply), then only fields whose value really changes count: re-sending an unchanged frozen
 * field is fine. A patch that changes nothing returns the same plan (same version), so the
 * caller can skip the write.
 */
export const editPlan = (
  plan: Plan,
  actorProducerId: ProducerId,
  patch: PlanPatch,
  now: Instant,
): E.Either<DomainError<"PLAN.NOT_PRODUCER" | "PLAN.INVALID" | "PLAN.FROZEN_FIELD">, Plan> =>
  pipe(
    assertProducer(plan, actorProducerId),
    E.chainW(() => {
      const current = termsOf(plan);
      const definedPatch = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      );
      return validatePlanTerms({ ...current, ...definedPatch });
    }),
    E.chainW((next) => {
      const changed = changedTermFields(termsOf(plan), next);
      if (changed.length === 0) return E.right(plan);
      const editable = EDITABLE_TERM_FIELDS[plan.status];
      const frozen = changed.filter((field) => !editable.includes(field));
      if (frozen.length > 0)
        return fail(
          "PLAN.FROZEN_FIELD",
          `cannot change ${frozen.join(", ")} of a ${plan.status} plan`,
          {
            planId: plan.id,
            status: plan.status,
            fields: frozen,
          },
        );
      return E.right(touchPlan(plan, next, now));
    }),
  );
