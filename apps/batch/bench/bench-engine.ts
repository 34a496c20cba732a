import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { PaymentGateway } from "@owners/app";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION, startDynamoDbLocal } from "@owners/test-engines";
import * as TE from "fp-ts/lib/TaskEither.js";
import { makeBatchDocumentClient } from "../src/composition.ts";
import { type BatchConfig, readBatchConfig } from "../src/config.ts";
import { type BenchPlan, benchPlan } from "./seed.ts";

/** What an allocation bench runs against: one DynamoDB Local, its plain and document clients. */
export interface BenchEngine {
  readonly raw: DynamoDBClient;
  readonly config: BatchConfig;
  readonly doc: DynamoDBDocumentClient;
}

/** Starts DynamoDB Local for `run`, and stops it and its clients after, whatever happens. */
export const withBenchEngine = async (run: (engine: BenchEngine) => Promise<void>) => {
  // A shared machine may take a while to start the JVM.
  const engine = await startDynamoDbLocal({ startTimeoutMs: 180_000 });
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
    const doc = makeBatchDocumentClient(config);
    try {
      await run({ raw, config, doc });
    } finally {
      doc.destroy();
    }
  } finally {
    raw.destroy();
    await engine.stop();
  }
};

/** Two closed plans sharing `owners` between them, harvested at `harvestRatio`: one refunds, one credits. */
export const shortfallPlans = (owners: number, harvestRatio: number): BenchPlan[] => {
  const half = Math.floor(owners / 2);
  return [
    benchPlan(half, harvestRatio, {
      id: "plan_bench_refund",
      riskTerms: "refund",
      ownerPrefix: "r",
    }),
    benchPlan(owners - half, harvestRatio, {
      id: "plan_bench_credit",
      riskTerms: "credit",
      ownerPrefix: "c",
    }),
  ];
};

/**
 * The card processor as the benches see it: every shortfall refund is accepted at once. (The
 * in-process gateway only refunds checkouts it took itself, and these ownerships were seeded.)
 */
export const acceptingProcessor = (): Pick<PaymentGateway, "refundPayment"> => ({
  refundPayment: (request) =>
    TE.right({
      refundId: `re_${request.idempotencyKey}`,
      state: "succeeded",
      amountYen: request.amountYen,
    }),
});

/** Runs a bench's main, exiting non-zero with its error. */
export const runBench = (main: () => Promise<void>) => {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
};
