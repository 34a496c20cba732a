/**
 * The rush benches of `pnpm bench` (issue 18), on their own local stack (DynamoDB Local in memory):
 *   BENCH flash-sale requests= sold= oversold= errors5xx= p50_ms= p99_ms= rps= ratio=
 *   BENCH hot-plan requests= sold= oversold= errors5xx= throttled=
 */

import { makeDocumentClient } from "@owners/adapter-dynamodb";
import { limitWriteUnits, type WriteUnitLimits } from "@owners/adapter-dynamodb/write-unit-limits";
import { makeCursorCodec } from "@owners/app";
import { instantFromMillis } from "@owners/domain";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import { pino } from "pino";
import { LOCAL_JWT_SECRET, quietAwsSdkWarnings } from "../src/config.ts";
import { startLocalStack } from "../src/stack.ts";
import { flashSale, type ShiftedClock } from "./flash-sale.ts";
import { hotPlan } from "./hot-plan.ts";

quietAwsSdkWarnings();
const TABLE = "owners-rush";

let offsetMs = 0;
const clock: ShiftedClock & { now(): ReturnType<typeof instantFromMillis> } = {
  now: () => instantFromMillis(Date.now() + offsetMs),
  millis: () => Date.now() + offsetMs,
  advance: (ms) => {
    offsetMs += ms;
  },
};

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
// DynamoDB's 1,000 units a second per item and a crowd at 4× that, scaled down to what this
// machine drives (RUSH_HOT_UNITS / RUSH_HOT_RPS to try others, e.g. 50 and 200).
const HOT_UNITS = env("RUSH_HOT_UNITS", 5);
const HOT_RPS = env("RUSH_HOT_RPS", 20);
let limits: WriteUnitLimits | undefined;

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
  clock,
  // The hot-plan bench's per-item write limits on the API's client, off until its crowd comes.
  configureDynamo: (doc) => {
    limits = limitWriteUnits(doc, { unitsPerSecond: HOT_UNITS });
    limits.enabled = false;
  },
  // Request logs are written as in production, to a sink instead of the terminal.
  logger: pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: false })),
});
try {
  const endpoint = stack.engines?.dynamo.endpoint;
  if (endpoint === undefined) throw new Error("the bench needs DynamoDB Local");
  // The bare transactions' client retries conflicts at once (2 ms jitter, 20 ms cap), so the
  // baseline is the engine's pace, not the API client's backoff pauses (up to 1 s).
  const doc = makeDocumentClient({
    endpoint,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
    retry: { budgetMs: 120_000, baseDelayMs: 2, maxDelayMs: 20 },
  });
  const flash = await flashSale({
    api: stack.api,
    target: { apiUrl: stack.apiUrl, jwtSecret: LOCAL_JWT_SECRET, issuer: "owners-local" },
    dynamo: { doc, tableName: TABLE, cursors: makeCursorCodec("rush-bench") },
    clock,
    owners: env("RUSH_OWNERS", 2_000),
    returning: 50,
    totalShares: 200,
    maxShares: 3,
    concurrency: env("RUSH_CONCURRENCY", 16),
  });
  for (const note of flash.notes) console.log(note);
  console.log(flash.line);
  doc.destroy();

  if (limits === undefined) throw new Error("the API's DynamoDB client was not wired");
  const hot = await hotPlan({
    api: stack.api,
    target: { apiUrl: stack.apiUrl, jwtSecret: LOCAL_JWT_SECRET, issuer: "owners-local" },
    limits,
    unitsPerSecond: HOT_UNITS,
    requestsPerSecond: HOT_RPS,
    supply: env("RUSH_HOT_SUPPLY", 15),
    nowMs: clock.millis(),
  });
  for (const note of hot.notes) console.log(note);
  console.log(hot.line);
} finally {
  await stack.stop();
}
