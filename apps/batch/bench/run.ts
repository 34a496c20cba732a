/**
 * The allocation batch at scale, on a DynamoDB Local this script starts and stops. Prints:
 *   BENCH allocate-batch <s> s owners=100000 writes=<n> ratio=<r>
 * <s>: allocating one lot (a full harvest) of a closed plan with 100,000 ownerships, end to end:
 * `runBatch("allocate-harvests", { planId })` of the batch app's composition (lease, checkpoint,
 * reading the ownerships, the quota method, lot allocations, messages, summaries, the plan's mark).
 * <n>: items the run wrote. <r>: <s> over the time plain BatchWriteItem takes to write <n> items of
 * the same sizes and index keys (copies of the run's own items), 25 a call and as many calls in
 * flight as the adapters use (4), in the same engine. Goal: ratio <= 1.5.
 * BENCH_OWNERS=<n> runs a smaller plan (the line then says so).
 */
import "reflect-metadata";
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION, startDynamoDbLocal } from "@owners/test-engines";
import * as E from "fp-ts/lib/Either.js";
import { composeBatches, makeBatchDocumentClient } from "../src/composition.ts";
import { readBatchConfig } from "../src/config.ts";
import { batchWritePlain, benchPlan, seedBenchPlan } from "./seed.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const OWNERS = Number(process.env.BENCH_OWNERS ?? 100_000);
/** BatchWriteItem calls in flight: the adapters' batchWriteAll default. */
const BASELINE_CONCURRENCY = 4;
const SEED_CONCURRENCY = 16;

type Item = Record<string, unknown>;

/** Records every item a write request carries (puts in full; updates and deletes as a count). */
const recordWrites = (doc: DynamoDBDocumentClient) => {
  const puts: Item[] = [];
  let otherWrites = 0;
  let recording = false;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (recording) {
        const input = args.input as {
          Item?: Item;
          RequestItems?: Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: unknown }[]>;
          TransactItems?: { Put?: { Item: Item } }[];
        };
        const name = context.commandName ?? "";
        if (input.Item !== undefined) puts.push(input.Item);
        else if (name.startsWith("BatchWrite"))
          for (const requests of Object.values(input.RequestItems ?? {}))
            for (const request of requests)
              if (request.PutRequest !== undefined) puts.push(request.PutRequest.Item);
              else otherWrites += 1;
        else if (name.startsWith("TransactWrite"))
          for (const item of input.TransactItems ?? [])
            if (item.Put !== undefined) puts.push(item.Put.Item);
            else otherWrites += 1;
        else if (name.startsWith("Update") || name.startsWith("Delete")) otherWrites += 1;
      }
      return next(args);
    },
    { step: "initialize", name: "recordWrites" },
  );
  return {
    start: () => {
      recording = true;
    },
    stop: () => {
      recording = false;
      return { puts, count: puts.length + otherWrites };
    },
  };
};

const seconds = (ms: number) => ms / 1000;

const main = async () => {
  const engine = await startDynamoDbLocal();
  const raw = new DynamoDBClient({
    endpoint: engine.endpoint,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
  try {
    const config = readBatchConfig({
      OWNERS_STORE: "dynamodb",
      OWNERS_DYNAMODB_ENDPOINT: engine.endpoint,
      OWNERS_TABLE: "owners-bench",
    });
    await raw.send(new CreateTableCommand(createTableInput(config.OWNERS_TABLE)));
    const doc = makeBatchDocumentClient(config);
    const writes = recordWrites(doc);
    const bench = benchPlan(OWNERS, 1);

    let started = performance.now();
    await seedBenchPlan(doc, config.OWNERS_TABLE, bench, SEED_CONCURRENCY);
    const seedMs = performance.now() - started;

    const batches = composeBatches(config, { doc });
    writes.start();
    started = performance.now();
    const result = await batches.runBatch("allocate-harvests", { planId: bench.plan.id })();
    const allocateMs = performance.now() - started;
    const written = writes.stop();
    if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
    const { counts } = result.right;
    if (counts.plansAllocated !== 1 || counts.summariesWritten !== OWNERS)
      throw new Error(`unexpected allocation: ${JSON.stringify(counts)}`);

    // The baseline gets a table of its own (the engine's heap holds one plan's worth at a time).
    await raw.send(new DeleteTableCommand({ TableName: config.OWNERS_TABLE }));
    await raw.send(new CreateTableCommand(createTableInput("owners-baseline")));
    const filler = written.puts[0] ?? { PK: "BASELINE", SK: "0" };
    const items = [
      ...written.puts,
      ...Array.from({ length: written.count - written.puts.length }, (_, i) => ({
        ...filler,
        PK: `BASELINE#${i}`,
      })),
    ];
    started = performance.now();
    await batchWritePlain(doc, "owners-baseline", items, BASELINE_CONCURRENCY);
    const baselineMs = performance.now() - started;

    console.log(
      `allocate-batch: seeded ${OWNERS} ownerships in ${seconds(seedMs).toFixed(1)} s; ` +
        `plain BatchWriteItem of ${items.length} items (${BASELINE_CONCURRENCY} in flight) ${seconds(baselineMs).toFixed(1)} s; ` +
        `run counts ${JSON.stringify(counts)}`,
    );
    console.log(
      `BENCH allocate-batch ${seconds(allocateMs).toFixed(1)} s owners=${OWNERS} writes=${written.count} ratio=${(allocateMs / baselineMs).toFixed(2)}`,
    );
    batches.close();
    doc.destroy();
  } finally {
    raw.destroy();
    await engine.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
