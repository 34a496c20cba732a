import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planKeys } from "@owners/adapter-dynamodb";
import { apiGatewayV2Event } from "@owners/api/testing";
import { buildApiLambda, buildBaselineLambda } from "./bundle.ts";
import { type ColdStart, coldStart } from "./cold-start.ts";
import { median, round } from "./stats.ts";

export interface LambdaBenchInput {
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  readonly jwtSecret: string;
  /** A published plan both Lambdas read. */
  readonly planId: string;
  /** Fresh processes per bundle (interleaved). */
  readonly rounds: number;
}

/**
 * BENCH lambda-bundle and lambda-init: the API's Lambda bundle against the baseline bundle (the
 * same libraries, one route, one GetItem), both built the same way in this run, both answering a
 * first GET /plans/{id} from the same DynamoDB Local item in fresh Node processes.
 */
export const lambdaBench = async (input: LambdaBenchInput): Promise<string[]> => {
  const dir = mkdtempSync(join(tmpdir(), "owners-lambda-bench-"));
  try {
    const api = await buildApiLambda(join(dir, "api"));
    const baseline = await buildBaselineLambda(join(dir, "baseline"));
    const template = JSON.stringify(planKeys.item("{id}"));
    // One environment for both, so neither process reads more configuration than the other.
    const env = {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      AWS_REGION: "ap-northeast-1",
      OWNERS_STORE: "dynamodb",
      OWNERS_TABLE: input.tableName,
      OWNERS_DYNAMODB_ENDPOINT: input.dynamoEndpoint,
      OWNERS_JWT_SECRET: input.jwtSecret,
      BASELINE_DYNAMODB_ENDPOINT: input.dynamoEndpoint,
      BASELINE_TABLE: input.tableName,
      BASELINE_KEY_TEMPLATE: template,
    };
    const event = apiGatewayV2Event({ method: "GET", path: `/plans/${input.planId}` });
    const apiTimes: ColdStart[] = [];
    const baselineTimes: ColdStart[] = [];
    const measure = async (bundle: string, into: ColdStart[] | undefined) => {
      const run = await coldStart(bundle, event, env);
      if (run.status !== 200) throw new Error(`${bundle} answered ${run.status}, expected 200`);
      into?.push(run);
    };
    // One unmeasured start each warms the file cache; then alternate which goes first.
    await measure(api.path, undefined);
    await measure(baseline.path, undefined);
    for (let i = 0; i < input.rounds; i += 1) {
      const pair: [string, ColdStart[]][] = [
        [api.path, apiTimes],
        [baseline.path, baselineTimes],
      ];
      for (const [bundle, into] of i % 2 === 0 ? pair : pair.reverse()) await measure(bundle, into);
    }
    const kb = (bytes: number) => round(bytes / 1024, 1);
    const apiMs = median(apiTimes.map((run) => run.ms));
    const baselineMs = median(baselineTimes.map((run) => run.ms));
    const importOf = (runs: ColdStart[]) => round(median(runs.map((run) => run.importMs)), 1);
    const answerOf = (runs: ColdStart[]) =>
      round(median(runs.map((run) => run.ms - run.importMs)), 1);
    return [
      // Where the time and bytes go: the import (what is read and run at start) and the first answer.
      `# lambda cold start: import ${importOf(apiTimes)} ms (baseline ${importOf(baselineTimes)}), first answer ${answerOf(apiTimes)} ms (baseline ${answerOf(baselineTimes)}); read at start ${kb(api.startupBytes)} kb (baseline ${kb(baseline.startupBytes)})`,
      `BENCH lambda-bundle ${kb(api.bytes)} kb baseline=${kb(baseline.bytes)} ratio=${round(api.bytes / baseline.bytes)}`,
      `BENCH lambda-init ${round(apiMs, 1)} ms baseline=${round(baselineMs, 1)} ratio=${round(apiMs / baselineMs)}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
