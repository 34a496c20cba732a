import {
  DEFAULT_TRANSIT_DAYS_JAPAN,
  type HarvestLot,
  type Instant,
  japanDayOf,
  type LotId,
  lotReadyFrom,
  type OwnerId,
  type Ownership,
  type Plan,
  type PlanId,
  type TransitDaysTable,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
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
import type { OwnerProfile, OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";
import type { ParcelStore } from "../ports/parcel-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type {
  LotShipment,
  ShipmentRepository,
  UnshippedReason,
} from "../ports/shipment-repository.ts";
import { deliveryDestination } from "./delivery-destination.ts";
import { lotSchedule } from "./lot-schedule.ts";
import { parcelsOfShipment } from "./parcels/register-parcels.ts";
import { sumBoxesByDay } from "./sum-boxes-by-day.ts";
import { unshippedUnits } from "./unshipped-units.ts";

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
  /**
   * Lots scheduled before whose unshipped units got parcels in this run (their owners added an
   * address since): `shipments` counts the shipments rewritten, `unshippedUnits` what is still left.
   */
  readonly rescheduled: readonly LotScheduleReport[];
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
      const unshippedUnits = unshippedByReason(schedule.shipments);
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

/** The units the shipments leave without a parcel, by why (a lot's report). */
const unshippedByReason = (
  shipments: readonly LotShipment[],
): Partial<Record<UnshippedReason, number>> => {
  const byReason: Partial<Record<UnshippedReason, number>> = {};
  for (const s of shipments)
    if (s.unshipped !== undefined)
      byReason[s.unshipped.reason] = (byReason[s.unshipped.reason] ?? 0) + s.unshipped.units;
  return byReason;
};

/** A rescheduled shipment: its earlier parcels kept, the new ones added, what is left reported. */
const merged = (before: LotShipment, after: LotShipment): LotShipment => {
  const { unshipped: _left, address: _address, slot: _slot, giftMessage: _gift, ...rest } = after;
  return {
    ...rest,
    units: before.units,
    parcels: [...before.parcels, ...after.parcels].sort((a, b) => (a.shipOn < b.shipOn ? -1 : 1)),
    ...(after.address === undefined ? {} : { address: after.address }),
    ...(after.slot === undefined ? {} : { slot: after.slot }),
    ...(after.giftMessage === undefined ? {} : { giftMessage: after.giftMessage }),
    ...(after.unshipped === undefined ? {} : { unshipped: after.unshipped }),
  };
};

/**
 * One scheduled lot's unshipped units whose owners now have a destination, scheduled from today
 * within what the producer's other lots and this lot's own parcels left of each day's capacity.
 * Only the shipments that gain parcels are rewritten (their id is the lot's and the ownership's,
 * so a re-run finds them complete and does nothing again); the lot's booked capacity is recomputed
 * from all its shipments, the owners hear their ship day, and the new parcels are registered last
 * (the delivery batch registers them too, after a crash in between).
 */
const rescheduleLot = (
  run: Run,
  lot: HarvestLot,
  waiting: readonly LotShipment[],
  lotShipments: readonly LotShipment[],
  profiles: Parameters<typeof lotSchedule>[0]["profiles"],
): TE.TaskEither<AppError, (LotScheduleReport & { messages: number }) | undefined> => {
  const { deps, plan } = run;
  return pipe(
    deps.shipments.capacityUsed(plan.producerId, lot.id),
    TE.chain((others) => {
      const own = sumBoxesByDay(
        lotShipments.flatMap((s) => s.parcels.map((p) => ({ [p.shipOn]: p.boxes }))),
      );
      const schedule = lotSchedule({
        plan,
        lot: lotReadyFrom(lot, japanDayOf(run.at)),
        allocations: waiting.map((s) => ({
          planId: plan.id,
          lotId: lot.id,
          ownershipId: s.ownershipId,
          ownerId: s.ownerId,
          grade: lot.grade,
          units: s.unshipped?.units ?? 0,
        })),
        ownerships: run.ownerships,
        profiles,
        capacityUsed: sumBoxesByDay([others, own]),
        unitsPerBox: run.unitsPerBox,
        transitDays: deps.transitDays ?? DEFAULT_TRANSIT_DAYS_JAPAN,
        at: run.at,
        ids: deps.ids,
      });
      if (E.isLeft(schedule)) return TE.left<AppError, never>(schedule.left);
      const before = new Map(waiting.map((s) => [s.id as string, s]));
      const rewritten = schedule.right.shipments.flatMap((after) => {
        const earlier = before.get(after.id);
        return earlier === undefined || after.parcels.length === 0 ? [] : [merged(earlier, after)];
      });
      if (rewritten.length === 0) return TE.right(undefined);
      // Every shipment that got a parcel is rewritten: its owner hears its ship day.
      const ids = new Set(rewritten.map((s) => s.id as string));
      const messages = schedule.right.messages.filter((m) => m.kind === "shipment-scheduled");
      const byId = new Map(rewritten.map((s) => [s.id as string, s]));
      const lotCapacity = sumBoxesByDay(
        lotShipments
          .map((s) => byId.get(s.id) ?? s)
          .flatMap((s) => s.parcels.map((p) => ({ [p.shipOn]: p.boxes }))),
      );
      return pipe(
        deps.shipments.putLotCapacity(plan.producerId, lot.id, lotCapacity),
        TE.chain(() => deps.outbox.enqueue(messages)),
        TE.chainFirst(() => deps.shipments.putShipments(rewritten)),
        TE.chainFirst(() => deps.parcels.register(plan.id, rewritten.flatMap(parcelsOfShipment))),
        TE.map((enqueued) => {
          const unshippedUnits = unshippedByReason(rewritten);
          const added = schedule.right.shipments
            .filter((s) => ids.has(s.id))
            .flatMap((s) => s.parcels);
          return {
            lotId: lot.id,
            shipments: rewritten.length,
            parcels: added.length,
            boxes: added.reduce((sum, p) => sum + p.boxes, 0),
            unshippedUnits,
            messages: enqueued.enqueued,
          };
        }),
      );
    }),
  );
};

/**
 * Units of lots scheduled before, left unshipped for want of an address (or for one in a region the
 * plan does not ship to), whose owners have one now and whose lot can still ship: they get their
 * parcels. Reads nothing more than the sparse infeasible index when there are none.
 */
const rescheduleUnshipped = (
  run: Run,
): TE.TaskEither<AppError, readonly (LotScheduleReport & { messages: number })[]> => {
  const { deps, plan } = run;
  return pipe(
    unshippedUnits(deps)(plan, japanDayOf(run.at)),
    TE.bindTo("unshipped"),
    TE.bind("profiles", ({ unshipped }) =>
      unshipped.reschedulable.length === 0
        ? TE.right<AppError, ReadonlyMap<OwnerId, OwnerProfile>>(new Map())
        : deps.profiles.getMany([...new Set(unshipped.reschedulable.map((s) => s.ownerId))]),
    ),
    TE.chain(({ unshipped, profiles }) => {
      const ready = unshipped.reschedulable.filter(
        (s) => deliveryDestination(profiles.get(s.ownerId), s.ownershipId) !== undefined,
      );
      if (ready.length === 0) return TE.right([]);
      const lotIds = [...new Set(ready.map((s) => s.lotId as string))].sort();
      return pipe(
        allPages((page) => deps.shipments.listByPlan(plan.id, page)),
        TE.chain((all) =>
          eachInOrder(lotIds, (id) => {
            const lot = unshipped.lots.get(id);
            if (lot === undefined) return TE.right(undefined);
            return rescheduleLot(
              run,
              lot,
              ready.filter((s) => s.lotId === id),
              all.filter((s) => s.lotId === id),
              profiles,
            );
          }),
        ),
        TE.map((reports) => reports.filter((r) => r !== undefined)),
      );
    }),
  );
};

/**
 * The shipping batch for one allocated plan: every allocated lot not yet scheduled, in lot order,
 * becomes shipments within the producer's daily capacity (shared with its other lots), the
 * delivery window and best-before, with each owner's address snapshotted. Units that cannot ship
 * are stored on the shipment and reported, never dropped; those waiting for their owner's address
 * are scheduled by a later run once it is there (and the lot can still ship). Ids are deterministic per (lot,
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
        return pipe(
          eachInOrder(pending, (lot) => scheduleLot(run, lot)),
          TE.bindTo("perLot"),
          TE.bind("rescheduled", () => rescheduleUnshipped(run)),
        );
      }),
      TE.map(({ perLot, rescheduled }) => ({
        planId: input.planId,
        lots: perLot.map(({ messages: _messages, ...report }) => report),
        rescheduled: rescheduled.map(({ messages: _messages, ...report }) => report),
        messagesEnqueued: [...perLot, ...rescheduled].reduce((sum, lot) => sum + lot.messages, 0),
      })),
    );
