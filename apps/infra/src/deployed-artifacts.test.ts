import { apiGatewayV2Event } from "@owners/api/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BATCH_SCHEDULES } from "./batch-schedules.ts";
import { API_PATH_PATTERN } from "./constructs/cdn.ts";
import {
  deployedCodeDir,
  deployedEnvironment,
  resolveIntrinsic,
} from "./testing/deployed-function.ts";
import {
  type FakeSecretsManager,
  resolveSecretReference,
  startFakeSecretsManager,
} from "./testing/fake-secrets-manager.ts";
import { invokeInChild } from "./testing/invoke-in-child.ts";
import {
  type CfnResource,
  resourcesOfType,
  type Synthesized,
  synthesizeStages,
} from "./testing/synth.ts";

let synthesized: Synthesized;
let secretsManager: FakeSecretsManager;

beforeAll(async () => {
  synthesized = synthesizeStages(inject("bundles"));
  secretsManager = await startFakeSecretsManager();
});
afterAll(async () => {
  synthesized?.dispose();
  await secretsManager?.close();
});

/** The function's environment, its secrets served by the fake Secrets Manager, on the memory store. */
const lambdaEnvironment = (fn: CfnResource): Record<string, string> => ({
  ...deployedEnvironment(fn),
  OWNERS_STORE: "memory",
  AWS_REGION: "ap-northeast-1",
  AWS_ACCESS_KEY_ID: "AKIAFAKE",
  AWS_SECRET_ACCESS_KEY: "fake",
  AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
});

/** Production's function of this name, and the code directory the assembly ships for it. */
const deployed = (name: string): { fn: CfnResource; dir: string } => {
  const stage = synthesized.stage("production");
  const found = resourcesOfType(stage.json, "AWS::Lambda::Function").find(
    ([, r]) => r.Properties?.FunctionName === `owners-production-${name}`,
  );
  if (found === undefined) throw new Error(`no function named ${name}`);
  return {
    fn: found[1],
    dir: deployedCodeDir(synthesized.assembly, stage.stack.stackName, found[1]),
  };
};

