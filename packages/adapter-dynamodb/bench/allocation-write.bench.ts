/**
 * How long the allocation batch's biggest write takes on DynamoDB Local: 100k lot allocations (a
 * plan of 100k ownerships, one lot) through BatchWriteItem in chunks of 25, then read back by
 * pages of 100. Run: `pnpm --filter @owners/adapter-dynamodb exec tsx bench/allocation-write.bench.ts`.
 * Prints `BENCH <name> <value> <unit> <key=value ...>` lines.
 */
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { type LotAllocation, MAX_PAGE_LIMIT, makeCursorCodec } from "@owners/app";
import { lotId, ownerId, ownershipId, planId } from "@owners/domain";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION, startDynamoDbLocal } from "@owners/test-engines";
import * as E from "fp-ts/lib/Either.js";
import { makeDynamoAllocationRepository } from "../src/allocation-repository.ts";
import { makeDocumentClient } from "../src/client.ts";
import { createTableInput } from "../src/table.ts";

const COUNT = Number(process.env.BENCH_ALLOCATIONS ?? 100_000);

const main = async () => {
  const engine = await startDynamoDbLocal();
  try {
    const config = {
      endpoint: engine.endpoint,
      region: LOCAL_AWS_REGION,
      credentials: LOCAL_AWS_CREDENTIALS,
    };
    const raw = new DynamoDBClient(config);
    await raw.send(new CreateTableCommand(createTableInput("bench")));
    const ctx = {
      doc: makeDocumentClient(config),
      tableName: "bench",
      cursors: makeCursorCodec("bench"),
    };
    const repo = makeDynamoAllocationRepository(ctx);
    const records: LotAllocation[] = Array.from({ length: COUNT }, (_, i) => ({
      planId: planId("plan_bench"),
      lotId: lotId("lot_1"),
      ownershipId: ownershipId(`own_${String(i).padStart(6, "0")}`),
      ownerId: ownerId(`owner_${i}`),
      grade: "standard",
      units: 1 + (i % 4),
    }));

    const writeStart = performance.now();
    const written = await repo.putLotAllocations(records)();
    const writeMs = performance.now() - writeStart;
    if (E.isLeft(written)) throw new Error(written.left.message);
    console.log(
      `BENCH allocation-batch-write ${(COUNT / (writeMs / 1000)).toFixed(0)} items/s items=${COUNT} ms=${writeMs.toFixed(0)} chunk=25`,
    );

    const readStart = performance.now();
    let read = 0;
    let cursor: string | undefined;
    do {
      const page = await repo.listLotAllocations(
        planId("plan_bench"),
        lotId("lot_1"),
        cursor === undefined ? { limit: MAX_PAGE_LIMIT } : { limit: MAX_PAGE_LIMIT, cursor },
      )();
      if (E.isLeft(page)) throw new Error(page.left.message);
      read += page.right.items.length;
      cursor = page.right.nextCursor;
    } while (cursor !== undefined);
    const readMs = performance.now() - readStart;
    if (read !== COUNT) throw new Error(`read ${read} of ${COUNT}`);
    console.log(
      `BENCH allocation-paged-read ${(COUNT / (readMs / 1000)).toFixed(0)} items/s items=${COUNT} ms=${readMs.toFixed(0)} page=${MAX_PAGE_LIMIT}`,
    );
    raw.destroy();
    ctx.doc.destroy();
  } finally {
    await engine.stop();
  }
};

await main();
