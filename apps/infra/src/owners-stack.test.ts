import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTableInput, TABLE_KEYS } from "@owners/adapter-dynamodb/table";
import { ANALYTICS_TABLES } from "@owners/analytics/tables";
import { currentViewSql } from "@owners/analytics/views";
import { BATCH_NAMES } from "@owners/app";
import { Match } from "aws-cdk-lib/assertions";
import { ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BATCH_SCHEDULES, handlerExportOf, scheduleOf } from "./batch-schedules.ts";
import { WEBHOOK_4XX_THRESHOLD, WEBHOOK_5XX_THRESHOLD } from "./constructs/alarms.ts";
import {
  API_MEMORY_MB,
  API_TIMEOUT,
  LIVE_ALIAS,
  SIGNED_IN_PREFIXES,
  WEBHOOK_PATHS,
} from "./constructs/api.ts";
import {
  BATCH_RESERVED_CONCURRENCY,
  FLUSH_BATCH,
  ONE_OFF_RESERVED_CONCURRENCY,
  SCHEDULE_RETRY_ATTEMPTS,
} from "./constructs/batches.ts";
import { API_PATH_PATTERN } from "./constructs/cdn.ts";
import { PAYMENT_METRICS } from "./constructs/payment-metrics.ts";
import { WARM_UP_ACTIONS } from "./owners-stack.ts";
import { STAGE_NAMES, STAGES, type StageName } from "./stages.ts";
import {
  type CfnResource,
  resourcesOfType,
  type Synthesized,
  type SynthesizedStage,
  synthesizeStages,
} from "./testing/synth.ts";

let synthesized: Synthesized;

beforeAll(() => {
  synthesized = synthesizeStages(inject("bundles"));
});
afterAll(() => synthesized?.dispose());

const stageOf = (name: StageName): SynthesizedStage => synthesized.stage(name);

const props = (resource: CfnResource): Record<string, unknown> => resource.Properties ?? {};

/** The logical id of the one resource of `type` matching `where`. */
const logicalIdOf = (
  stage: SynthesizedStage,
  type: string,
  where: (p: Record<string, unknown>) => boolean,
): string => {
  const found = resourcesOfType(stage.json, type).filter(([, r]) => where(props(r)));
  expect(found, `${type} matching`).toHaveLength(1);
  return found[0]?.[0] ?? "";
};

interface Statement {
  readonly Effect: "Allow" | "Deny";
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: unknown;
  readonly Condition?: unknown;
}

/** Every policy statement in the template: role, inline, bucket, queue and topic policies. */
const allStatements = (stage: SynthesizedStage): { owner: string; statement: Statement }[] => {
  const found: { owner: string; statement: Statement }[] = [];
  const walk = (owner: string, value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) walk(owner, item);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "Statement" && Array.isArray(inner)) {
          for (const statement of inner as Statement[]) found.push({ owner, statement });
        } else walk(owner, inner);
      }
    }
  };
  for (const [id, resource] of Object.entries(stage.json.Resources)) walk(id, resource.Properties);
  return found;
};

const actionsOf = (s: Statement): string[] => [s.Action ?? []].flat();

/** The Allow statements of a function's role (its DefaultPolicy), by the function's name. */
const functionStatements = (stage: SynthesizedStage, functionName: string): Statement[] => {
  const fnId = logicalIdOf(stage, "AWS::Lambda::Function", (p) => p.FunctionName === functionName);
  const roleRef = (
    props(stage.json.Resources[fnId] as CfnResource).Role as { "Fn::GetAtt": string[] }
  )["Fn::GetAtt"][0];
  return resourcesOfType(stage.json, "AWS::IAM::Policy")
    .filter(([, r]) => JSON.stringify(props(r).Roles) === JSON.stringify([{ Ref: roleRef }]))
    .flatMap(([, r]) => (props(r).PolicyDocument as { Statement: Statement[] }).Statement);
};

