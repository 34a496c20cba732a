import { RESERVATION_TIMES, samplePlan, succeed } from "@owners/app/testing";
import { addMillis, type Plan, planId } from "@owners/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoPlanRepository } from "./plan-repository.ts";
import { countQueries, type QueryLog } from "./testing/count-queries.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

const BUDGET = { itemsPerRead: 25, readsPerRequest: 3 };
const PLANS = 200;

/** Open plans a minute apart, all "fruit" but the oldest, a rare "seaweed" one. */
const plan = (i: number): Plan =>
  samplePlan(
    {
      id: planId(`plan_${String(i).padStart(3, "0")}`),
      status: "open",
      createdAt: addMillis(RESERVATION_TIMES.created, i * 60_000),
    },
    { category: i === 0 ? "seaweed" : "fruit" },
  );

describe("a filtered plan list on DynamoDB Local reads a bounded amount per request", () => {
  let table: TestTable;
  let log: QueryLog;
  beforeAll(async () => {
    let counted: QueryLog | undefined;
    table = await createTestTable({
      configure: (doc) => {
        counted = countQueries(doc);
      },
    });
    log = counted as QueryLog;
    const plans = makeDynamoPlanRepository(table);
    for (let i = 0; i < PLANS; i += 20)
      await Promise.all(Array.from({ length: 20 }, (_, j) => succeed(plans.create(plan(i + j)))));
  });
  afterAll(async () => {
    await table.drop();
  });

  it("sends at most readsPerRequest Queries of Limit itemsPerRead, and the cursor finds the match", async () => {
    const plans = makeDynamoPlanRepository({ ...table, listBudget: BUDGET });
    const filter = { status: "open" as const, category: "seaweed" };
    const found: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      log.limits.length = 0;
      const page = await succeed(
        plans.list(filter, cursor === undefined ? { limit: 20 } : { limit: 20, cursor }),
      );
      calls += 1;
      expect(log.limits.length).toBeGreaterThan(0);
      expect(log.limits.length).toBeLessThanOrEqual(BUDGET.readsPerRequest);
      expect(log.limits.every((limit) => limit === BUDGET.itemsPerRead)).toBe(true);
      found.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor !== undefined && calls < 100);
    expect(found).toEqual(["plan_000"]);
    // 200 plans at 75 items a request: the match is three requests away, not one.
    expect(calls).toBeGreaterThanOrEqual(
      Math.ceil(PLANS / (BUDGET.itemsPerRead * BUDGET.readsPerRequest)),
    );
  });

  it("keeps the default budget when the context sets none", async () => {
    const plans = makeDynamoPlanRepository(table);
    log.limits.length = 0;
    await succeed(plans.list({ category: "seaweed" }, { limit: 10 }));
    expect(log.limits.length).toBeLessThanOrEqual(4);
    expect(log.limits.every((limit) => limit === 100)).toBe(true);
  });
});
