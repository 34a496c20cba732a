import { planId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { beforeEach, describe, expect, it } from "vitest";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { type HarvestWorld, makeHarvestWorld } from "../testing/harvest-world.ts";
import { recordHarvestLot } from "./record-harvest-lot.ts";

describe("recordHarvestLot", () => {
  let world: HarvestWorld;
  const lot = {
    planId: planId("plan_figs"),
    quantity: 24,
    grade: "standard" as const,
    readyOn: "2026-08-01",
    bestBefore: "2026-08-09",
  };
  const producer = { id: "producer_fig-farm", role: "producer" as const };
  beforeEach(async () => {
    world = makeHarvestWorld();
    const plan = await world.openPlan("plan_figs");
    await world.closePlan(plan.id);
  });
  const record = recordHarvestLot;

  it("records a lot of a closed plan, stamped now", async () => {
    const recorded = await succeed(record(world.deps)(producer, lot));
    expect(recorded).toMatchObject({ ...lot, recordedAt: world.clock.now() });
    expect(recorded.id).toMatch(/^lot_/);
    expect(await succeed(world.deps.harvests.get(lot.planId, recorded.id))).toEqual(
      O.some(recorded),
    );
  });

  it("refuses a lot once the harvest is declared complete (the settlement is final)", async () => {
    await succeed(record(world.deps)(producer, lot));
    const plan = await succeed(world.deps.plans.get(lot.planId));
    if (plan._tag === "None") throw new Error("no plan");
    await world.completeHarvest(plan.value);
    expect((await failWith(record(world.deps)(producer, lot)))._tag).toBe("HARVEST.COMPLETE");
    expect(await succeed(world.deps.harvests.listByPlan(lot.planId))).toHaveLength(1);
  });

  it("refuses a lot whose plan's harvest was declared complete after the lot's request read it", async () => {
    await succeed(record(world.deps)(producer, lot));
    // The completion (the producer's, or the batch's at the window's end) commits and settles
    // between this request's read of the plan and its write.
    const racing = {
      ...world.deps,
      harvests: {
        ...world.deps.harvests,
        add: ((late, audit) => async () => {
          const plan = await succeed(world.deps.plans.get(lot.planId));
          if (plan._tag === "None") throw new Error("no plan");
          await world.completeHarvest(plan.value);
          return world.deps.harvests.add(late, audit)();
        }) as typeof world.deps.harvests.add,
      },
    };
    expect((await failWith(record(racing)(producer, lot)))._tag).toBe("HARVEST.COMPLETE");
    expect(await succeed(world.deps.harvests.listByPlan(lot.planId))).toHaveLength(1);
  });

  it("returns the first lot on a retry with the same idempotency key", async () => {
    const first = await succeed(record(world.deps)(producer, { ...lot, idempotencyKey: "k1" }));
    world.clock.advance(60_000);
    const again = await succeed(record(world.deps)(producer, { ...lot, idempotencyKey: "k1" }));
    expect(again).toEqual(first);
    expect(await succeed(world.deps.harvests.listByPlan(lot.planId))).toHaveLength(1);
    const changed = await failWith(
      record(world.deps)(producer, { ...lot, quantity: 5, idempotencyKey: "k1" }),
    );
    expect(changed._tag).toBe("STORE.DUPLICATE");
  });

  it("keeps recording while the plan is allocated", async () => {
    const plan = await succeed(world.deps.plans.get(lot.planId));
    if (O.isNone(plan)) throw new Error("no plan");
    await succeed(
      world.deps.plans.save({ ...plan.value, status: "allocated" }, plan.value.version),
    );
    expect((await succeed(record(world.deps)(producer, lot))).quantity).toBe(24);
  });

  it("refuses anyone but the plan's producer", async () => {
    expect((await failWith(record(world.deps)(world.owner("alice"), lot)))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect(
      (await failWith(record(world.deps)({ id: "producer_other", role: "producer" }, lot)))._tag,
    ).toBe("PLAN.NOT_PRODUCER");
  });

  it("refuses a plan still on sale, and an unknown plan", async () => {
    await world.openPlan("plan_open");
    const error = await failWith(
      record(world.deps)(producer, { ...lot, planId: planId("plan_open") }),
    );
    expect(error).toMatchObject({ _tag: "PLAN.WRONG_STATUS", details: { status: "open" } });
    expect(
      (await failWith(record(world.deps)(producer, { ...lot, planId: planId("plan_none") })))._tag,
    ).toBe("PLAN.NOT_FOUND");
  });

  it("refuses an invalid lot, naming every bad field", async () => {
    const error = await failWith(
      record(world.deps)(producer, {
        ...lot,
        quantity: 0,
        grade: "premium" as never,
        readyOn: "2026-08-10",
        bestBefore: "2026-08-01",
      }),
    );
    expect(error._tag).toBe("HARVEST.INVALID_LOT");
    expect(((error.details?.fields ?? []) as { field: string }[]).map((f) => f.field)).toEqual([
      "quantity",
      "grade",
      "bestBefore",
    ]);
    const badDates = await failWith(
      record(world.deps)(producer, { ...lot, readyOn: "2026-02-30", bestBefore: "soon" }),
    );
    expect(((badDates.details?.fields ?? []) as { field: string }[]).map((f) => f.field)).toEqual([
      "readyOn",
      "bestBefore",
    ]);
    expect(await succeed(world.deps.harvests.listByPlan(lot.planId))).toEqual([]);
  });
});
