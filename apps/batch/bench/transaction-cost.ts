/**
 * What one item costs DynamoDB Local written by TransactWriteItems against BatchWriteItem: the
 * floor under `BENCH allocate-batch`, whose ledger, audit, credit and tally writes are
 * transactional (each ownership's money with its tally, atomically) while its baseline is plain
 * BatchWriteItem. Writes 8,000 items of ~250 bytes on fresh tables, two rounds:
 *   - BatchWriteItem, 25 a call, 4 calls in flight (the baseline's way);
 *   - TransactWriteItems of 10, 25, 50 and 96 conditional puts plus one tally update, one at a time;
 *   - the same at 96 without conditions;
 *   - 25 a transaction, 4 in flight, each moving its own tally item (no two conflict).
 * Not part of `pnpm bench`: `cd apps/batch && npx tsx bench/transaction-cost.ts`.
 */
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION, startDynamoDbLocal } from "@owners/test-engines";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ITEMS = 8_000;
const ROUNDS = 2;

const engine = await startDynamoDbLocal({ startTimeoutMs: 180_000 });
const raw = new DynamoDBClient({
  endpoint: engine.endpoint,
  region: LOCAL_AWS_REGION,
  credentials: LOCAL_AWS_CREDENTIALS,
});
const doc = DynamoDBDocumentClient.from(raw);

let tables = 0;
const freshTable = async (): Promise<string> => {
  const name = `cost-${tables++}`;
  await raw.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "PK", AttributeType: "S" },
        { AttributeName: "SK", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "PK", KeyType: "HASH" },
        { AttributeName: "SK", KeyType: "RANGE" },
      ],
    }),
  );
  return name;
};

const item = (i: number) => ({
  PK: `OWN#${i}`,
  SK: `LEDGER#${i}`,
  amountYen: i,
  note: "x".repeat(200),
});

/** Runs the calls with `inFlight` of them at a time. */
const inPool = async (inFlight: number, calls: (() => Promise<unknown>)[]) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < calls.length) await (calls[next++] as () => Promise<unknown>)();
    }),
  );
};

const batchWrites = (table: string) =>
  Array.from({ length: Math.ceil(ITEMS / 25) }, (_, call) => () => {
    const puts = [];
    for (let i = call * 25; i < Math.min(ITEMS, (call + 1) * 25); i++)
      puts.push({ PutRequest: { Item: item(i) } });
    return doc.send(new BatchWriteCommand({ RequestItems: { [table]: puts } }));
  });

const transactions = (table: string, size: number, conditional: boolean, tallyPerCall: boolean) =>
  Array.from({ length: Math.ceil(ITEMS / size) }, (_, call) => () => {
    const writes: Record<string, unknown>[] = [];
    for (let i = call * size; i < Math.min(ITEMS, (call + 1) * size); i++)
      writes.push({
        Put: {
          TableName: table,
          Item: item(i),
          ...(conditional ? { ConditionExpression: "attribute_not_exists(PK)" } : {}),
        },
      });
    writes.push({
      Update: {
        TableName: table,
        Key: { PK: "TALLY", SK: tallyPerCall ? `CALL#${call}` : "PLAN" },
        UpdateExpression: "ADD written :n",
        ExpressionAttributeValues: { ":n": writes.length },
      },
    });
    return doc.send(new TransactWriteCommand({ TransactItems: writes as never }));
  });

const timed = async (label: string, run: (table: string) => Promise<void>) => {
  const table = await freshTable();
  const started = performance.now();
  await run(table);
  console.log(`${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
};

try {
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`# round ${round}: ${ITEMS} items each`);
    await timed("BatchWriteItem 25 a call, 4 in flight", (t) => inPool(4, batchWrites(t)));
    for (const size of [10, 25, 50, 96])
      await timed(`TransactWriteItems ${size} + tally, serial`, (t) =>
        inPool(1, transactions(t, size, true, false)),
      );
    await timed("TransactWriteItems 96 + tally, no conditions", (t) =>
      inPool(1, transactions(t, 96, false, false)),
    );
    await timed("TransactWriteItems 25 + own tally, 4 in flight", (t) =>
      inPool(4, transactions(t, 25, true, true)),
    );
  }
} finally {
  doc.destroy();
  raw.destroy();
  await engine.stop();
}
