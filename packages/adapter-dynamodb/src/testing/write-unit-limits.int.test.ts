import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestTable, type TestTable } from "./dynamo-test-table.ts";
import { itemSize, writeUnits } from "./item-size.ts";
import { limitWriteUnits, type WriteUnitLimits } from "./write-unit-limits.ts";

const RATE = 10;
const key = (id: string) => ({ PK: `HOT#${id}`, SK: "ITEM" });
const rawKey = (id: string) => ({ PK: { S: `HOT#${id}` }, SK: { S: "ITEM" } });

/** The error a promise rejected with (the test fails if it resolved). */
const failure = async (promise: Promise<unknown>): Promise<Record<string, unknown>> => {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error("expected the write to be refused");
};

/**
 * The per-item write-unit limits on DynamoDB Local, on a clock the test moves, with the client's
 * retries off so every refusal is seen as DynamoDB sends it.
 */
describe("per-item write-unit limits", () => {
  let table: TestTable;
  let limits: WriteUnitLimits;
  let clock = 0;
  let item = 0;
  /** A fresh item per test, so buckets never carry over. */
  let id = "";

  const bump = (target: string, condition?: string) =>
    table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key(target),
        UpdateExpression: "ADD n :one",
        ExpressionAttributeValues: { ":one": 1, ...(condition ? { ":never": -1 } : {}) },
        ...(condition ? { ConditionExpression: condition } : {}),
      }),
    );
  const count = async (target: string) =>
    Number(
      (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key(target) }))).Item
        ?.n ?? 0,
    );

  beforeAll(async () => {
    table = await createTestTable({ retry: { budgetMs: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    limits = limitWriteUnits(table.doc, {
      unitsPerSecond: RATE,
      sizes: table.raw,
      sizeTtlMs: 0,
      now: () => clock,
    });
  });
  afterAll(async () => {
    await table.drop();
  });
  beforeEach(() => {
    item += 1;
    id = `i${item}`;
    clock += 10_000;
  });

  it("lets an item take its rate of small writes, then refuses with ProvisionedThroughputExceeded and writes nothing", async () => {
    for (let i = 0; i < RATE; i += 1) await bump(id);
    const refused = await failure(bump(id));
    expect(refused.name).toBe("ProvisionedThroughputExceededException");
    expect(await count(id)).toBe(RATE);
    expect(limits.unitsSpent(table.tableName, rawKey(id))).toBe(RATE);
  });

  it("refills at the rate: after half a second, half the rate again", async () => {
    for (let i = 0; i < RATE; i += 1) await bump(id);
    clock += 500;
    for (let i = 0; i < RATE / 2; i += 1) await bump(id);
    expect((await failure(bump(id))).name).toBe("ProvisionedThroughputExceededException");
    expect(await count(id)).toBe(RATE + RATE / 2);
  });

  it("keeps items apart: another item still writes while one is over its rate", async () => {
    for (let i = 0; i < RATE; i += 1) await bump(id);
    await failure(bump(id));
    await bump(`${id}-other`);
    expect(await count(`${id}-other`)).toBe(1);
  });

  it("charges failed conditional writes: refused conditions spend the item's units", async () => {
    for (let i = 0; i < RATE; i += 1)
      expect((await failure(bump(id, "n = :never"))).name).toBe("ConditionalCheckFailedException");
    expect((await failure(bump(id))).name).toBe("ProvisionedThroughputExceededException");
    expect(limits.unitsSpent(table.tableName, rawKey(id))).toBe(RATE);
  });

  it("charges one unit per started KB of the stored item, two in a transaction", async () => {
    const big = { ...key(id), n: 0, story: "あ".repeat(700) };
    const units = writeUnits(
      itemSize({ PK: { S: big.PK }, SK: { S: big.SK }, n: { N: "0" }, story: { S: big.story } }),
    );
    expect(units).toBe(3);
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: big }));
    clock += 1_000;
    await bump(id);
    clock += 1_000;
    await table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table.tableName,
              Key: key(id),
              UpdateExpression: "ADD n :one",
              ExpressionAttributeValues: { ":one": 1 },
            },
          },
        ],
      }),
    );
    expect(limits.unitsSpent(table.tableName, rawKey(id))).toBe(units + units + 2 * units);
  });

  it("cancels a transaction with ThrottlingError on the item over its rate, None on the others, and writes none of it", async () => {
    // A 3 KB item: 6 units a transactional write, so a rate of 10 takes one and refuses the next.
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...key(id), n: 0, story: "x".repeat(2_500) },
      }),
    );
    clock += 1_000;
    const transaction = (other: string) =>
      table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table.tableName, Item: { ...key(other), n: 1 } } },
            {
              Update: {
                TableName: table.tableName,
                Key: key(id),
                UpdateExpression: "ADD n :one",
                ExpressionAttributeValues: { ":one": 1 },
              },
            },
          ],
        }),
      );
    await transaction(`${id}-a`);
    const refused = await failure(transaction(`${id}-b`));
    expect(refused.name).toBe("TransactionCanceledException");
    expect((refused.CancellationReasons as { Code: string }[]).map((r) => r.Code)).toEqual([
      "None",
      "ThrottlingError",
    ]);
    expect(await count(id)).toBe(1);
    expect(await count(`${id}-b`)).toBe(0);
  });

  it("counts nothing while off", async () => {
    limits.enabled = false;
    try {
      for (let i = 0; i < 3 * RATE; i += 1) await bump(id);
    } finally {
      limits.enabled = true;
    }
    expect(await count(id)).toBe(3 * RATE);
    expect(limits.unitsSpent(table.tableName, rawKey(id))).toBe(0);
  });
});
