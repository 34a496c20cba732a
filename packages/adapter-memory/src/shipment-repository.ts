import type { CursorCodec, LotShipment, ShipmentRepository } from "@owners/app";
import { sumBoxesByDay } from "@owners/app";
import { type BoxesByDay, lotId } from "@owners/domain";
import { copy, deferred, deferredValue } from "./deferred.ts";
import { paginate } from "./paginate.ts";

const sortKeyOf = (s: Pick<LotShipment, "lotId" | "ownershipId">) => `${s.lotId}#${s.ownershipId}`;

/** The ShipmentRepository of the memory mode and the use-case tests. */
export const makeMemoryShipmentRepository = (cursors: CursorCodec): ShipmentRepository => {
  const shipments = new Map<string, Map<string, LotShipment>>();
  const capacity = new Map<string, Map<string, BoxesByDay>>();
  const scheduled = new Map<string, Set<string>>();
  const ofPlan = (planId: string) => {
    const found = shipments.get(planId) ?? new Map<string, LotShipment>();
    shipments.set(planId, found);
    return found;
  };
  const ordered = (planId: string, keep: (s: LotShipment) => boolean) =>
    [...ofPlan(planId).values()]
      .filter(keep)
      .sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : sortKeyOf(a) > sortKeyOf(b) ? 1 : 0))
      .map(copy);

  return {
    putShipments: (list) =>
      deferredValue(() => {
        for (const shipment of list)
          ofPlan(shipment.planId).set(sortKeyOf(shipment), copy(shipment));
      }),
    listByPlan: (planId, page) =>
      deferred(() =>
        paginate(
          ordered(planId, () => true),
          sortKeyOf,
          page,
          cursors,
          `shipments:${planId}`,
        ),
      ),
    listByOwner: (planId, ownerId, page) =>
      deferred(() =>
        paginate(
          ordered(planId, (s) => s.ownerId === ownerId),
          sortKeyOf,
          page,
          cursors,
          `shipments:${planId}:owner:${ownerId}`,
        ),
      ),
    eraseAddresses: (planId, ownerId) =>
      deferredValue(() => {
        const ofThisPlan = ofPlan(planId);
        for (const [key, { address: _erased, giftMessage: _message, ...kept }] of ofThisPlan)
          if (kept.ownerId === ownerId) ofThisPlan.set(key, kept);
      }),
    listInfeasible: (planId, page) =>
      deferred(() =>
        paginate(
          ordered(planId, (s) => s.unshipped !== undefined),
          sortKeyOf,
          page,
          cursors,
          `shipments:${planId}:infeasible`,
        ),
      ),
    putLotCapacity: (producerId, lot, boxesByDay) =>
      deferredValue(() => {
        const lots = capacity.get(producerId) ?? new Map<string, BoxesByDay>();
        lots.set(lot, copy(boxesByDay));
        capacity.set(producerId, lots);
      }),
    capacityUsed: (producerId, exceptLotId) =>
      deferredValue(() =>
        sumBoxesByDay(
          [...(capacity.get(producerId) ?? new Map<string, BoxesByDay>())]
            .filter(([lot]) => lot !== exceptLotId)
            .map(([, boxesByDay]) => boxesByDay),
        ),
      ),
    markLotScheduled: (planId, lot) =>
      deferredValue(() => {
        const lots = scheduled.get(planId) ?? new Set<string>();
        lots.add(lot);
        scheduled.set(planId, lots);
      }),
    scheduledLotIds: (planId) =>
      deferredValue(() => [...(scheduled.get(planId) ?? [])].sort().map(lotId)),
  };
};