describe.each(STAGE_NAMES)("the %s stack", (name) => {
  const prefix = `owners-${name}`;
  const stage = () => stageOf(name);

  it("builds its table from the adapter's definition: keys, indexes, on-demand, PITR, TTL", () => {
    const definition = createTableInput(prefix);
    stage().template.resourceCountIs("AWS::DynamoDB::Table", 1);
    stage().template.hasResourceProperties("AWS::DynamoDB::Table", {
      TableName: prefix,
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: definition.KeySchema,
      AttributeDefinitions: Match.arrayWith(definition.AttributeDefinitions ?? []),
      GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
    });
    const [[, table] = []] = resourcesOfType(stage().json, "AWS::DynamoDB::Table");
    expect(props(table as CfnResource).AttributeDefinitions).toHaveLength(
      definition.AttributeDefinitions?.length ?? -1,
    );
  });

  it("encrypts every bucket, blocks public access and refuses plain HTTP", () => {
    const buckets = resourcesOfType(stage().json, "AWS::S3::Bucket");
    // uploads, web, analytics and CloudFront's access logs.
    expect(buckets).toHaveLength(4);
    for (const [id, bucket] of buckets) {
      expect(props(bucket).PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(props(bucket).BucketEncryption, id).toEqual({
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } },
        ],
      });
      const policies = resourcesOfType(stage().json, "AWS::S3::BucketPolicy").filter(
        ([, p]) => JSON.stringify(props(p).Bucket) === JSON.stringify({ Ref: id }),
      );
      expect(JSON.stringify(policies), id).toContain('"aws:SecureTransport":"false"');
    }
  });

  it("lets the site's origin POST presigned uploads and cleans abandoned ones", () => {
    const uploads = logicalIdOf(
      stage(),
      "AWS::S3::Bucket",
      (p) => p.CorsConfiguration !== undefined,
    );
    const bucket = props(stage().json.Resources[uploads] as CfnResource);
    const [rule] = (bucket.CorsConfiguration as { CorsRules: Record<string, unknown>[] }).CorsRules;
    expect(rule?.AllowedMethods).toContain("POST");
    expect(rule?.AllowedMethods).toEqual(["POST"]);
    const distribution = logicalIdOf(stage(), "AWS::CloudFront::Distribution", () => true);
    expect(rule?.AllowedOrigins).toEqual([
      { "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distribution, "DomainName"] }]] },
    ]);
    expect(JSON.stringify(bucket.LifecycleConfiguration)).toContain(
      "AbortIncompleteMultipartUpload",
    );
  });

  it("expires unverified uploads after a day, and only those", () => {
    const uploads = logicalIdOf(
      stage(),
      "AWS::S3::Bucket",
      (p) => p.CorsConfiguration !== undefined,
    );
    const bucket = props(stage().json.Resources[uploads] as CfnResource);
    const rules = (bucket.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    const expiring = rules.filter((rule) => rule.ExpirationInDays !== undefined);
    expect(expiring).toEqual([
      {
        Id: "expire-unverified-uploads",
        Prefix: "uploads/pending/",
        ExpirationInDays: 1,
        Status: "Enabled",
      },
    ]);
  });

  it("expires Athena results in the analytics bucket", () => {
    stage().template.hasResourceProperties("AWS::S3::Bucket", {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: "athena-results/",
            ExpirationInDays: STAGES[name].athenaResultsRetention.toDays(),
            Status: "Enabled",
          }),
        ]),
      },
    });
  });

  it("serves the site from S3 through origin access control only, and the API under /api/*", () => {
    const web = logicalIdOf(
      stage(),
      "AWS::S3::Bucket",
      (p) =>
        JSON.stringify(p.LifecycleConfiguration ?? "").includes("expire-old-versions") &&
        p.CorsConfiguration === undefined,
    );
    const distribution = logicalIdOf(stage(), "AWS::CloudFront::Distribution", () => true);
    const config = props(stage().json.Resources[distribution] as CfnResource)
      .DistributionConfig as {
      Origins: Record<string, unknown>[];
      CacheBehaviors: Record<string, unknown>[];
      DefaultCacheBehavior: Record<string, unknown>;
    };
    const s3Origin = config.Origins.find((o) => o.S3OriginConfig !== undefined);
    expect(JSON.stringify(s3Origin?.DomainName)).toContain(web);
    expect(s3Origin?.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(s3Origin?.Id);
    const api = config.CacheBehaviors.find((b) => b.PathPattern === API_PATH_PATTERN);
    const apiOrigin = config.Origins.find((o) => o.Id === api?.TargetOriginId);
    expect(JSON.stringify(apiOrigin?.DomainName)).toContain("execute-api");
    expect(api?.AllowedMethods).toContain("POST");
    // The uploads bucket has no public path: photos are read by the API's signed URLs.
    const uploads = logicalIdOf(
      stage(),
      "AWS::S3::Bucket",
      (p) => p.CorsConfiguration !== undefined,
    );
    expect(JSON.stringify(config.Origins)).not.toContain(uploads);
    expect(config.Origins).toHaveLength(2);
    // Only CloudFront (this distribution) reads the web bucket.
    const [[, policy] = []] = resourcesOfType(stage().json, "AWS::S3::BucketPolicy").filter(
      ([, p]) => JSON.stringify(props(p).Bucket) === JSON.stringify({ Ref: web }),
    );
    const allows = (
      props(policy as CfnResource).PolicyDocument as { Statement: Statement[] }
    ).Statement.filter((s) => s.Effect === "Allow");
    expect(allows).toHaveLength(1);
    expect(JSON.stringify(allows[0])).toContain("cloudfront.amazonaws.com");
    expect(JSON.stringify(allows[0]?.Condition)).toContain(distribution);
  });

  it("runs the API on Node.js arm64 with stated memory and timeout, configured for Cognito", () => {
    stage().template.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: `${prefix}-api`,
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Handler: "lambda.handler",
      MemorySize: API_MEMORY_MB,
      Timeout: API_TIMEOUT.toSeconds(),
      Environment: {
        Variables: Match.objectLike({
          OWNERS_STORE: "dynamodb",
          OWNERS_DEV_LOGIN: "off",
          OWNERS_JWKS_URL: Match.anyValue(),
          OWNERS_JWT_ISSUER: Match.anyValue(),
          OWNERS_JWT_AUDIENCE: Match.anyValue(),
          OWNERS_SITE_URL: Match.anyValue(),
          OWNERS_TABLE: Match.anyValue(),
          OWNERS_UPLOADS_BUCKET: Match.anyValue(),
          OWNERS_CURSOR_SECRET_ARN: Match.anyValue(),
        }),
      },
    });
  });

  it("verifies tokens in the app against the same pool, issuer and client as the gateway", () => {
    const [, authorizer] =
      resourcesOfType(stage().json, "AWS::ApiGatewayV2::Authorizer").find(
        ([, a]) => props(a).Name === "UserPool",
      ) ?? [];
    const jwt = props(authorizer as CfnResource).JwtConfiguration as {
      Issuer: unknown;
      Audience: unknown[];
    };
    const apiId = logicalIdOf(
      stage(),
      "AWS::Lambda::Function",
      (p) => p.FunctionName === `${prefix}-api`,
    );
    const env = (
      props(stage().json.Resources[apiId] as CfnResource).Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;
    expect(env.OWNERS_JWT_ISSUER).toEqual(jwt.Issuer);
    expect(env.OWNERS_JWT_AUDIENCE).toEqual(jwt.Audience[0]);
    expect(JSON.stringify(env.OWNERS_JWKS_URL)).toContain("/.well-known/jwks.json");
    expect(JSON.stringify(jwt.Issuer)).toContain("https://cognito-idp.");
    // The roles the API reads from cognito:groups, and the site's code-flow client.
    const groups = resourcesOfType(stage().json, "AWS::Cognito::UserPoolGroup").map(
      ([, g]) => props(g).GroupName,
    );
    // owners and producers in the people's pool, admins in the admins' own (identity.test.ts).
    expect(groups.sort()).toEqual(["admins", "owners", "producers"]);
    stage().template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      GenerateSecret: false,
      AllowedOAuthFlows: ["code"],
      CallbackURLs: [
        Match.objectLike({ "Fn::Join": Match.arrayWith([Match.arrayWith(["/auth/callback"])]) }),
      ],
    });
  });

  it("invokes the API function through its `live` alias, on a published version", () => {
    const fnId = logicalIdOf(
      stage(),
      "AWS::Lambda::Function",
      (p) => p.FunctionName === `${prefix}-api`,
    );
    const alias = logicalIdOf(
      stage(),
      "AWS::Lambda::Alias",
      (p) => JSON.stringify(p.FunctionName) === JSON.stringify({ Ref: fnId }),
    );
    expect(props(stage().json.Resources[alias] as CfnResource).Name).toBe(LIVE_ALIAS);
    const integrations = resourcesOfType(stage().json, "AWS::ApiGatewayV2::Integration");
    expect(integrations).toHaveLength(1);
    expect(props(integrations[0]?.[1] as CfnResource).IntegrationUri).toEqual({ Ref: alias });
  });

  it("throttles the API stage as the stage settings say", () => {
    stage().template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: STAGES[name].apiThrottle.rateLimit,
        ThrottlingBurstLimit: STAGES[name].apiThrottle.burstLimit,
      },
    });
  });

  it("puts a Cognito JWT authorizer on the routes that always need a user, / and /api alike", () => {
    const authorizerNamed = (name: string) =>
      logicalIdOf(stage(), "AWS::ApiGatewayV2::Authorizer", (p) => p.Name === name);
    const routes = resourcesOfType(stage().json, "AWS::ApiGatewayV2::Route").map(([, r]) =>
      props(r),
    );
    for (const base of ["", "/api"]) {
      for (const signedIn of SIGNED_IN_PREFIXES) {
        const route = routes.find((r) => r.RouteKey === `ANY ${base}${signedIn}/{proxy+}`);
        expect(route?.AuthorizationType, `${base}${signedIn}`).toBe("JWT");
        // Admins sign in to their own pool (MFA required): /admin takes only its tokens.
        expect(route?.AuthorizerId).toEqual({
          Ref: authorizerNamed(signedIn === "/admin" ? "AdminPool" : "UserPool"),
        });
      }
    }
    const rest = routes.find((r) => r.RouteKey === "ANY /{proxy+}");
    expect(rest?.AuthorizationType).toBe("NONE");
    stage().template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      JwtConfiguration: { Issuer: Match.anyValue(), Audience: [Match.anyValue()] },
    });
  });

  it("schedules every batch in BATCH_NAMES with retries and the dead-letter queue", () => {
    const dlq = logicalIdOf(
      stage(),
      "AWS::SQS::Queue",
      (p) => p.QueueName === `${prefix}-batch-dlq`,
    );
    const group = logicalIdOf(stage(), "AWS::Scheduler::ScheduleGroup", () => true);
    expect(props(stage().json.Resources[group] as CfnResource).Name).toBe(prefix);
    const schedules = resourcesOfType(stage().json, "AWS::Scheduler::Schedule").map(([, s]) =>
      props(s),
    );
    expect(schedules.map((s) => s.Name).sort()).toEqual([...BATCH_NAMES].sort());
    for (const batch of BATCH_NAMES) {
      const schedule = schedules.find((s) => s.Name === batch);
      const target = schedule?.Target as Record<string, unknown>;
      expect(target.DeadLetterConfig, batch).toEqual({ Arn: { "Fn::GetAtt": [dlq, "Arn"] } });
      expect(target.RetryPolicy, batch).toMatchObject({
        MaximumRetryAttempts: SCHEDULE_RETRY_ATTEMPTS,
      });
      expect(JSON.parse(target.Input as string)).toEqual({ batch });
      expect(schedule?.ScheduleExpression, batch).toBe(
        ScheduleExpression.rate(scheduleOf(batch).every).expressionString,
      );
      expect(schedule?.GroupName).toBe(prefix);
      // The target is the batch's own function, its handler named as apps/batch/src/lambda.ts names it.
      const fnId = (target.Arn as { "Fn::GetAtt": string[] })["Fn::GetAtt"][0] ?? "";
      expect(props(stage().json.Resources[fnId] as CfnResource)).toMatchObject({
        Handler: `lambda.${handlerExportOf(batch)}`,
        ReservedConcurrentExecutions: BATCH_RESERVED_CONCURRENCY,
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
      });
      // A run that fails for good after Lambda's own retries lands in the same queue.
      stage().template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
        FunctionName: { Ref: fnId },
        DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [dlq, "Arn"] } } },
      });
    }
    // No SES sender yet: the flush waits (messages stay in the outbox), every other batch runs.
    for (const schedule of schedules)
      expect(schedule.State, String(schedule.Name)).toBe(
        schedule.Name === FLUSH_BATCH && STAGES[name].notificationsFrom === undefined
          ? "DISABLED"
          : "ENABLED",
      );
    stage().template.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: `${prefix}-batch`,
      Handler: "lambda.handler",
      ReservedConcurrentExecutions: ONE_OFF_RESERVED_CONCURRENCY,
    });
  });

  it("has Athena create each table's <table>_current view at deploy, in the stage's workgroup and database", () => {
    const calls = resourcesOfType(stage().json, "Custom::AWS").map(([, r]) => {
      const create = props(r).Create;
      // A token-free call is one JSON string; anything else would not reach Athena as SQL.
      expect(typeof create).toBe("string");
      return JSON.parse(create as string) as {
        action: string;
        parameters: { QueryString: string; WorkGroup: string; QueryExecutionContext: unknown };
      };
    });
    const views = calls.filter((call) => call.action === "startQueryExecution");
    expect(views.map((v) => v.parameters.QueryString).sort()).toEqual(
      ANALYTICS_TABLES.map(currentViewSql).sort(),
    );
    for (const view of views) {
      expect(view.parameters.WorkGroup).toBe(prefix);
      expect(view.parameters.QueryExecutionContext).toEqual({ Database: prefix.replace("-", "_") });
    }
  });

  it("generates a Glue table per analytics table and caps Athena's bytes scanned", () => {
    stage().template.hasResourceProperties("AWS::Glue::Database", {
      DatabaseInput: { Name: prefix.replace("-", "_") },
    });
    const tables = resourcesOfType(stage().json, "AWS::Glue::Table").map(
      ([, t]) => props(t).TableInput as Record<string, unknown>,
    );
    expect(tables.map((t) => t.Name).sort()).toEqual(ANALYTICS_TABLES.map((t) => t.name).sort());
    for (const table of ANALYTICS_TABLES) {
      const glue = tables.find((t) => t.Name === table.name) as {
        StorageDescriptor: { Columns: unknown[]; Location: unknown; SerdeInfo: unknown };
        PartitionKeys: unknown[];
        Parameters: Record<string, string>;
      };
      expect(glue.StorageDescriptor.Columns).toEqual(
        table.columns.map((c) => ({ Name: c.name, Type: c.type, Comment: c.comment })),
      );
      expect(glue.PartitionKeys).toEqual(
        table.partitionKeys.map((c) => ({ Name: c.name, Type: c.type, Comment: c.comment })),
      );
      expect(JSON.stringify(glue.StorageDescriptor.Location)).toContain(
        `/analytics/${table.entity}/`,
      );
      expect(glue.Parameters["projection.enabled"]).toBe("true");
    }
    stage().template.hasResourceProperties("AWS::Athena::WorkGroup", {
      Name: prefix,
      WorkGroupConfiguration: Match.objectLike({
        BytesScannedCutoffPerQuery: STAGES[name].athenaBytesScannedCutoff,
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: Match.objectLike({
          EncryptionConfiguration: { EncryptionOption: "SSE_S3" },
        }),
      }),
    });
  });

  it("alarms on API 5xx, p99, Lambda errors and throttles, DynamoDB throttling, batch failures, DLQ depth", () => {
    const topic = logicalIdOf(
      stage(),
      "AWS::SNS::Topic",
      (p) => p.TopicName === `${prefix}-alarms`,
    );
    const alarms = resourcesOfType(stage().json, "AWS::CloudWatch::Alarm").map(([, a]) => props(a));
    const names = alarms.map((a) => a.AlarmName);
    const expected = [
      "api-5xx-rate",
      "api-p99-latency",
      "api-function-errors",
      "api-function-throttles",
      "table-throttled-requests",
      "batch-dlq-depth",
      ...BATCH_NAMES.flatMap((b) => [`batch-${b}-failures`, `batch-${b}-throttles`]),
    ].map((n) => `${prefix}-${n}`);
    expect(names).toEqual(expect.arrayContaining(expected));
    for (const alarm of alarms)
      expect(alarm.AlarmActions, String(alarm.AlarmName)).toEqual([{ Ref: topic }]);
    const p99 = alarms.find((a) => a.AlarmName === `${prefix}-api-p99-latency`);
    expect(p99).toMatchObject({
      ExtendedStatistic: "p99",
      Threshold: STAGES[name].apiP99LatencyMs,
    });
  });

  it("keeps Stripe's keys in Secrets Manager: the API reads both, the batches the secret key", () => {
    const secretId = (secretName: string) =>
      logicalIdOf(stage(), "AWS::SecretsManager::Secret", (p) => p.Name === secretName);
    const key = secretId(`${prefix}/stripe-secret-key`);
    const webhook = secretId(`${prefix}/stripe-webhook-secret`);
    for (const id of [key, webhook]) {
      const secret = stage().json.Resources[id] as CfnResource;
      // No value in the template: CloudFormation makes a placeholder, a person puts the real one.
      expect(props(secret).SecretString).toBeUndefined();
      expect(secret.DeletionPolicy).toBe(STAGES[name].protectData ? "Retain" : "Delete");
    }
    const envOf = (functionName: string) => {
      const fnId = logicalIdOf(
        stage(),
        "AWS::Lambda::Function",
        (p) => p.FunctionName === functionName,
      );
      const fn = props(stage().json.Resources[fnId] as CfnResource);
      return (fn.Environment as { Variables: Record<string, unknown> }).Variables;
    };
    const reads = (functionName: string, secret: string) =>
      functionStatements(stage(), functionName).some(
        (s) =>
          actionsOf(s).includes("secretsmanager:GetSecretValue") &&
          JSON.stringify(s.Resource).includes(`"${secret}"`),
      );
    expect(envOf(`${prefix}-api`)).toMatchObject({
      OWNERS_STRIPE_SECRET_ARN: { Ref: key },
      OWNERS_STRIPE_WEBHOOK_SECRET_ARN: { Ref: webhook },
      OWNERS_STAGE: name,
    });
    expect(reads(`${prefix}-api`, key) && reads(`${prefix}-api`, webhook)).toBe(true);
    for (const fnName of [
      ...BATCH_SCHEDULES.map((b) => `${prefix}-${b.name}`),
      `${prefix}-batch`,
    ]) {
      expect(envOf(fnName), fnName).toMatchObject({
        OWNERS_STRIPE_SECRET_ARN: { Ref: key },
        OWNERS_STAGE: name,
      });
      expect(envOf(fnName).OWNERS_STRIPE_WEBHOOK_SECRET_ARN, fnName).toBeUndefined();
      expect(reads(fnName, key), fnName).toBe(true);
      expect(reads(fnName, webhook), fnName).toBe(false);
    }
  });

  it("routes the processor's webhooks to the API outside the Cognito authorizer, / and /api", () => {
    const routes = resourcesOfType(stage().json, "AWS::ApiGatewayV2::Route").map(([, r]) =>
      props(r),
    );
    for (const base of ["", "/api"])
      for (const path of WEBHOOK_PATHS) {
        const route = routes.find((r) => r.RouteKey === `POST ${base}${path}`);
        expect(route, `${base}${path}`).toBeDefined();
        expect(route?.AuthorizationType, `${base}${path}`).toBe("NONE");
        expect(route?.AuthorizerId).toBeUndefined();
        // No signed-in prefix route (which API Gateway might prefer) covers it either.
        const signedIn: readonly string[] = SIGNED_IN_PREFIXES;
        expect(signedIn.some((p) => path.startsWith(`${p}/`) || path === p)).toBe(false);
      }
    expect(WEBHOOK_PATHS).toContain("/webhooks/payments");
  });

  it("alarms on webhook 4xx and 5xx spikes, reconciliation mismatches and failed refunds", () => {
    const topic = logicalIdOf(
      stage(),
      "AWS::SNS::Topic",
      (p) => p.TopicName === `${prefix}-alarms`,
    );
    const alarms = resourcesOfType(stage().json, "AWS::CloudWatch::Alarm").map(([, a]) => props(a));
    const alarmNamed = (id: string) => {
      const found = alarms.find((a) => a.AlarmName === `${prefix}-${id}`);
      expect(found, id).toBeDefined();
      expect(found?.AlarmActions).toEqual([{ Ref: topic }]);
      return found as Record<string, unknown>;
    };
    const stageDimension = [{ Name: PAYMENT_METRICS.stageDimension, Value: name }];
    expect(alarmNamed("payments-reconciliation-mismatch")).toMatchObject({
      Namespace: "Owners/Payments",
      MetricName: "ReconciliationMismatch",
      Dimensions: stageDimension,
      Statistic: "Sum",
      Period: 3600,
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
    expect(alarmNamed("payments-refund-failed")).toMatchObject({
      Namespace: "Owners/Payments",
      MetricName: "RefundFailed",
      Dimensions: stageDimension,
      Statistic: "Sum",
      Threshold: 1,
    });
    // Webhook answers are counted from the API's access log, by route key and status class.
    const accessLogs = logicalIdOf(stage(), "AWS::ApiGatewayV2::Stage", () => true);
    const logGroupRef = (
      props(stage().json.Resources[accessLogs] as CfnResource).AccessLogSettings as {
        DestinationArn: { "Fn::GetAtt": string[] };
      }
    ).DestinationArn["Fn::GetAtt"][0];
    const filters = resourcesOfType(stage().json, "AWS::Logs::MetricFilter").map(([, f]) =>
      props(f),
    );
    for (const [digit, threshold] of [
      ["4", WEBHOOK_4XX_THRESHOLD],
      ["5", WEBHOOK_5XX_THRESHOLD],
    ] as const) {
      const metricName = `${prefix}-webhook-${digit}xx`;
      const filter = filters.find(
        (f) => (f.MetricTransformations as { MetricName: string }[])[0]?.MetricName === metricName,
      );
      expect(filter?.LogGroupName, metricName).toEqual({ Ref: logGroupRef });
      expect(filter?.FilterPattern).toBe(
        `{ (($.routeKey = "POST /webhooks/payments") || ($.routeKey = "POST /api/webhooks/payments")) && ($.status = "${digit}*") }`,
      );
      expect(alarmNamed(`payments-webhook-${digit}xx`)).toMatchObject({
        Namespace: "Owners/Payments",
        MetricName: metricName,
        Statistic: "Sum",
        Threshold: threshold,
      });
    }
  });

  it("allows no `*` action anywhere, and Allow statements name their resources", () => {
    const statements = allStatements(stage());
    expect(statements.length).toBeGreaterThan(10);
    for (const { owner, statement } of statements) {
      expect(statement.NotAction, owner).toBeUndefined();
      if (statement.Effect !== "Allow") continue; // Deny s3:* without TLS only takes away.
      for (const action of actionsOf(statement)) expect(action, owner).not.toContain("*");
      expect(statement.Resource, owner).not.toBe("*");
    }
  });

  it("lets the warm-api batch and the one-off function set provisioned concurrency on the API's live alias only", () => {
    const aliasArn = (statement: Statement | undefined) => JSON.stringify(statement?.Resource);
    for (const fn of [`${prefix}-warm-api`, `${prefix}-batch`]) {
      const statements = functionStatements(stage(), fn);
      const warm = statements.find((s) =>
        actionsOf(s).includes("lambda:PutProvisionedConcurrencyConfig"),
      );
      expect(actionsOf(warm as Statement).sort(), fn).toEqual([...WARM_UP_ACTIONS].sort());
      expect(aliasArn(warm), fn).toContain(`:function:${prefix}-api:${LIVE_ALIAS}`);
    }
    for (const batch of BATCH_SCHEDULES.filter((b) => b.name !== "warm-api"))
      expect(
        functionStatements(stage(), `${prefix}-${batch.name}`).flatMap(actionsOf),
        batch.name,
      ).not.toContain("lambda:PutProvisionedConcurrencyConfig");
    // Every batch function reads where to warm and the stage's cap (the composition refuses none).
    const env = (fn: string) => {
      const id = logicalIdOf(stage(), "AWS::Lambda::Function", (p) => p.FunctionName === fn);
      return (
        props(stage().json.Resources[id] as CfnResource).Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    };
    for (const fn of [`${prefix}-batch`, `${prefix}-close-sales`, `${prefix}-warm-api`])
      expect(env(fn), fn).toMatchObject({
        OWNERS_WARM_FUNCTION_NAME: `${prefix}-api`,
        OWNERS_WARM_ALIAS: LIVE_ALIAS,
        OWNERS_WARM_MAX_INSTANCES: String(STAGES[name].warmUpMaxInstances),
      });
    expect(BATCH_SCHEDULES.map((b) => b.name)).toContain("warm-api");
  });

  it("grants each function only what it uses", () => {
    const api = functionStatements(stage(), `${prefix}-api`);
    const apiActions = api.flatMap(actionsOf);
    expect(apiActions).not.toContain("dynamodb:Scan");
    expect(apiActions).toEqual(
      expect.arrayContaining(["dynamodb:Query", "dynamodb:ConditionCheckItem", "s3:PutObject"]),
    );
    // The scheduler adapter's calls, in the stage's group only, and passing only the scheduler role.
    const scheduler = api.find((s) => actionsOf(s).includes("scheduler:CreateSchedule"));
    expect(actionsOf(scheduler as Statement).sort()).toEqual([
      "scheduler:CreateSchedule",
      "scheduler:DeleteSchedule",
      "scheduler:UpdateSchedule",
    ]);
    expect(JSON.stringify(scheduler?.Resource)).toContain(`:schedule/${prefix}/*`);
    const passRole = api.find((s) => actionsOf(s).includes("iam:PassRole"));
    expect(passRole?.Condition).toEqual({
      StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" },
    });
    for (const batch of BATCH_SCHEDULES) {
      const actions = functionStatements(stage(), `${prefix}-${batch.name}`).flatMap(actionsOf);
      const exports = batch.name === "export-analytics";
      expect(actions.includes("dynamodb:Scan"), batch.name).toBe(exports);
      expect(
        actions.some((a) => a.startsWith("s3:")),
        batch.name,
      ).toBe(exports);
      expect(
        actions.some((a) => a.startsWith("scheduler:")),
        batch.name,
      ).toBe(false);
      expect(
        actions.some((a) => /^(ses|cognito-idp):/.test(a)),
        batch.name,
      ).toBe(batch.name === FLUSH_BATCH && STAGES[name].notificationsFrom !== undefined);
    }
  });
});

describe("production", () => {
  const production = () => stageOf("production");

  it("protects its data: deletion protection and RETAIN on the table, buckets and user pool", () => {
    production().template.hasResource("AWS::DynamoDB::Table", {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
    });
    for (const type of [
      "AWS::S3::Bucket",
      "AWS::Cognito::UserPool",
      "AWS::SecretsManager::Secret",
    ]) {
      for (const [id, resource] of resourcesOfType(production().json, type)) {
        expect(resource.DeletionPolicy, id).toBe("Retain");
      }
    }
    production().template.hasResourceProperties("AWS::Cognito::UserPool", {
      DeletionProtection: "ACTIVE",
    });
  });

  it("differs from staging only by settings: the same resources", () => {
    const types = (stage: SynthesizedStage) =>
      Object.values(stage.json.Resources)
        .map((r) => r.Type)
        .sort();
    expect(types(production())).toEqual(types(stageOf("staging")));
    stageOf("staging").template.hasResource("AWS::DynamoDB::Table", {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: "Delete",
    });
  });
});

describe("a stage with an SES sender", () => {
  const from = "OWNERS <noreply@mail.owners.example>";
  let withSender: Synthesized;
  let mail: SynthesizedStage;

  beforeAll(() => {
    withSender = synthesizeStages(inject("bundles"), {
      stages: ["staging"],
      overrides: { staging: { notificationsFrom: from, operatorsEmail: "ops@owners.example" } },
    });
    mail = withSender.stage("staging");
  });
  afterAll(() => withSender?.dispose());

  it("runs the flush with SES and the user pool, and grants only the flush what that takes", () => {
    const pool = logicalIdOf(
      mail,
      "AWS::Cognito::UserPool",
      (p) => p.UserPoolName === "owners-staging",
    );
    mail.template.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: `owners-staging-${FLUSH_BATCH}`,
      Environment: {
        Variables: Match.objectLike({
          OWNERS_NOTIFIER: "ses",
          OWNERS_SES_FROM: from,
          OWNERS_USER_POOL_ID: { Ref: pool },
          // Dispute notices to the admins reach the operators' address.
          OWNERS_ADMINS_EMAIL: "ops@owners.example",
        }),
      },
    });
    const flush = functionStatements(mail, `owners-staging-${FLUSH_BATCH}`);
    const send = flush.find((s) => actionsOf(s).includes("ses:SendEmail"));
    expect(actionsOf(send as Statement)).toEqual(["ses:SendEmail"]);
    const identities = JSON.stringify(send?.Resource);
    expect(identities).toContain(":identity/noreply@mail.owners.example");
    expect(identities).toContain(":identity/mail.owners.example");
    const lookUp = flush.find((s) => actionsOf(s).includes("cognito-idp:AdminGetUser"));
    expect(actionsOf(lookUp as Statement).sort()).toEqual([
      "cognito-idp:AdminGetUser",
      "cognito-idp:ListUsers",
    ]);
    expect(lookUp?.Resource).toEqual({ "Fn::GetAtt": [pool, "Arn"] });
    const schedules = resourcesOfType(mail.json, "AWS::Scheduler::Schedule").map(([, r]) =>
      props(r),
    );
    expect(schedules.every((s) => s.State === "ENABLED")).toBe(true);
    for (const batch of BATCH_SCHEDULES.filter((b) => b.name !== FLUSH_BATCH)) {
      const actions = functionStatements(mail, `owners-staging-${batch.name}`).flatMap(actionsOf);
      expect(
        actions.some((a) => /^(ses|cognito-idp):/.test(a)),
        batch.name,
      ).toBe(false);
    }
  });
});

