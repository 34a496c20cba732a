import type { AuditEntry, HarvestLot, LotId, PlanId } from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** The harvest lots producers record; lots are immutable once recorded. */
export interface HarvestRepository {
  /**
   * Records a lot and its audit entries in one atomic write; STORE.DUPLICATE if its id exists
   * (the stored lot is left untouched and no entry is written), HARVEST.COMPLETE if its plan's
   * harvest was declared complete by then (settled without this lot: it must not be allocated).
   */
  add(lot: HarvestLot, audit?: readonly AuditEntry[]): TE.TaskEither<AppError, HarvestLot>;
  /** The lot, or none. */
  get(planId: PlanId, lotId: LotId): TE.TaskEither<AppError, O.Option<HarvestLot>>;
  /** Every lot of the plan in lot order (recordedAt, then id). A plan has tens of lots at most. */
  listByPlan(planId: PlanId): TE.TaskEither<AppError, readonly HarvestLot[]>;
}
