import { instant, lotId, planId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HarvestRepository } from "../../ports/harvest-repository.ts";
import type { PlanRepository } from "../../ports/plan-repository.ts";
import { sampleLot } from "../harvest-fixtures.ts";
import { samplePlan } from "../reservation-fixtures.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface HarvestRepositorySubject {
  readonly subject: HarvestRepository;
  /** The plans of the same store, whose completed harvests take no lot. */
  readonly plans: PlanRepository;
  cleanup(): Promise<void>;
}

/** The behaviour every HarvestRepository adapter must share. */
export const describeHarvestRepositoryContract = (
  name: string,
  makeSubject: () => Promise<HarvestRepositorySubject>,
) => {
  describe(`HarvestRepository contract: ${name}`, () => {
    let harness: HarvestRepositorySubject;
    let lots: HarvestRepository;
    beforeEach(async () => {
      harness = await makeSubject();
      lots = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("stores a lot and reads it back unchanged", async () => {
      const lot = sampleLot({ grade: "offspec", quantity: 7 });
      expect(await succeed(lots.add(lot))).toEqual(lot);
      expect(await succeed(lots.get(lot.planId, lot.id))).toEqual(O.some(lot));
    });

    it("answers none for a lot that was never recorded, or of another plan", async () => {
      await succeed(lots.add(sampleLot()));
      expect(await succeed(lots.get(planId("plan_1"), lotId("lot_missing")))).toEqual(O.none);
      expect(await succeed(lots.get(planId("plan_other"), lotId("lot_A")))).toEqual(O.none);
    });

    it("refuses a lot once its plan's harvest is declared complete, and writes nothing", async () => {
      const plan = await succeed(
        harness.plans.create(samplePlan({ id: planId("plan_done"), status: "closed" })),
      );
      await succeed(lots.add(sampleLot({ planId: plan.id, id: lotId("lot_before") })));
      await succeed(
        harness.plans.save(
          { ...plan, harvestCompletedAt: instant("2026-08-05T00:00:00.000Z") },
          plan.version,
        ),
      );
      const late = sampleLot({ planId: plan.id, id: lotId("lot_late") });
      const error = await failWith(lots.add(late));
      expect(error).toMatchObject({ _tag: "HARVEST.COMPLETE", details: { planId: plan.id } });
      expect((await succeed(lots.listByPlan(plan.id))).map((l) => l.id)).toEqual(["lot_before"]);
    });

    it("refuses a second lot with the same id and keeps the first", async () => {
      const first = sampleLot({ quantity: 10 });
      await succeed(lots.add(first));
      const error = await failWith(lots.add({ ...first, quantity: 99 }));
      expect(error._tag).toBe("STORE.DUPLICATE");
      expect(await succeed(lots.get(first.planId, first.id))).toEqual(O.some(first));
    });

    it("lists a plan's lots in lot order (recordedAt, then id), and only that plan's", async () => {
      const late = sampleLot({
        id: lotId("lot_A"),
        recordedAt: instant("2026-08-03T00:00:00.000Z"),
      });
      const tieB = sampleLot({
        id: lotId("lot_C"),
        recordedAt: instant("2026-08-02T00:00:00.000Z"),
      });
      const tieA = sampleLot({
        id: lotId("lot_B"),
        recordedAt: instant("2026-08-02T00:00:00.000Z"),
      });
      const other = sampleLot({ id: lotId("lot_Z"), planId: planId("plan_2") });
      for (const lot of [late, tieB, other, tieA]) await succeed(lots.add(lot));
      const listed = await succeed(lots.listByPlan(planId("plan_1")));
      expect(listed.map((lot) => lot.id)).toEqual(["lot_B", "lot_C", "lot_A"]);
      expect(await succeed(lots.listByPlan(planId("plan_none")))).toEqual([]);
    });
  });
};
