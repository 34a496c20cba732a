import type {
  BoxesByDay,
  DeliverySlot,
  InfeasibleReason,
  Instant,
  LocalDate,
  LotId,
  OwnerId,
  OwnershipId,
  PlanId,
  ProducerId,
  ShipmentId,
  Temperature,
} from "@owners/domain";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { ShippingAddress } from "./owner-profile-repository.ts";

/** Why units could not be scheduled: the domain's reasons, or no address to ship to. */
export type UnshippedReason = InfeasibleReason | "no-address";

/** Boxes leaving on one day. */
export interface Parcel {
  readonly shipOn: LocalDate;
  readonly arriveBy: LocalDate;
  readonly boxes: number;
  readonly units: number;
}

/**
 * Everything one ownership receives from one lot: the parcels scheduled, and the units that could
 * not be (the infeasible report). One record per (lot, ownership) with a deterministic id, so a
 * re-run rewrites it instead of adding another.
 */
export interface LotShipment {
  readonly id: ShipmentId;
  readonly planId: PlanId;
  readonly producerId: ProducerId;
  readonly lotId: LotId;
  readonly ownershipId: OwnershipId;
  readonly ownerId: OwnerId;
  /** Shipping region the schedule used (empty when the owner has no address). */
  readonly region: string;
  /** The owner's address when the lot was scheduled; absent when it had none. */
  readonly address?: ShippingAddress;
  /** Units allocated to the ownership from this lot. */
  readonly units: number;
  /** By ship day. */
  readonly parcels: readonly Parcel[];
  /** Units not scheduled and why; absent when every unit ships. */
  readonly unshipped?: { readonly units: number; readonly reason: UnshippedReason };
  readonly scheduledAt: Instant;
  /** How the parcels travel (the plan's temperature); absent on shipments scheduled before. */
  readonly temperature?: Temperature;
  /** The delivery time slot the owner picked, where its plan lets owners pick one. */
  readonly slot?: DeliverySlot;
  /** A gift's message to its recipient: personal data, erased with the address. */
  readonly giftMessage?: string;
}

export interface ShipmentRepository {
  /** Writes shipments keyed by (plan, lot, ownership), replacing any earlier version (a re-run). */
  putShipments(shipments: readonly LotShipment[]): TE.TaskEither<AppError, void>;
  /** A plan's shipments in (lot id, ownership id) order. */
  listByPlan(planId: PlanId, page: PageRequest): TE.TaskEither<AppError, Page<LotShipment>>;
  /** One owner's shipments of a plan in (lot id, ownership id) order. */
  listByOwner(
    planId: PlanId,
    ownerId: OwnerId,
    page: PageRequest,
  ): TE.TaskEither<AppError, Page<LotShipment>>;
  /**
   * Removes the address snapshot (and a gift's message) from the owner's shipments of a plan (the owner closed the
   * account). Region, boxes, days and units stay: the producer's records still add up.
   */
  eraseAddresses(planId: PlanId, ownerId: OwnerId): TE.TaskEither<AppError, void>;
  /** The plan's shipments with unscheduled units (the infeasible report), same order. */
  listInfeasible(planId: PlanId, page: PageRequest): TE.TaskEither<AppError, Page<LotShipment>>;
  /** Replaces the boxes a lot books on each day of its producer's capacity. */
  putLotCapacity(
    producerId: ProducerId,
    lotId: LotId,
    boxesByDay: BoxesByDay,
  ): TE.TaskEither<AppError, void>;
  /** Boxes per day the producer's other lots have booked (days in order). */
  capacityUsed(producerId: ProducerId, exceptLotId: LotId): TE.TaskEither<AppError, BoxesByDay>;
  /** Records that every shipment of a lot is written; repeatable. */
  markLotScheduled(planId: PlanId, lotId: LotId, at: Instant): TE.TaskEither<AppError, void>;
  /** Ids of the plan's lots marked scheduled, in id order. */
  scheduledLotIds(planId: PlanId): TE.TaskEither<AppError, readonly LotId[]>;
}
