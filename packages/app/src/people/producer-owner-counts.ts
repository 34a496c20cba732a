import type { OwnerId, Plan } from "@owners/domain";
import * as A from "fp-ts/lib/Array.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";

export interface ProducerOwnerCounts {
  /** Distinct owners with an active ownership in any of the producer's plans. */
  readonly owners: number;
  /** Those of them who own in two plans or more (came back). */
  readonly returningOwners: number;
}

/** Counts owners and returning owners from the plans' active ownerships. */
export const countOwners = (
  ownerships: readonly { readonly ownerId: OwnerId; readonly planId: string }[],
): ProducerOwnerCounts => {
  const plansPerOwner = new Map<string, Set<string>>();
  for (const o of ownerships) {
    const plans = plansPerOwner.get(o.ownerId) ?? new Set<string>();
    plans.add(o.planId);
    plansPerOwner.set(o.ownerId, plans);
  }
  return {
    owners: plansPerOwner.size,
    returningOwners: [...plansPerOwner.values()].filter((plans) => plans.size >= 2).length,
  };
};

/**
 * The public page's owner figures, read per plan (one Query per plan, sequentially). Interim: the
 * producer-summary aggregates kept in the reservation writes (lane C) answer the same in one
 * Query and should replace this reader once merged.
 */
export const readProducerOwnerCounts =
  (deps: { readonly ownerships: OwnershipStore }) =>
  (plans: readonly Plan[]): TE.TaskEither<AppError, ProducerOwnerCounts> =>
    pipe(
      plans.filter((p) => p.status !== "draft" && p.status !== "cancelled"),
      A.map((plan) => allPages((page) => deps.ownerships.listByPlan(plan.id, page))),
      A.sequence(TE.ApplicativeSeq),
      TE.map((perPlan) => countOwners(perPlan.flat().filter((o) => o.status === "active"))),
    );
