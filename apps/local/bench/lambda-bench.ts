import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planKeys } from "@owners/adapter-dynamodb";
import { signDevToken } from "@owners/api";
import { apiGatewayV2Event } from "@owners/api/testing";
import { buildApiLambda, buildBaselineAuthLambda, buildBaselineLambda } from "./bundle.ts";
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
  /** lambda-init-auth: an open plan the API's cold starts reserve in, one share per owner... */
  readonly reservePlanId: string;
  /** ...and one of the same terms the baseline reserves in (so neither takes the other's room). */
  readonly baselineReservePlanId: string;
  readonly issuer: string;
}

type Times = ColdStart[];

/** Cold starts of two bundles, alternating which goes first, after one unmeasured start each. */
const interleaved = async (
  rounds: number,
  api: string,
  baseline: string,
  run: (bundle: string, round: number, side: "api" | "baseline") => Promise<ColdStart>,
): Promise<{ api: Times; baseline: Times }> => {
  const times = { api: [] as Times, baseline: [] as Times };
  // One unmeasured start each warms the file cache.
  await run(api, -1, "api");
  await run(baseline, -1, "baseline");
  for (let i = 0; i < rounds; i += 1) {
    const pair: ["api" | "baseline", string][] = [
      ["api", api],
      ["baseline", baseline],
    ];
    for (const [side, bundle] of i % 2 === 0 ? pair : pair.reverse())
      times[side].push(await run(bundle, i, side));
  }
  return times;
};

/**
 * BENCH lambda-bundle, lambda-init and lambda-init-auth: the API's Lambda bundle against the
 * baseline bundles, all built the same way in this run, in fresh Node processes on the same
 * DynamoDB Local. lambda-init: a first GET /plans/{id} against baseline-lambda.ts (the same
 * libraries, one route, one GetItem). lambda-init-auth: a first signed-in POST
 * /plans/{id}/reservations against baseline-auth-lambda.ts (jose's HS256 check, one GetItem, one
 * four-item TransactWriteItems).
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
    const expect = (status: number) => async (bundle: string, run: Promise<ColdStart>) => {
      const done = await run;
      if (done.status !== status)
        throw new Error(`${bundle} answered ${done.status}, expected ${status}`);
      return done;
    };
    const read = await interleaved(input.rounds, api.path, baseline.path, (bundle) =>
      expect(200)(bundle, coldStart(bundle, event, env)),
    );
    const apiTimes = read.api;
    const baselineTimes = read.baseline;

    // A signed-in reservation: a fresh owner and idempotency key per start, each side its plan.
    const baselineAuth = await buildBaselineAuthLambda(join(dir, "baseline-auth"));
    const authEnv = {
      ...env,
      BASELINE_JWT_SECRET: input.jwtSecret,
      BASELINE_JWT_ISSUER: input.issuer,
    };
    const reserve = await interleaved(
      input.rounds,
      api.path,
      baselineAuth.path,
      async (bundle, round, side) => {
        const owner = `owner-init-${side}-${round + 1}`;
        const token = await signDevToken(
          { id: owner, role: "owner" },
          input.jwtSecret,
          input.issuer,
        );
        const planId = side === "api" ? input.reservePlanId : input.baselineReservePlanId;
        const reservation = apiGatewayV2Event({
          method: "POST",
          path: `/plans/${planId}/reservations`,
          body: { shares: 1, shippingRegion: "kinki" },
          headers: { authorization: `Bearer ${token}`, "idempotency-key": `init-${owner}` },
        });
        return expect(201)(bundle, coldStart(bundle, reservation, authEnv));
      },
    );
    const kb = (bytes: number) => round(bytes / 1024, 1);
    const apiMs = median(apiTimes.map((run) => run.ms));
    const baselineMs = median(baselineTimes.map((run) => run.ms));
    const authMs = median(reserve.api.map((run) => run.ms));
    const authBaselineMs = median(reserve.baseline.map((run) => run.ms));
    const importOf = (runs: ColdStart[]) => round(median(runs.map((run) => run.importMs)), 1);
    const answerOf = (runs: ColdStart[]) =>
      round(median(runs.map((run) => run.ms - run.importMs)), 1);
    return [
      // Where the time and bytes go: the import (what is read and run at start) and the first answer.
      `# lambda cold start: import ${importOf(apiTimes)} ms (baseline ${importOf(baselineTimes)}), first answer ${answerOf(apiTimes)} ms (baseline ${answerOf(baselineTimes)}); read at start ${kb(api.startupBytes)} kb (baseline ${kb(baseline.startupBytes)})`,
      `BENCH lambda-bundle ${kb(api.bytes)} kb baseline=${kb(baseline.bytes)} ratio=${round(api.bytes / baseline.bytes)}`,
      `BENCH lambda-init ${round(apiMs, 1)} ms baseline=${round(baselineMs, 1)} ratio=${round(apiMs / baselineMs)}`,
      `BENCH lambda-init-auth ${round(authMs, 1)} ms baseline=${round(authBaselineMs, 1)} ratio=${round(authMs / authBaselineMs)}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
