import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { reserveShares } from "@owners/app";
import { makeReservationKit, sampleReserveCommand, succeed } from "@owners/app/testing";
import { addMillis, type Plan } from "@owners/domain";
import { startDynamoDbLocal } from "@owners/test-engines";
import type { DynamoContext } from "../src/client.ts";
import { makeDynamoReservationStores } from "../src/reservation-stores.ts";
import { reserveTransaction } from "../src/reservation-transactions.ts";
import { contentionReport, runContention } from "../src/testing/contention.ts";
import { createTestTable } from "../src/testing/dynamo-test-table.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[mid] as number);
};

/** A fresh table and a document client whose HTTP requests are counted. */
const freshTable = async (endpoint: string) => {
  const counter = { requests: 0 };
  const table = await createTestTable({
    endpoint,
    prefix: "owners-bench",
    // 500 requests queue for the 50 sockets on purpose: no warning about it in the bench's output.
    requestHandler: { socketAcquisitionWarningTimeout: 600_000 },
    // finalizeRequest runs inside the SDK's retry loop: each HTTP request sent is counted once.
    configure: (doc) =>
      doc.middlewareStack.add(
        (next) => async (args) => {
          counter.requests += 1;
          return next(args);
        },
        { step: "finalizeRequest", name: "countRequests" },
      ),
  });
  const ctx: DynamoContext = table;
  return { ctx, counter, close: () => table.doc.destroy() };
};

const contention = async (endpoint: string) => {
  const { ctx, close } = await freshTable(endpoint);
  const run = await runContention(makeDynamoReservationStores(ctx), {
    totalShares: 100,
    maxPerOwner: 3,
    attempts: 500,
    owners: 200,
  });
  const report = await contentionReport(run, 3);
  console.log(
    `BENCH reserve-contention ${run.ms.toFixed(0)} ms sold=${report.sold} oversold=${report.oversold} duplicates=${report.duplicates}`,
  );
  close();
};

const overhead = async (endpoint: string, rounds: number, warmup: number) => {
  const { ctx, close } = await freshTable(endpoint);
  const stores = makeDynamoReservationStores(ctx);
  const kit = makeReservationKit({ stores });
  const plan: Plan = await kit.givenOpenPlan({ totalShares: 100_000, maxSharesPerOwner: 10 });
  const reserve = reserveShares(kit.deps);
  const useCase: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < warmup + rounds; i += 1) {
    // Interleaved, alternating which goes first, so drift and caches hit both sides alike.
    const viaUseCase = async () => {
      const started = performance.now();
      await succeed(
        reserve(
          { id: `owner_u${i}`, role: "owner" },
          { planId: plan.id, shares: 1, shippingRegion: "kanto", idempotencyKey: `k${i}` },
        ),
      );
      return performance.now() - started;
    };
    const viaTransaction = async () => {
      const command = sampleReserveCommand({
        plan,
        owner: `owner_t${i}`,
        shares: 1,
        id: `own_bare_${i}`,
        at: addMillis(kit.clock.now(), i),
      });
      const items = reserveTransaction(ctx.tableName, command).items;
      const started = performance.now();
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return performance.now() - started;
    };
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = await viaUseCase();
      b = await viaTransaction();
    } else {
      b = await viaTransaction();
      a = await viaUseCase();
    }
    if (i >= warmup) {
      useCase.push(a);
      bare.push(b);
    }
  }
  const ratio = median(useCase) / median(bare);
  console.log(
    `BENCH reserve-overhead ratio=${ratio.toFixed(2)} use-case-ms=${median(useCase).toFixed(2)} transaction-ms=${median(bare).toFixed(2)}`,
  );
  close();
};

const calls = async (endpoint: string) => {
  const { ctx, counter, close } = await freshTable(endpoint);
  const stores = makeDynamoReservationStores(ctx);
  const kit = makeReservationKit({ stores });
  const plan = await kit.givenOpenPlan({ totalShares: 1000, maxSharesPerOwner: 10 });
  for (let i = 0; i < 30; i += 1) await kit.givenOpenPlan({}, kit.clock.now());
  const count = async (operation: () => Promise<unknown>) => {
    const before = counter.requests;
    await operation();
    return counter.requests - before;
  };
  const reserve = await count(() =>
    succeed(stores.ownerships.reserve(sampleReserveCommand({ plan, owner: "owner_a", shares: 1 }))),
  );
  // The usual reservation: a hold until the checkout is paid (the one above is paid at once, as a
  // free or all-credit one is: it reads the owner's standing for the producer summary first).
  const held = sampleReserveCommand({ plan, owner: "owner_h", shares: 1 });
  const reserveHold = await count(() =>
    succeed(
      stores.ownerships.reserve({
        ...held,
        ownership: { ...held.ownership, status: "pending_payment" },
        ledgerEntries: [],
        audit: [],
      }),
    ),
  );
  const getPlan = await count(() => succeed(stores.plans.get(plan.id)));
  const listPlans = await count(() =>
    succeed(stores.plans.list({ status: "open" }, { limit: 20 })),
  );
  const useCase = await count(() =>
    succeed(
      reserveShares(kit.deps)(
        { id: "owner_b", role: "owner" },
        { planId: plan.id, shares: 1, shippingRegion: "kanto", idempotencyKey: "k" },
      ),
    ),
  );
  // The dashboard of a producer with 31 plans and sales: its tallies, not its history.
  const producerSummary = await count(() =>
    succeed(stores.producerSummaries.summaryOf(plan.producerId)),
  );
  console.log(
    `BENCH dynamodb-calls reserve=${reserve} reserve-hold=${reserveHold} get-plan=${getPlan} list-plans=${listPlans} reserve-use-case=${useCase} producer-summary=${producerSummary}`,
  );
  close();
};

const main = async () => {
  const engine = await startDynamoDbLocal();
  try {
    await contention(engine.endpoint);
    await overhead(engine.endpoint, 200, 30);
    await calls(engine.endpoint);
  } finally {
    await engine.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
