import type { LotId, PlanId } from "../shared/ids.ts";
import type { Instant, LocalDate } from "../shared/time.ts";

export type LotGrade = "standard" | "offspec";

/** A harvest lot the producer records; allocation divides it among active ownerships. */
export interface HarvestLot {
  readonly id: LotId;
  readonly planId: PlanId;
  readonly quantity: number;
  readonly grade: LotGrade;
  readonly readyOn: LocalDate;
  readonly bestBefore: LocalDate;
  /** Lot order: lots are allocated in recordedAt, then id, order. */
  readonly recordedAt: Instant;
}
