/**
 * The allocation batch at scale, with a shortfall, on a DynamoDB Local this script starts and
 * stops. Prints:
 *   BENCH allocate-batch <s> s owners=30000 writes=<n> ratio=<r> shortfall=30% refunds=<k> credits=<k> runs=3
 * <s>: allocating two closed plans of 15,000 ownerships each, harvested 30 % short (one lot each,
 * the harvest declared complete), end to end: `runBatch("allocate-harvests", { planId })` of the
 * batch app's composition (lease, checkpoint, reading the ownerships, the quota method, lot
 * allocations, messages, the shortfall settled — refunds appended to the ledger and paid back,
 * store credit recorded with the balances —, summaries, the plans' marks). One plan's terms
 * refund, the other's give credit.
 * Fails unless refunds were written and paid and credit recorded.
 * <n>: items the run wrote. <r>: <s> over the time plain BatchWriteItem takes to write <n> items of
 * the same sizes and index keys (copies of the run's own items), 25 a call and as many calls in
 * flight as the adapters use (4), in the same engine.
 * Both sides run once to warm up (the engine's JIT, Node's), then three times each, interleaved
 * and alternating which goes first, each on a fresh table; <s> and the baseline are the medians.
 * Goal: ratio <= 1.5. BENCH_OWNERS=<n> runs other sizes (the line says which). The default is
 * 30,000 owners: eight seeded runs (warm-up and three per side) at 100,000 took over an hour on
 * the 2-core machine, too long for every `pnpm bench`; BENCH_OWNERS=100000 still runs it.
 */
import "reflect-metadata";
import { CreateTableCommand, DeleteTableCommand } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import type { PaymentGateway } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { composeBatches } from "../src/composition.ts";
import { acceptingProcessor, runBench, shortfallPlans, withBenchEngine } from "./bench-engine.ts";
import { batchWritePlain, seedBenchPlan } from "./seed.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const OWNERS = Number(process.env.BENCH_OWNERS ?? 30_000);
/** 30 % of the entitled units never came. */
const HARVEST_RATIO = 0.7;
const RUNS = 3;
/** BatchWriteItem calls in flight: the adapters' batchWriteAll default. */
const BASELINE_CONCURRENCY = 4;
const SEED_CONCURRENCY = 16;
const BASELINE_TABLE = "owners-baseline";

type Item = Record<string, unknown>;

/** Records every item a write request carries (puts in full; updates and deletes as a count). */
const recordWrites = (doc: DynamoDBDocumentClient) => {
  let puts: Item[] = [];
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
      puts = [];
      otherWrites = 0;
      recording = true;
    },
    stop: () => {
      recording = false;
      return { puts, count: puts.length + otherWrites };
    },
  };
};

const seconds = (ms: number) => ms / 1000;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

const main = () =>
  withBenchEngine(async ({ raw, config, doc }) => {
    const writes = recordWrites(doc);
    const plans = shortfallPlans(OWNERS, HARVEST_RATIO);

    /** One allocation run on a fresh table (seeding untimed); the table is dropped after. */
    const allocationRun = async () => {
      await raw.send(new CreateTableCommand(createTableInput(config.OWNERS_TABLE)));
      for (const bench of plans)
        await seedBenchPlan(doc, config.OWNERS_TABLE, bench, SEED_CONCURRENCY);
      const batches = composeBatches(config, {
        doc,
        ports: { payments: acceptingProcessor() as PaymentGateway },
      });
      writes.start();
      const started = performance.now();
      const counts: Record<string, number>[] = [];
      for (const bench of plans) {
        const result = await batches.runBatch("allocate-harvests", { planId: bench.plan.id })();
        if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
        const got = result.right.counts;
        if (got.plansAllocated !== 1 || got.summariesWritten !== bench.ownerships.length)
          throw new Error(`unexpected allocation: ${JSON.stringify(got)}`);
        counts.push(got);
      }
      const ms = performance.now() - started;
      const written = writes.stop();
      console.error(
        `allocate-batch: allocation run ${seconds(ms).toFixed(1)} s, ${written.count} writes`,
      );
      batches.close();
      await raw.send(new DeleteTableCommand({ TableName: config.OWNERS_TABLE }));
      return { ms, written, counts };
    };

    /** The same count of items with plain BatchWriteItem, on a fresh table dropped after. */
    const baselineRun = async (items: readonly Item[]) => {
      await raw.send(new CreateTableCommand(createTableInput(BASELINE_TABLE)));
      const started = performance.now();
      await batchWritePlain(doc, BASELINE_TABLE, items, BASELINE_CONCURRENCY);
      const ms = performance.now() - started;
      console.error(`allocate-batch: baseline run ${seconds(ms).toFixed(1)} s`);
      await raw.send(new DeleteTableCommand({ TableName: BASELINE_TABLE }));
      return ms;
    };

    // Warm-up of both sides: the first run of each pays for the JVM's and V8's compilation.
    const warm = await allocationRun();
    const filler = warm.written.puts[0] ?? { PK: "BASELINE", SK: "0" };
    const items = [
      ...warm.written.puts,
      ...Array.from({ length: warm.written.count - warm.written.puts.length }, (_, i) => ({
        ...filler,
        PK: `BASELINE#${i}`,
      })),
    ];
    await baselineRun(items);

    const allocations: number[] = [];
    const baselines: number[] = [];
    let last = warm;
    for (let run = 0; run < RUNS; run += 1) {
      // Alternating which side goes first, so drift on a shared machine hits both alike.
      if (run % 2 === 0) {
        last = await allocationRun();
        allocations.push(last.ms);
        baselines.push(await baselineRun(items));
      } else {
        baselines.push(await baselineRun(items));
        last = await allocationRun();
        allocations.push(last.ms);
      }
    }
    // The refund plan's compensations are refunds, the credit plan's credits: both must be there.
    const refunds = last.counts[0]?.compensationsWritten ?? 0;
    const credits = last.counts[1]?.compensationsWritten ?? 0;
    const refundsPaid = last.counts[0]?.refundsPaid ?? 0;
    if (refunds === 0 || credits === 0 || refundsPaid === 0)
      throw new Error(`no shortfall settled: ${JSON.stringify(last.counts)}`);
    const allocateMs = median(allocations);
    const baselineMs = median(baselines);
    console.log(
      `allocate-batch: allocation runs ${allocations.map((ms) => seconds(ms).toFixed(1)).join("/")} s; ` +
        `plain BatchWriteItem of ${items.length} items (${BASELINE_CONCURRENCY} in flight) ` +
        `${baselines.map((ms) => seconds(ms).toFixed(1)).join("/")} s; run counts ${JSON.stringify(last.counts)}`,
    );
    console.log(
      `BENCH allocate-batch ${seconds(allocateMs).toFixed(1)} s owners=${OWNERS} writes=${last.written.count} ratio=${(allocateMs / baselineMs).toFixed(2)} shortfall=30% refunds=${refunds} credits=${credits} runs=${RUNS}`,
    );
  });

runBench(main);
