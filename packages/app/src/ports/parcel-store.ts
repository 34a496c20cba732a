import type {
  LocalDate,
  LotId,
  OutboxMessage,
  OwnerId,
  ParcelCounts,
  ParcelId,
  ParcelProgress,
  PlanId,
  ProducerId,
  ShipmentId,
} from "@owners/domain";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";

/**
 * One parcel on its way to the door: what was scheduled (from its LotShipment, which stays as
 * it is) and how far it got. Kept apart from the shipments so a re-run of scheduling never
 * touches a tracking number and the carrier's progress never rewrites a schedule.
 */
export interface ParcelRecord {
  /** `parcelIdOf(shipmentId, shipOn)`. */
  readonly id: ParcelId;
  readonly planId: PlanId;
  readonly producerId: ProducerId;
  readonly ownerId: OwnerId;
  readonly shipmentId: ShipmentId;
  readonly lotId: LotId;
  readonly shipOn: LocalDate;
  readonly arriveBy: LocalDate;
  readonly boxes: number;
  readonly progress: ParcelProgress;
  /** 1 when registered; each saved move adds one (optimistic locking). */
  readonly version: number;
}

/** Parcels and their per-plan counts; the counts move in the same atomic write as the parcel. */
export interface ParcelStore {
  /**
   * Stores the parcels not stored yet (one already there is kept, whatever its progress) and adds
   * them to their plan's total in the same write. All parcels are of `planId`. Returns how many
   * were new. Repeatable: a second call with the same parcels adds nothing.
   */
  register(planId: PlanId, parcels: readonly ParcelRecord[]): TE.TaskEither<AppError, number>;
  /** The parcel, or none. */
  get(planId: PlanId, id: ParcelId): TE.TaskEither<AppError, O.Option<ParcelRecord>>;
  /** A plan's parcels in id order (shipment, then ship day). */
  listByPlan(planId: PlanId, page: PageRequest): TE.TaskEither<AppError, Page<ParcelRecord>>;
  /** One owner's parcels of a plan, in id order. */
  listByOwner(
    planId: PlanId,
    ownerId: OwnerId,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<ParcelRecord>>;
  /**
   * Replaces the parcel's progress if the stored version is `expectedVersion`
   * (STORE.VERSION_CONFLICT otherwise; PARCEL.NOT_FOUND if absent), moves the plan's counts by
   * the change, and puts `messages` in the outbox, all in one atomic write. A message whose dedupe
   * key is in the outbox already cancels it all (STORE.DUPLICATE). Returns the stored parcel at
   * expectedVersion + 1.
   */
  saveProgress(
    parcel: ParcelRecord,
    expectedVersion: number,
    messages: readonly OutboxMessage[],
  ): TE.TaskEither<AppError, ParcelRecord>;
  /** The plan's counts (all zero for a plan with no parcel). */
  counts(planId: PlanId): TE.TaskEither<AppError, ParcelCounts>;
}
