/**
 * `pnpm bench:lambda`: only the Lambda part of `pnpm bench` (bundle size and cold starts), on
 * DynamoDB Local, for iterating on start-up cost without the slower benches.
 */
import { pino } from "pino";
import { LOCAL_JWT_SECRET, quietAwsSdkWarnings } from "../src/config.ts";
import { startLocalStack } from "../src/stack.ts";
import { openBenchPlan } from "./bench-plan.ts";
import { lambdaBench } from "./lambda-bench.ts";

quietAwsSdkWarnings();
const TABLE = "owners-bench";
const stack = await startLocalStack({
  store: "dynamodb",
  apiPort: 0,
  dynamoPort: 0,
  s3Port: 0,
  tableName: TABLE,
  uploadsBucket: "owners-uploads",
  jwtSecret: LOCAL_JWT_SECRET,
  seed: false,
  schedule: false,
  logger: pino({ level: "silent" }),
});
try {
  const endpoint = stack.engines?.dynamo.endpoint;
  if (endpoint === undefined) throw new Error("the bench needs DynamoDB Local");
  const rounds = Number(process.env.BENCH_ROUNDS ?? 11);
  const planId = await openBenchPlan(stack.api, 100);
  const reservePlanId = await openBenchPlan(stack.api, rounds + 1);
  const baselineReservePlanId = await openBenchPlan(stack.api, rounds + 1);
  for (const line of await lambdaBench({
    dynamoEndpoint: endpoint,
    tableName: TABLE,
    jwtSecret: LOCAL_JWT_SECRET,
    planId,
    rounds,
    reservePlanId,
    baselineReservePlanId,
    issuer: "owners-local",
  }))
    console.log(line);
} finally {
  await stack.stop();
}
