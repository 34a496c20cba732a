import {
  allocateHarvests,
  cancelOwnership,
  DEFAULT_RESERVATION_CONFIG,
  SYSTEM_ACTOR,
} from "@owners/app";
import { makeHarvestWorld, succeed } from "@owners/app/testing";
import type { Ownership, Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

/**
 * An owner's cancellation racing the allocation batch on a closed plan: whichever commits first,
 * no ownership ends both cancelled (refunded) and allocated. The batch marks the plan before it
 * reads the ownerships; the cancellation's transaction requires the mark absent.
 */
describe("an owner's cancellation racing the allocation batch", () => {
  let table: TestTable;
  let counter = 0;

  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(async () => {
    await table.drop();
  });

  const closedPlanWithLot = async () => {
    counter += 1;
    const world = makeHarvestWorld({ reservation: makeDynamoReservationStores(table) });
    const plan = await world.openPlan(
      `plan_race_${counter}`,
      {},
      {
        cancellationDeadline: "2026-12-31T00:00:00.000Z" as Plan["cancellationDeadline"],
      },
    );
    const leaving = await world.reserve(plan, "leaving", 2, 0);
    await world.reserve(plan, "staying", 1, 1);
    const closed = await world.closePlan(plan.id);
    await world.addLot(closed, `lot_${counter}`, 12);
    const deps = { ...world.deps, config: DEFAULT_RESERVATION_CONFIG };
    const cancel = () =>
      cancelOwnership(deps)({ id: leaving.ownerId, role: "owner" }, { ownershipId: leaving.id })();
    const allocate = () => allocateHarvests(deps)(SYSTEM_ACTOR, { planId: closed.id })();
    const stored = async (): Promise<Ownership> => {
      const found = await succeed(world.deps.ownerships.get(leaving.id));
      if (found._tag === "None") throw new Error("gone");
      return found.value;
    };
    const allocatedIds = async () =>
      (await succeed(world.deps.allocations.listSummaries(closed.id, { limit: 100 }))).items.map(
        (s) => s.ownershipId as string,
      );
    const intents = () => succeed(world.deps.refundIntents.listByPlan(closed.id));
    return { leaving, cancel, allocate, stored, allocatedIds, intents };
  };

  it("cancellation first: the batch allocates only who is still active", async () => {
    const race = await closedPlanWithLot();
    const cancelled = await race.cancel();
    expect(E.isRight(cancelled)).toBe(true);
    expect(E.isRight(await race.allocate())).toBe(true);
    expect((await race.stored()).status).toBe("cancelled");
    expect(await race.allocatedIds()).not.toContain(race.leaving.id);
    expect(await race.intents()).toHaveLength(1);
  });

  it("allocation first: the cancellation is refused and nothing is refunded", async () => {
    const race = await closedPlanWithLot();
    expect(E.isRight(await race.allocate())).toBe(true);
    const refused = await race.cancel();
    expect(E.isLeft(refused) && refused.left._tag).toBe("OWNERSHIP.CANCELLATION_CLOSED");
    expect((await race.stored()).status).toBe("active");
    expect(await race.allocatedIds()).toContain(race.leaving.id);
    expect(await race.intents()).toEqual([]);
  });

  it("at the same time: never both cancelled and allocated", async () => {
    for (let i = 0; i < 4; i += 1) {
      const race = await closedPlanWithLot();
      const [cancelled] = await Promise.all([race.cancel(), race.allocate()]);
      const status = (await race.stored()).status;
      const allocated = (await race.allocatedIds()).includes(race.leaving.id);
      expect(status === "cancelled" && allocated).toBe(false);
      expect(E.isRight(cancelled)).toBe(status === "cancelled");
      expect((await race.intents()).length).toBe(status === "cancelled" ? 1 : 0);
    }
  });
});