/** The custom headers CloudFront adds to what it forwards to the API, as deployed. */
const cloudFrontApiHeaders = (): Record<string, string> => {
  const [[, distribution] = []] = resourcesOfType(
    synthesized.stage("production").json,
    "AWS::CloudFront::Distribution",
  );
  const config = distribution?.Properties?.DistributionConfig as {
    Origins: { Id: string; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[];
    CacheBehaviors: { PathPattern: string; TargetOriginId: string }[];
  };
  const api = config.CacheBehaviors.find((b) => b.PathPattern === API_PATH_PATTERN);
  const origin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
  return Object.fromEntries(
    (origin?.OriginCustomHeaders ?? []).map((h) => [
      h.HeaderName,
      resolveSecretReference(resolveIntrinsic(h.HeaderValue)),
    ]),
  );
};

interface HttpResult {
  readonly statusCode: number;
  readonly body: string;
}

describe("the API function as deployed", () => {
  it("answers API Gateway v2 events on / and /api with the stack's own environment", async () => {
    const { fn, dir } = deployed("api");
    // The stack's configuration (JWKS, issuer, audience, dev login off) on the memory store:
    // the bundle's config parser accepts what the stack sets, and the routes answer.
    const env = lambdaEnvironment(fn);
    expect(env.OWNERS_DEV_LOGIN).toBe("off");
    // Secrets arrive as ARNs only, read at the cold start.
    expect(Object.keys(env).filter((k) => k.endsWith("_SECRET"))).toEqual([]);
    const before = secretsManager.requested.length;
    // What CloudFront forwards carries its origin header; a direct execute-api call does not.
    const headers = cloudFrontApiHeaders();
    expect(Object.keys(headers)).toHaveLength(1);
    const viaCloudFront = (method: string, path: string) => ({
      handler: "handler",
      event: apiGatewayV2Event({ method, path, headers }),
    });
    const { results } = await invokeInChild(dir, env, [
      viaCloudFront("GET", "/health"),
      viaCloudFront("GET", "/api/health"),
      viaCloudFront("GET", "/api/openapi.json"),
      viaCloudFront("GET", "/api/me/ownerships"),
      viaCloudFront("POST", "/api/auth/dev-login"),
      viaCloudFront("GET", "/api/docs"),
      { handler: "handler", event: apiGatewayV2Event({ method: "GET", path: "/api/health" }) },
    ]);
    const [health, apiHealth, openapi, anonymous, devLogin, docs, direct] = results as HttpResult[];
    // No Swagger UI (a public CDN's script) on the site's origin.
    expect(docs?.statusCode).toBe(404);
    expect(direct?.statusCode).toBe(403);
    expect(secretsManager.requested.slice(before).sort()).toEqual(
      [
        env.OWNERS_CURSOR_SECRET_ARN,
        env.OWNERS_ORIGIN_SECRET_ARN,
        env.OWNERS_STRIPE_SECRET_ARN,
        env.OWNERS_STRIPE_WEBHOOK_SECRET_ARN,
        env.OWNERS_UNSUBSCRIBE_SECRET_ARN,
      ].sort(),
    );
    expect(health?.statusCode).toBe(200);
    expect(apiHealth?.statusCode).toBe(200);
    expect(apiHealth?.body).toBe(health?.body);
    expect(openapi?.statusCode).toBe(200);
    expect(JSON.parse(openapi?.body ?? "{}")).toHaveProperty("openapi");
    // The app verifies tokens itself too, behind API Gateway's authorizer.
    expect(anonymous?.statusCode).toBe(401);
    // No dev login in AWS.
    expect(devLogin?.statusCode).toBeGreaterThanOrEqual(400);
    expect(devLogin?.statusCode).toBeLessThan(500);
  });

  it("also answers with a JWT secret instead of the user pool (the local way)", async () => {
    const { dir } = deployed("api");
    const { results } = await invokeInChild(
      dir,
      { OWNERS_STORE: "memory", OWNERS_JWT_SECRET: "a-test-secret-that-is-32-bytes-long!" },
      [
        { handler: "handler", event: apiGatewayV2Event({ method: "GET", path: "/health" }) },
        { handler: "handler", event: apiGatewayV2Event({ method: "GET", path: "/api/health" }) },
      ],
    );
    expect((results as HttpResult[]).map((r) => r.statusCode)).toEqual([200, 200]);
  });
});

describe("the batch functions as deployed", () => {
  it("export a handler per scheduled batch, and each runs its batch on an empty store", async () => {
    const { fn, dir } = deployed("batch");
    const env = lambdaEnvironment(fn);
    const before = secretsManager.requested.length;
    const { exports, results } = await invokeInChild(
      dir,
      env,
      // export-analytics writes to S3 and warm-api sets the API alias's provisioned concurrency
      // on Lambda even when the store is empty: not run here (adapter-lambda's tests run the
      // latter against a server speaking Lambda's wire format).
      BATCH_SCHEDULES.filter((b) => b.name !== "export-analytics" && b.name !== "warm-api").map(
        (b) => ({
          handler: b.handlerExport,
          event: { batch: b.name },
        }),
      ),
    );
    for (const batch of BATCH_SCHEDULES) expect(exports[batch.handlerExport]).toBe("function");
    expect(exports.handler).toBe("function");
    for (const result of results) expect(result).toMatchObject({ status: "finished" });
    expect(secretsManager.requested.slice(before).sort()).toEqual(
      [
        env.OWNERS_CURSOR_SECRET_ARN,
        env.OWNERS_ANALYTICS_SECRET_ARN,
        env.OWNERS_STRIPE_SECRET_ARN,
        env.OWNERS_UNSUBSCRIBE_SECRET_ARN,
      ].sort(),
    );
  });
});
