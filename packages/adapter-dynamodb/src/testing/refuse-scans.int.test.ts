import { GetCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTable, type TestTable } from "./dynamo-test-table.ts";
import { refuseScans } from "./refuse-scans.ts";

describe("refuseScans", () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable({ configure: refuseScans });
  });
  afterAll(() => table.drop());

  it("fails a Scan and lets a GetItem through", async () => {
    await expect(table.doc.send(new ScanCommand({ TableName: table.tableName }))).rejects.toThrow(
      /Scan is not allowed/,
    );
    const output = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: "x", SK: "y" } }),
    );
    expect(output.Item).toBeUndefined();
  });
});
