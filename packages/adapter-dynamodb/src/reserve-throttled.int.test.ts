import { ScanCommand } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { cancelOwnership, reserveShares } from "@owners/app";
import { makeReservationKit, type ReservationKit, succeed } from "@owners/app/testing";
import type { Ownership } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { THROTTLE_RETRY_POLICY } from "./retry.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

const WRITES = new Set([
  "TransactWriteItemsCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
]);

/** While `on`, every write is throttled before it is sent; reads go through. Counts the refusals. */
const persistentWriteThrottling = (doc: DynamoDBDocumentClient) => {
  const state = { on: false, throttled: 0 };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (state.on && WRITES.has(context.commandName ?? "")) {
        state.throttled += 1;
        throw Object.assign(new Error("Throughput exceeds the table's limit (injected)"), {
          name: "ThrottlingException",
          $fault: "client",
          $metadata: { httpStatusCode: 400 },
        });
      }
      return next(args);
    },
    { step: "finalizeRequest", name: "persistentWriteThrottling" },
  );
  return state;
};

/** Every item of the table, in key order: what "nothing was written" is compared on. */
const everything = async (table: TestTable) => {
  const output = await table.raw.send(
    new ScanCommand({ TableName: table.tableName, ConsistentRead: true }),
  );
  return (output.Items ?? [])
    .map((item) => JSON.stringify(item))
    .sort()
    .join("\n");
};

const timed = async <A>(run: () => Promise<A>) => {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
};

/**
 * A reservation and a cancellation while DynamoDB throttles every write for good: each gives up
 * after the one throttling budget (not the SDK's attempts times the adapter's times the conflict
 * retry's) with STORE.UNAVAILABLE and leaves the table as it was; the reservation charges nothing.
 */
describe("reservations under persistent throttling", () => {
  let table: TestTable;
  let throttling: ReturnType<typeof persistentWriteThrottling>;
  let kit: ReservationKit;
  let held: Ownership;
  let planId: string;

  beforeAll(async () => {
    table = await createTestTable({
      configure: (doc) => {
        throttling = persistentWriteThrottling(doc);
      },
    });
    kit = makeReservationKit({ stores: makeDynamoReservationStores(table) });
    const plan = await kit.givenOpenPlan({ totalShares: 10, maxSharesPerOwner: 3 });
    planId = plan.id;
    const reserved = await succeed(
      reserveShares(kit.deps)(kit.owner("sato"), {
        planId,
        shares: 2,
        shippingRegion: "kanto",
        idempotencyKey: "sato-1",
      }),
    );
    // Paid, so that its cancellation has a payment to refund.
    held = await kit.pay(reserved.ownership);
  }, 120_000);
  afterAll(async () => {
    await table.drop();
  });

  it("a reservation ends with STORE.UNAVAILABLE within the budget, charging nothing and writing nothing", async () => {
    const before = await everything(table);
    const movements = kit.payments.movements().length;
    throttling.on = true;
    const { result, ms } = await timed(() =>
      reserveShares(kit.deps)(kit.owner("suzuki"), {
        planId,
        shares: 1,
        shippingRegion: "kanto",
        idempotencyKey: "suzuki-1",
      })(),
    );
    throttling.on = false;
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    expect(throttling.throttled).toBeGreaterThan(2);
    expect(ms).toBeGreaterThanOrEqual(
      THROTTLE_RETRY_POLICY.budgetMs - THROTTLE_RETRY_POLICY.maxDelayMs,
    );
    expect(ms).toBeLessThan(THROTTLE_RETRY_POLICY.budgetMs + 3_000);
    expect(kit.payments.movements()).toHaveLength(movements);
    expect(await everything(table)).toBe(before);
  });

  it("a cancellation ends with STORE.UNAVAILABLE within the budget, writing nothing", async () => {
    const before = await everything(table);
    throttling.throttled = 0;
    throttling.on = true;
    const { result, ms } = await timed(() =>
      cancelOwnership(kit.deps)(kit.owner("sato"), { ownershipId: held.id })(),
    );
    throttling.on = false;
    expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    expect(throttling.throttled).toBeGreaterThan(2);
    expect(ms).toBeLessThan(THROTTLE_RETRY_POLICY.budgetMs + 3_000);
    expect(await everything(table)).toBe(before);
  });

  it("once the throttling stops, the same cancellation goes through and refunds once in all", async () => {
    // The gateway refund comes first by design (keyed by the ownership), so the failed try may
    // have refunded already; the retry completes the cancellation without refunding again.
    const cancelled = await succeed(
      cancelOwnership(kit.deps)(kit.owner("sato"), { ownershipId: held.id }),
    );
    expect(cancelled.status).toBe("cancelled");
    const refunds = kit.payments.movements().filter((m) => m.kind === "refund");
    expect(refunds).toHaveLength(1);
  });
});