describe("the CDK CLI that deploys", () => {
  it("reads the synthesized assembly and finds every stage's stack", async () => {
    const cdk = join(dirname(fileURLToPath(import.meta.url)), "../node_modules/.bin/cdk");
    const { stdout } = await promisify(execFile)(
      cdk,
      ["ls", "--app", synthesized.assembly.directory, "--no-notices"],
      { env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: "true" } },
    );
    expect(stdout.trim().split("\n").sort()).toEqual(
      STAGE_NAMES.flatMap((n) => [`owners-${n}`, `owners-${n}-edge`]).sort(),
    );
  });
});

describe("payment batch schedules", () => {
  it("reconciles payments hourly and refunds cancelled plans every 15 minutes", () => {
    expect(scheduleOf("reconcile-payments")).toMatchObject({
      handlerExport: "reconcilePayments",
    });
    expect(scheduleOf("reconcile-payments").every.toMinutes()).toBe(60);
    expect(scheduleOf("refund-cancelled-plans").every.toMinutes()).toBe(15);
    expect(scheduleOf("refund-cancelled-plans").handlerExport).toBe("refundCancelledPlans");
  });
});

describe("batch handler names", () => {
  it("camel-case the batch name as apps/batch/src/lambda.ts does", () => {
    expect(handlerExportOf("close-sales")).toBe("closeSales");
    expect(handlerExportOf("flush-notifications")).toBe("flushNotifications");
    expect(handlerExportOf("export-analytics")).toBe("exportAnalytics");
  });
});
