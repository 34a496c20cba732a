import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { DomainError } from "../shared/errors.ts";
import type { Instant } from "../shared/time.ts";
import type { ParcelCounts } from "../shipping/parcel-counts.ts";
import { completePlan, markPlanShipped } from "./lifecycle.ts";
import type { Plan } from "./plan.ts";

/** What decides whether a plan's season reached the door. */
export interface DoorFacts {
  readonly counts: ParcelCounts;
  /**
   * No parcel is still to come: the harvest is final (no lot can be added) and every allocated
   * lot has its parcels. Before that, every parcel shipped is only every parcel *so far*.
   */
  readonly allParcelsKnown: boolean;
  /**
   * Allocated units that never got a parcel (the infeasible report: no address, no capacity, no
   * day in the window). Paid for and not received, they keep the plan from completing: its owners
   * are still owed them, and a plan's completion must not hide that.
   */
  readonly unshippedUnits: number;
}

/**
 * The plan's money is settled: the final allocation's shortfall refunds and credit are all
 * written and paid (`shortfallSettledAt`, set by the allocation batch), nothing more is owed.
 */
export const isMoneySettled = (plan: Pick<Plan, "shortfallSettledAt">): boolean =>
  plan.shortfallSettledAt !== undefined;

const everyParcel = (facts: DoorFacts, n: number): boolean =>
  facts.allParcelsKnown && facts.counts.total > 0 && n === facts.counts.total;

/** Every parcel has left (some may have arrived). */
export const everyParcelShipped = (facts: DoorFacts): boolean =>
  everyParcel(facts, facts.counts.shipped);

/** Every parcel has arrived. */
export const everyParcelDelivered = (facts: DoorFacts): boolean =>
  everyParcel(facts, facts.counts.delivered);

/**
 * Moves an allocated plan to `shipped` once every parcel left, and a shipped one to `completed`
 * once every parcel arrived, no allocated unit is left unshipped and its money is settled (both at
 * once when all hold). Any other plan, or one whose parcels are not there yet, is returned as it
 * is: asking again is harmless.
 */
export const advancePlanAtTheDoor = (
  plan: Plan,
  facts: DoorFacts,
  now: Instant,
): E.Either<DomainError<"PLAN.ILLEGAL_TRANSITION">, Plan> => {
  const ship = (p: Plan) =>
    p.status === "allocated" && everyParcelShipped(facts) ? markPlanShipped(p, now) : E.right(p);
  const complete = (p: Plan) =>
    p.status === "shipped" &&
    everyParcelDelivered(facts) &&
    facts.unshippedUnits === 0 &&
    isMoneySettled(p)
      ? completePlan(p, now)
      : E.right(p);
  return pipe(ship(plan), E.chain(complete));
};
