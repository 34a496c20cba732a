import {
  canStillShip,
  type HarvestLot,
  isReschedulable,
  type LocalDate,
  type Plan,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { HarvestRepository } from "../ports/harvest-repository.ts";
import type { LotShipment, ShipmentRepository } from "../ports/shipment-repository.ts";

export interface UnshippedUnitsDeps {
  readonly shipments: ShipmentRepository;
  readonly harvests: HarvestRepository;
}

export interface UnshippedUnits {
  /** Every shipment of the plan with units never given a parcel (the infeasible report). */
  readonly shipments: readonly LotShipment[];
  /** Their units: allocated, paid for, not on their way. */
  readonly units: number;
  /**
   * Those the shipping batch may still schedule: the cause is their owner's to remove (an address)
   * and their lot still has a day to leave on. Until they are scheduled or that day has passed,
   * the plan's parcels are not all known.
   */
  readonly reschedulable: readonly LotShipment[];
  /** The plan's lots by id, when some shipment's cause was reschedulable (else not read). */
  readonly lots: ReadonlyMap<string, HarvestLot>;
}

const NONE: UnshippedUnits = { shipments: [], units: 0, reschedulable: [], lots: new Map() };

/**
 * The plan's unshipped units as of `today`: one Query of the sparse infeasible index (empty for
 * almost every plan), and the plan's lots only when some of them might still ship.
 */
export const unshippedUnits =
  (deps: UnshippedUnitsDeps) =>
  (
    plan: Pick<Plan, "id" | "deliveryWindow">,
    today: LocalDate,
  ): TE.TaskEither<AppError, UnshippedUnits> =>
    pipe(
      allPages((page) => deps.shipments.listInfeasible(plan.id, page)),
      TE.chain((shipments) => {
        if (shipments.length === 0) return TE.right(NONE);
        const units = shipments.reduce((sum, s) => sum + (s.unshipped?.units ?? 0), 0);
        const candidates = shipments.filter(
          (s) => s.unshipped !== undefined && isReschedulable(s.unshipped.reason),
        );
        if (candidates.length === 0)
          return TE.right({ shipments, units, reschedulable: [], lots: new Map() });
        return pipe(
          deps.harvests.listByPlan(plan.id),
          TE.map((list) => {
            const lots = new Map(list.map((lot) => [lot.id as string, lot]));
            const reschedulable = candidates.filter((s) => {
              const lot = lots.get(s.lotId);
              return lot !== undefined && canStillShip(lot, plan.deliveryWindow, today);
            });
            return { shipments, units, reschedulable, lots };
          }),
        );
      }),
    );
