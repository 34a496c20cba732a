import { describeRateCounterContract } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { makeDynamoRateCounter, rateKeys } from "./rate-counter.ts";
import { createTestTable } from "./testing/dynamo-test-table.ts";
import { refuseScans } from "./testing/refuse-scans.ts";

describeRateCounterContract("dynamodb", async () => {
  const table = await createTestTable({ configure: refuseScans });
  return { subject: makeDynamoRateCounter(table), cleanup: () => table.drop() };
});

describe("DynamoDB rate counter", () => {
  it("stores the window with the table's TTL attribute, in epoch seconds", async () => {
    const table = await createTestTable();
    try {
      await makeDynamoRateCounter(table).hit(
        "s",
        "2026-05-01T10:00:00.000Z",
        "2026-05-01T11:00:00.500Z",
      )();
      expect(await table.items()).toEqual([
        { ...rateKeys("s", "2026-05-01T10:00:00.000Z"), count: 1, expiresAtEpoch: 1_777_633_201 },
      ]);
    } finally {
      await table.drop();
    }
  });
});
