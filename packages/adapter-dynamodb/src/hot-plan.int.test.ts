import { type AppError, reserveShares } from "@owners/app";
import { makeReservationKit, type ReservationKit, succeed } from "@owners/app/testing";
import type { Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";
import { limitWriteUnits, type WriteUnitLimits } from "./testing/write-unit-limits.ts";

/**
 * DynamoDB's 1,000 units a second per item and a crowd at 4× that, both scaled down by 200 to what
 * DynamoDB Local on a shared test machine serves without queueing for seconds.
 */
const UNITS_PER_SECOND = 5;
const REQUESTS_PER_SECOND = 20;
const SUPPLY = 10;

interface Answer {
  readonly owner: number;
  readonly result: E.Either<AppError, { ownership: { id: string; shares: number } }>;
}

/**
 * A crowd of 20× the supply arriving at a rate: owner i asks for 1 to 3 shares once, every tenth
 * sends its request twice, every seventh asks again under a new key.
 */
const crowd = async (kit: ReservationKit, plan: Plan): Promise<Answer[]> => {
  const reserve = reserveShares(kit.deps);
  const requests: { owner: number; shares: number; key: string }[] = [];
  for (let i = 0; requests.length < 20 * SUPPLY; i += 1) {
    const ask = { owner: i, shares: 1 + (i % 3), key: `k${i}` };
    requests.push(ask);
    if (i % 10 === 0) requests.push(ask);
    if (i % 7 === 0) requests.push({ ...ask, shares: 2, key: `k${i}-again` });
  }
  return Promise.all(
    requests.map(
      (r, n) =>
        new Promise<Answer>((resolve) => {
          setTimeout(
            async () => {
              const result = await reserve(kit.owner(r.owner), {
                planId: plan.id,
                shares: r.shares,
                shippingRegion: "kanto",
                idempotencyKey: r.key,
              })();
              resolve({ owner: r.owner, result });
            },
            (n * 1000) / REQUESTS_PER_SECOND,
          );
        }),
    ),
  );
};

const heldShares = (answers: readonly Answer[]) => {
  const ownerships = new Map<string, number>();
  for (const a of answers)
    if (E.isRight(a.result))
      ownerships.set(a.result.right.ownership.id, a.result.right.ownership.shares);
  return [...ownerships.values()].reduce((n, s) => n + s, 0);
};

const refusals = (answers: readonly Answer[]) =>
  answers.flatMap((a) => (E.isLeft(a.result) ? [a.result.left._tag] : []));

/**
 * The hot plan at cloud scale, simulated: the API's DynamoDB client spends write units per item as
 * DynamoDB does and refuses writes past 50 a second on the plan's counter item, while a crowd of
 * 20× the supply arrives at 200 reservations a second through the use case on DynamoDB Local.
 */
describe("a hot plan under DynamoDB's per-item write rate", () => {
  let table: TestTable;
  let limits: WriteUnitLimits;
  let kit: ReservationKit;
  let plan: Plan;
  let answers: Answer[];

  beforeAll(async () => {
    table = await createTestTable({
      requestHandler: { socketAcquisitionWarningTimeout: 600_000 },
    });
    limits = limitWriteUnits(table.doc, { unitsPerSecond: UNITS_PER_SECOND, sizes: table.raw });
    limits.enabled = false;
    kit = makeReservationKit({ stores: makeDynamoReservationStores(table) });
    plan = await kit.givenOpenPlan({ totalShares: SUPPLY, maxSharesPerOwner: 3 });
    limits.enabled = true;
    answers = await crowd(kit, plan);
  }, 180_000);
  afterAll(async () => {
    await table.drop();
  });

  it("really throttled: writes were refused for the plan's rate", () => {
    expect(limits.throttled()).toBeGreaterThan(0);
    expect(limits.hottest()?.item).toContain(`PLAN#${plan.id}`);
  });

  it("sells exactly the supply, never more", async () => {
    const stored = await succeed(kit.deps.plans.get(plan.id));
    expect(stored).toMatchObject({ value: { sharesSold: SUPPLY } });
    expect(heldShares(answers)).toBe(SUPPLY);
  });

  it("answers everyone else with a clean sold out or over the limit, never a store failure", () => {
    const refused = refusals(answers);
    expect(refused.length).toBeGreaterThan(answers.length / 2);
    expect(refused.filter((tag) => tag !== "PLAN.SOLD_OUT" && tag !== "PLAN.OWNER_LIMIT")).toEqual(
      [],
    );
  });
});
