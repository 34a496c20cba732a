import {
  DEFAULT_TRANSIT_DAYS_JAPAN,
  type HarvestLot,
  type Instant,
  type LotId,
  type Ownership,
  type Plan,
  type PlanId,
  type TransitDaysTable,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin, requireStatus } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import type { AllocationRepository } from "../ports/allocation-repository.ts";
import type { Clock } from "../ports/clock.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { ParcelStore } from "../ports/parcel-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ShipmentRepository, UnshippedReason } from "../ports/shipment-repository.ts";
import { lotSchedule } from "./lot-schedule.ts";
import { parcelsOfShipment } from "./parcels/register-parcels.ts";

export interface ScheduleShipmentsDeps {
  readonly plans: PlanRepository;
  readonly ownerships: OwnershipStore;
  readonly harvests: HarvestRepository;
  readonly allocations: AllocationRepository;
  readonly shipments: ShipmentRepository;
  /** Each scheduled lot's parcels are registered before the lot is marked scheduled. */
  readonly parcels: ParcelStore;
  readonly profiles: OwnerProfileRepository;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Transit days by region from the producer; Japan's default table otherwise. */
  readonly transitDays?: TransitDaysTable;
}

export interface ScheduleShipmentsInput {
  readonly planId: PlanId;
  /** Units that fit in one box; one share's entitlement (unitsPerShare) by default. */
  readonly unitsPerBox?: number;
}

export interface LotScheduleReport {
  readonly lotId: LotId;
  readonly shipments: number;
  readonly parcels: number;
  readonly boxes: number;
  /** Units that could not be scheduled, by reason: stored on the shipments (the infeasible report). */
  readonly unshippedUnits: Partial<Record<UnshippedReason, number>>;
}

export interface ScheduleShipmentsReport {
  readonly planId: PlanId;
  /** Lots scheduled by this run, in lot order (earlier runs did the others). */
  readonly lots: readonly LotScheduleReport[];
  readonly messagesEnqueued: number;
}

const SHIPMENTS_PER_WRITE = 1000;
const MESSAGES_PER_ENQUEUE = 500;

interface Run {
  readonly deps: ScheduleShipmentsDeps;
  readonly plan: Plan;
  readonly ownerships: ReadonlyMap<string, Ownership>;
  readonly unitsPerBox: number;
  readonly at: Instant;
}

/** One lot, in order: capacity booked first (other lots see it), shipments, messages, the mark. */
const scheduleLot = (
  run: Run,
  lot: HarvestLot,
): TE.TaskEither<AppError, LotScheduleReport & { messages: number }> => {
  const { deps, plan } = run;
  return pipe(
    allPages((page) => deps.allocations.listLotAllocations(plan.id, lot.id, page)),
    TE.bindTo("allocations"),
    TE.bind("profiles", ({ allocations }) =>
      deps.profiles.getMany([...new Set(allocations.map((a) => a.ownerId))]),
    ),
    // This lot's own earlier boxes are left out, so a re-run computes the same schedule again.
    TE.bind("capacityUsed", () => deps.shipments.capacityUsed(plan.producerId, lot.id)),
    TE.chain(({ allocations, profiles, capacityUsed }) =>
      TE.fromEither(
        lotSchedule({
          plan,
          lot,
          allocations,
          ownerships: run.ownerships,
          profiles,
          capacityUsed,
          unitsPerBox: run.unitsPerBox,
          transitDays: deps.transitDays ?? DEFAULT_TRANSIT_DAYS_JAPAN,
          at: run.at,
          ids: deps.ids,
        }),
      ),
    ),
    TE.chainFirst((schedule) =>
      deps.shipments.putLotCapacity(plan.producerId, lot.id, schedule.lotCapacity),
    ),
    TE.chainFirst((schedule) =>
      eachInOrder(chunksOf(schedule.shipments, SHIPMENTS_PER_WRITE), (chunk) =>
        deps.shipments.putShipments(chunk),
      ),
    ),
    TE.bindTo("schedule"),
    TE.bind("enqueued", ({ schedule }) =>
      eachInOrder(chunksOf(schedule.messages, MESSAGES_PER_ENQUEUE), (chunk) =>
        deps.outbox.enqueue(chunk),
      ),
    ),
    // The plan counts as shipped once every scheduled lot's parcels have left: they are known
    // (registered, counted) before the lot is marked, else a later lot would not hold it back.
    TE.chainFirst(({ schedule }) =>
      deps.parcels.register(plan.id, schedule.shipments.flatMap(parcelsOfShipment)),
    ),
    TE.chainFirst(() => deps.shipments.markLotScheduled(plan.id, lot.id, run.at)),
    TE.map(({ schedule, enqueued }) => {
      const unshippedUnits: Partial<Record<UnshippedReason, number>> = {};
      for (const s of schedule.shipments)
        if (s.unshipped !== undefined)
          unshippedUnits[s.unshipped.reason] =
            (unshippedUnits[s.unshipped.reason] ?? 0) + s.unshipped.units;
      const parcels = schedule.shipments.flatMap((s) => s.parcels);
      return {
        lotId: lot.id,
        shipments: schedule.shipments.length,
        parcels: parcels.length,
        boxes: parcels.reduce((sum, p) => sum + p.boxes, 0),
        unshippedUnits,
        messages: enqueued.reduce((sum, r) => sum + r.enqueued, 0),
      };
    }),
  );
};

/**
 * The shipping batch for one allocated plan: every allocated lot not yet scheduled, in lot order,
 * becomes shipments within the producer's daily capacity (shared with its other lots), the
 * delivery window and best-before, with each owner's address snapshotted. Units that cannot ship
 * are stored on the shipment and reported, never dropped. Ids are deterministic per (lot,
 * ownership) and a lot is marked only after all its writes, so a re-run after a crash rewrites
 * the same records and never duplicates one.
 */
export const scheduleShipments =
  (deps: ScheduleShipmentsDeps) =>
  (actor: Actor, input: ScheduleShipmentsInput): TE.TaskEither<AppError, ScheduleShipmentsReport> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      TE.chain((plan) => requireStatus(plan, ["allocated"], "schedule shipments")),
      TE.bindTo("plan"),
      TE.bind("lots", ({ plan }) => deps.harvests.listByPlan(plan.id)),
      TE.bind("allocated", ({ plan }) => deps.allocations.allocatedLotIds(plan.id)),
      TE.bind("scheduled", ({ plan }) => deps.shipments.scheduledLotIds(plan.id)),
      TE.bind("ownerships", ({ plan }) =>
        allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
      ),
      TE.chain(({ plan, lots, allocated, scheduled, ownerships }) => {
        const run: Run = {
          deps,
          plan,
          ownerships: new Map(ownerships.map((o) => [o.id as string, o])),
          unitsPerBox: input.unitsPerBox ?? plan.unitsPerShare,
          at: deps.clock.now(),
        };
        const pending = lots.filter(
          (lot) => allocated.includes(lot.id) && !scheduled.includes(lot.id),
        );
        return eachInOrder(pending, (lot) => scheduleLot(run, lot));
      }),
      TE.map((perLot) => ({
        planId: input.planId,
        lots: perLot.map(({ messages: _messages, ...report }) => report),
        messagesEnqueued: perLot.reduce((sum, lot) => sum + lot.messages, 0),
      })),
    );
