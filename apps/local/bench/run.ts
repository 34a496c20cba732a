/**
 * `pnpm bench` for the API and the local stack: starts the stack on DynamoDB Local (in memory)
 * and s3rver on free ports, then prints
 *   BENCH lambda-bundle <kb> kb baseline=<kb> ratio=<r>
 *   BENCH lambda-init <ms> ms baseline=<ms> ratio=<r>
 *   BENCH lambda-init-auth <ms> ms baseline=<ms> ratio=<r>
 *   BENCH api-reserve-overhead ratio=<r>
 */
import { pino } from "pino";
import { LOCAL_JWT_SECRET, quietAwsSdkWarnings } from "../src/config.ts";
import { startLocalStack } from "../src/stack.ts";
import { openBenchPlan } from "./bench-plan.ts";
import { lambdaBench } from "./lambda-bench.ts";
import { reserveOverhead } from "./reserve-overhead.ts";

quietAwsSdkWarnings();
const TABLE = "owners-bench";
const INIT_ROUNDS = 11;
const RESERVE_PAIRS = 200;
const RESERVE_WARMUP = 30;

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
  // Request logs are written as in production, to a sink instead of the terminal.
  logger: pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: false })),
});
try {
  const endpoint = stack.engines?.dynamo.endpoint;
  if (endpoint === undefined) throw new Error("the bench needs DynamoDB Local");
  const planId = await openBenchPlan(stack.api, 2 * (RESERVE_PAIRS + RESERVE_WARMUP));
  // lambda-init-auth's own plans: one share per cold start, the API's and the baseline's apart.
  const reservePlanId = await openBenchPlan(stack.api, INIT_ROUNDS + 1);
  const baselineReservePlanId = await openBenchPlan(stack.api, INIT_ROUNDS + 1);

  for (const line of await lambdaBench({
    dynamoEndpoint: endpoint,
    tableName: TABLE,
    jwtSecret: LOCAL_JWT_SECRET,
    planId,
    rounds: INIT_ROUNDS,
    reservePlanId,
    baselineReservePlanId,
    issuer: "owners-local",
  }))
    console.log(line);

  const overhead = await reserveOverhead({
    api: stack.api,
    apiUrl: stack.apiUrl,
    planId,
    jwtSecret: LOCAL_JWT_SECRET,
    issuer: "owners-local",
    pairs: RESERVE_PAIRS,
    warmup: RESERVE_WARMUP,
  });
  console.log(
    `# reservation medians: http ${overhead.httpMs} ms, use case ${overhead.directMs} ms (n=${RESERVE_PAIRS} each, same DynamoDB Local)`,
  );
  console.log(`BENCH api-reserve-overhead ratio=${overhead.ratio}`);
} finally {
  await stack.stop();
}
