import { makeMemoryPaymentGateway } from "@owners/adapter-memory";
import { describeReservationModel } from "@owners/app/testing";
import { afterAll, beforeAll } from "vitest";
import { makeDynamoReservationStores } from "./reservation-stores.ts";
import { LOADED_ENGINE_RETRY } from "./testing/contention.ts";
import { createTestTable, type TestTable } from "./testing/dynamo-test-table.ts";

/**
 * The reservation and waitlist model of the app's tests, on DynamoDB Local: fewer, shorter runs
 * (each command is a few round trips to a real engine), each on a fresh plan of one table, so the
 * transactions, conditions and counters that hold in memory are shown to hold on the real store.
 */
let table: TestTable | undefined;
beforeAll(async () => {
  // Under CI load one DynamoDB Local call can take a second: budgets sized for the engine, not AWS.
  table = await createTestTable({ retry: LOADED_ENGINE_RETRY });
}, 60_000);
afterAll(async () => table?.drop());

describeReservationModel({
  stores: () => {
    if (table === undefined) throw new Error("the table is created before the model runs");
    return makeDynamoReservationStores(table);
  },
  config: { conflictRetry: LOADED_ENGINE_RETRY },
  // Every run's holds are on the one table: expiry finds earlier runs' too, at this processor.
  payments: makeMemoryPaymentGateway(),
  numRuns: 12,
  maxCommands: 25,
  timeoutMs: 240_000,
});
