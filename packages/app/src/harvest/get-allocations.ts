import { allocationIsVoid, type Language, type PlanId, statementLines } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { seasonReader } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { AllocationRepository, AllocationSummary } from "../ports/allocation-repository.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface GetAllocationsDeps {
  readonly plans: PlanRepository;
  readonly allocations: AllocationRepository;
}

export interface GetAllocationsInput {
  readonly planId: PlanId;
  /** The producer's view pages through every ownership; an owner's is one short list. */
  readonly page?: PageRequest;
  /** The reader's language for the statements (English, as stored, when not given). */
  readonly language?: Language;
}

/** One ownership's allocation as served: its units, what is missing and what came back. */
export interface OwnershipAllocationView {
  readonly ownershipId: string;
  readonly ownerId: string;
  readonly shares: number;
  readonly entitledUnits: number;
  /** Standard plus off-spec units. */
  readonly allocatedUnits: number;
  readonly standardUnits: number;
  readonly offspecUnits: number;
  readonly missingUnits: number;
  /** false until the harvest is final: refundYen and creditYen are then 0, nothing is owed yet. */
  readonly settled: boolean;
  readonly refundYen: number;
  readonly creditYen: number;
  readonly compensation: AllocationSummary["compensation"];
  readonly lots: AllocationSummary["lots"];
  /** The owner's statement in the reader's language, headline first. */
  readonly statement: readonly string[];
}

export const allocationView = (
  s: AllocationSummary,
  language: Language = "en",
): OwnershipAllocationView => ({
  ownershipId: s.ownershipId,
  ownerId: s.ownerId,
  shares: s.shares,
  entitledUnits: s.entitledUnits,
  allocatedUnits: s.standardUnits + s.offspecUnits,
  standardUnits: s.standardUnits,
  offspecUnits: s.offspecUnits,
  missingUnits: s.missingUnits,
  settled: s.settled,
  refundYen: s.refundYen,
  creditYen: s.creditYen,
  compensation: s.compensation,
  lots: s.lots,
  statement:
    s.statementFacts === undefined ? s.statement : statementLines(s.statementFacts, language),
});

/**
 * A plan's allocations: its producer sees every ownership's, an owner only its own (an owner
 * without an ownership of the plan sees an empty list, which reveals nothing). Empty until the
 * plan is allocated, and again once a cancellation voided the allocation (owners were refunded).
 */
export const getAllocations =
  (deps: GetAllocationsDeps) =>
  (
    actor: Actor,
    input: GetAllocationsInput,
  ): TE.TaskEither<AppError, Page<OwnershipAllocationView>> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) =>
        pipe(
          seasonReader(actor, plan, "allocations"),
          TE.chain((reader): TE.TaskEither<AppError, Page<AllocationSummary>> => {
            if (allocationIsVoid(plan)) return TE.right({ items: [] });
            if ("owner" in reader)
              return pipe(
                deps.allocations.listSummariesByOwner(plan.id, reader.owner),
                TE.map((items) => ({ items })),
              );
            return deps.allocations.listSummaries(plan.id, input.page ?? { limit: 100 });
          }),
        ),
      ),
      TE.map((page) => ({
        ...page,
        items: page.items.map((summary) => allocationView(summary, input.language)),
      })),
    );
