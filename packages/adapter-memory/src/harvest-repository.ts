import type { HarvestRepository } from "@owners/app";
import { appError } from "@owners/app";
import {
  type AuditEntry,
  byLotOrder,
  checkHarvestOpen,
  type HarvestLot,
  type Plan,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferred, deferredValue } from "./deferred.ts";

/** The HarvestRepository of the memory mode and the use-case tests. */
export const makeMemoryHarvestRepository = (
  /** Where audit entries go (the reservation database's trail, in the memory wiring). */
  auditTrail: Map<string, AuditEntry> = new Map(),
  /** The plans (the reservation database's), whose completed harvests take no lot. */
  plans: ReadonlyMap<string, Plan> = new Map(),
): HarvestRepository => {
  const lotsByPlan = new Map<string, Map<string, HarvestLot>>();
  const lotsOf = (planId: string) => {
    const lots = lotsByPlan.get(planId) ?? new Map<string, HarvestLot>();
    lotsByPlan.set(planId, lots);
    return lots;
  };
  return {
    add: (lot, audit = []) =>
      deferred(() => {
        const lots = lotsOf(lot.planId);
        if (lots.has(lot.id))
          return E.left(
            appError("STORE.DUPLICATE", "a lot with this id exists", { lotId: lot.id }),
          );
        const open = checkHarvestOpen(plans.get(lot.planId) ?? { id: lot.planId });
        if (E.isLeft(open)) return open;
        lots.set(lot.id, copy(lot));
        for (const entry of audit) auditTrail.set(entry.id, copy(entry));
        return E.right(copy(lot));
      }),
    get: (planId, lotId) =>
      deferredValue(() => O.map(copy<HarvestLot>)(O.fromNullable(lotsOf(planId).get(lotId)))),
    listByPlan: (planId) =>
      deferredValue(() => [...lotsOf(planId).values()].sort(byLotOrder).map(copy)),
  };
};
