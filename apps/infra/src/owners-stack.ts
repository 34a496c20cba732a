import type { AnalyticsTable } from "@owners/analytics/tables";
import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { OwnersAdminAuth } from "./constructs/admin-auth.ts";
import { OwnersAlarms } from "./constructs/alarms.ts";
import { OwnersAnalytics } from "./constructs/analytics.ts";
import { LIVE_ALIAS, OwnersApi } from "./constructs/api.ts";
import { DIRECTORY_ACTIONS, OwnersAuth } from "./constructs/auth.ts";
import { OwnersBatches } from "./constructs/batches.ts";
import { OwnersBuckets } from "./constructs/buckets.ts";
import { OwnersCdn } from "./constructs/cdn.ts";
import { OwnersTable } from "./constructs/owners-table.ts";
import { grantTableActions, ITEM_ACTIONS } from "./constructs/table-access.ts";
import { type StageSettings, stagePrefix } from "./stages.ts";

/** Where the bundled functions are: directories each holding a `lambda.mjs`. */
export interface LambdaBundles {
  readonly api: string;
  readonly batch: string;
  /** The Cognito post-confirmation trigger (`post-confirmation.mjs`). */
  readonly identity: string;
}

export interface OwnersStackProps extends StackProps {
  readonly stage: StageSettings;
  readonly bundles: LambdaBundles;
  readonly analyticsTables: readonly AnalyticsTable[];
  /** The stage's WAF WebACL for CloudFront, from its us-east-1 edge stack. */
  readonly webAclArn: string;
}

/** What the warm-api batch calls on the API's `live` alias (packages/adapter-lambda). */
export const WARM_UP_ACTIONS = [
  "lambda:PutProvisionedConcurrencyConfig",
  "lambda:DeleteProvisionedConcurrencyConfig",
] as const;

/** The EventBridge Scheduler adapter's calls (packages/adapter-scheduler): upsert and cancel. */
export const SCHEDULER_ADAPTER_ACTIONS = [
  "scheduler:CreateSchedule",
  "scheduler:UpdateSchedule",
  "scheduler:DeleteSchedule",
] as const;

/** A generated secret: the functions get its ARN and read it at a cold start. */
const generatedSecret = (scope: Construct, id: string, name: string, protect: boolean): Secret =>
  new Secret(scope, id, {
    secretName: name,
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
    removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

/**
 * A secret whose value a person puts (`aws secretsmanager put-secret-value`, README): created
 * with a random placeholder that nothing accepts, never overwritten by a later deploy.
 */
const externalSecret = (
  scope: Construct,
  id: string,
  name: string,
  description: string,
  protect: boolean,
): Secret =>
  new Secret(scope, id, {
    secretName: name,
    description,
    removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

/**
 * Its value, resolved by CloudFormation ({{resolve:secretsmanager:...}}), never in the template:
 * only for CloudFront's origin header, which cannot read Secrets Manager itself.
 */
const secretValue = (secret: Secret): string => secret.secretValue.unsafeUnwrap();

/** One stage of OWNERS: everything it runs on, from one definition for every stage. */
export class OwnersStack extends Stack {
  readonly settings: StageSettings;

  constructor(scope: Construct, id: string, props: OwnersStackProps) {
    super(scope, id, props);
    const stage = props.stage;
    this.settings = stage;
    const prefix = stagePrefix(stage.name);

    const { table } = new OwnersTable(this, "Data", {
      tableName: prefix,
      protectData: stage.protectData,
    });
    const buckets = new OwnersBuckets(this, "Buckets", {
      athenaResultsRetention: stage.athenaResultsRetention,
    });
    const auth = new OwnersAuth(this, "Auth", {
      prefix,
      protectData: stage.protectData,
      identityBundleDir: props.bundles.identity,
      logRetention: stage.logRetention,
    });
    const adminAuth = new OwnersAdminAuth(this, "AdminAuth", {
      prefix,
      protectData: stage.protectData,
    });
    // Changing either breaks what was issued with it (cursors, pseudonyms): kept in production.
    const cursorSecret = generatedSecret(
      this,
      "CursorSecret",
      `${prefix}/cursor`,
      stage.protectData,
    );
    const analyticsSecret = generatedSecret(
      this,
      "AnalyticsSecret",
      `${prefix}/analytics-pseudonyms`,
      stage.protectData,
    );
    // Signs mails' one-click unsubscribe links (the batches) and verifies them (the API).
    const unsubscribeSecret = generatedSecret(
      this,
      "UnsubscribeSecret",
      `${prefix}/unsubscribe`,
      stage.protectData,
    );
    // CloudFront sends it to the API, which answers nothing without it (constructs/cdn.ts).
    const originSecret = generatedSecret(
      this,
      "OriginSecret",
      `${prefix}/origin`,
      stage.protectData,
    );

    // Stripe (issue 14): the API and the batches call it with the secret key; only the API
    // verifies webhooks. Both values come from the Stripe dashboard, put by a person.
    const stripeSecretKey = externalSecret(
      this,
      "StripeSecretKey",
      `${prefix}/stripe-secret-key`,
      "Stripe secret API key (sk_live_... / sk_test_...): put by a person",
      stage.protectData,
    );
    const stripeWebhookSecret = externalSecret(
      this,
      "StripeWebhookSecret",
      `${prefix}/stripe-webhook-secret`,
      "Stripe webhook signing secret (whsec_...) of the /api/webhooks/payments endpoint: put by a person",
      stage.protectData,
    );

    // The store settings both apps read (apps/api/src/config.ts, apps/batch/src/config.ts).
    const storeEnv = {
      OWNERS_STORE: "dynamodb",
      OWNERS_TABLE: table.tableName,
      // Read at a cold start by @owners/adapter-secrets-manager (`<NAME>_ARN` -> `<NAME>`).
      OWNERS_CURSOR_SECRET_ARN: cursorSecret.secretArn,
      OWNERS_STRIPE_SECRET_ARN: stripeSecretKey.secretArn,
      OWNERS_UNSUBSCRIBE_SECRET_ARN: unsubscribeSecret.secretArn,
      // The Stage dimension of the Owners/Payments metrics (constructs/payment-metrics.ts).
      OWNERS_STAGE: stage.name,
      OWNERS_LOG_LEVEL: stage.logLevel,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };

    const batches = new OwnersBatches(this, "Batches", {
      prefix,
      bundleDir: props.bundles.batch,
      logRetention: stage.logRetention,
      table,
      analyticsBucket: buckets.analytics,
      ...(stage.notificationsFrom === undefined
        ? {}
        : {
            mail: {
              from: stage.notificationsFrom,
              userPool: auth.userPool,
              ...(stage.operatorsEmail === undefined ? {} : { operators: stage.operatorsEmail }),
            },
          }),
      environment: {
        ...storeEnv,
        OWNERS_ANALYTICS_BUCKET: buckets.analytics.bucketName,
        OWNERS_ANALYTICS_SECRET_ARN: analyticsSecret.secretArn,
      },
    });

    // Cognito's issuer, written as API Gateway's user pool authorizer writes it (the test holds
    // the two equal): the app and the gateway accept the same tokens.
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${auth.userPool.userPoolId}`;
    const adminIssuer = `https://cognito-idp.${this.region}.amazonaws.com/${adminAuth.userPool.userPoolId}`;
    const api = new OwnersApi(this, "Api", {
      prefix,
      bundleDir: props.bundles.api,
      logRetention: stage.logRetention,
      throttle: stage.apiThrottle,
      environment: {
        ...storeEnv,
        OWNERS_UPLOADS_BUCKET: buckets.uploads.bucketName,
        OWNERS_DEV_LOGIN: "off",
        OWNERS_ORIGIN_SECRET_ARN: originSecret.secretArn,
        OWNERS_STRIPE_WEBHOOK_SECRET_ARN: stripeWebhookSecret.secretArn,
        OWNERS_JWT_ISSUER: issuer,
        OWNERS_JWKS_URL: `${issuer}/.well-known/jwks.json`,
        // Admins sign in to their own pool (MFA required); only its tokens carry the admin role.
        OWNERS_ADMIN_JWT_ISSUER: adminIssuer,
        OWNERS_ADMIN_JWKS_URL: `${adminIssuer}/.well-known/jwks.json`,
        // Approval moves people between groups of this pool (@owners/adapter-cognito).
        OWNERS_USER_POOL_ID: auth.userPool.userPoolId,
        OWNERS_PLATFORM_FEE_BPS: String(stage.platformFeeBps),
        // For the EventBridge Scheduler adapter (packages/adapter-scheduler); the API does not
        // compose it yet, and reads none of these until it does.
        OWNERS_SCHEDULE_GROUP: batches.scheduleGroup.scheduleGroupName,
        OWNERS_SCHEDULER_ROLE_ARN: batches.schedulerRole.roleArn,
        OWNERS_SCHEDULER_TARGET_ARN: batches.oneOff.functionArn,
        OWNERS_SCHEDULER_DLQ_ARN: batches.deadLetterQueue.queueArn,
      },
    });
    const fn = api.function;
    grantTableActions(fn, table, ITEM_ACTIONS);
    // Each function reads the secrets it is given, and only those.
    for (const secret of [
      cursorSecret,
      originSecret,
      stripeSecretKey,
      stripeWebhookSecret,
      unsubscribeSecret,
    ])
      secret.grantRead(fn);
    for (const batch of batches.allFunctions)
      for (const secret of [cursorSecret, analyticsSecret, stripeSecretKey, unsubscribeSecret])
        secret.grantRead(batch);
    // Photos: presigned POST (signed with this role, so it needs PutObject), HeadObject and ranged
    // GetObject to verify, presigned GET, DeleteObject; ListBucket makes a missing key a 404.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
        resources: [
          buckets.uploads.arnForObjects("uploads/*"),
          // Verified copies of uploads (CopyObject reads the upload and writes here).
          buckets.uploads.arnForObjects("photos/*"),
        ],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["s3:ListBucket"],
        resources: [buckets.uploads.bucketArn],
      }),
    );
    // Producer approval (groups) and account closure (delete) on the people's pool only.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [...DIRECTORY_ACTIONS],
        resources: [auth.userPool.userPoolArn],
      }),
    );
    // One-off schedules (an offer's expiry) in the stage's group, run as the scheduler role.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [...SCHEDULER_ADAPTER_ACTIONS],
        resources: [
          this.formatArn({
            service: "scheduler",
            resource: "schedule",
            resourceName: `${batches.scheduleGroup.scheduleGroupName}/*`,
          }),
        ],
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["iam:PassRole"],
        resources: [batches.schedulerRole.roleArn],
        conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      }),
    );

    // warm-api (its schedule and the one-off schedules at plans' openings) sets the API alias's
    // provisioned concurrency. Every batch function reads the settings (composeBatches refuses
    // an in-memory level in AWS); only those two may change it. Names, not references: the API
    // already refers to the one-off function, and a reference back would make a cycle.
    const apiName = `${prefix}-api`;
    const liveAliasArn = this.formatArn({
      service: "lambda",
      resource: "function",
      resourceName: `${apiName}:${LIVE_ALIAS}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    for (const batch of batches.allFunctions) {
      batch.addEnvironment("OWNERS_WARM_FUNCTION_NAME", apiName);
      batch.addEnvironment("OWNERS_WARM_ALIAS", LIVE_ALIAS);
      batch.addEnvironment("OWNERS_WARM_MAX_INSTANCES", String(stage.warmUpMaxInstances));
    }
    for (const warmer of [batches.oneOff, batches.functions.get("warm-api")])
      warmer?.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: [...WARM_UP_ACTIONS],
          resources: [liveAliasArn],
        }),
      );

    const cdn = new OwnersCdn(this, "Cdn", {
      prefix,
      webBucket: buckets.web,
      httpApi: api.httpApi,
      webAclArn: props.webAclArn,
      originSecret: secretValue(originSecret),
      logRetention: stage.logRetention,
      siteOrigins: {
        cognito: auth.domain.baseUrl(),
        adminCognito: adminAuth.domain.baseUrl(),
        uploads: `https://*.s3.${this.region}.amazonaws.com`,
      },
    });
    const siteOrigins = [cdn.origin, ...stage.extraWebOrigins];
    buckets.allowUploadsFrom(siteOrigins);
    const client = auth.addSiteClient(siteOrigins);
    fn.addEnvironment("OWNERS_JWT_AUDIENCE", client.userPoolClientId);
    const consoleClient = adminAuth.addConsoleClient(siteOrigins);
    fn.addEnvironment("OWNERS_ADMIN_JWT_AUDIENCE", consoleClient.userPoolClientId);
    // Where the processor's checkout sends owners back (the site's "my harvest").
    fn.addEnvironment("OWNERS_SITE_URL", cdn.origin);
    // Mails link to the site and unsubscribe through its /api (the flush signs the links).
    for (const batch of batches.allFunctions) batch.addEnvironment("OWNERS_SITE_URL", cdn.origin);
    api.addRoutes(
      new HttpUserPoolAuthorizer("UserPool", auth.userPool, {
        userPoolClients: [client],
        identitySource: ["$request.header.Authorization"],
      }),
      new HttpUserPoolAuthorizer("AdminPool", adminAuth.userPool, {
        userPoolClients: [consoleClient],
        identitySource: ["$request.header.Authorization"],
      }),
    );

    const analytics = new OwnersAnalytics(this, "Analytics", {
      prefix,
      bucket: buckets.analytics,
      tables: props.analyticsTables,
      bytesScannedCutoff: stage.athenaBytesScannedCutoff,
      protectData: stage.protectData,
    });

    const alarms = new OwnersAlarms(this, "Alarms", {
      prefix,
      httpApi: api.httpApi,
      apiFunction: fn,
      batchFunctions: batches.functions,
      oneOffFunction: batches.oneOff,
      table,
      deadLetterQueue: batches.deadLetterQueue,
      apiP99LatencyMs: stage.apiP99LatencyMs,
      apiAccessLogs: api.accessLogs,
      stage: stage.name,
    });

    // What the site's config.json and a person need after a deploy.
    const outputs: Record<string, string> = {
      SiteUrl: cdn.origin,
      DistributionId: cdn.distribution.distributionId,
      WebBucket: buckets.web.bucketName,
      UploadsBucket: buckets.uploads.bucketName,
      AnalyticsBucket: buckets.analytics.bucketName,
      ApiEndpoint: api.httpApi.apiEndpoint,
      ApiFunction: fn.functionName,
      UserPoolId: auth.userPool.userPoolId,
      UserPoolClientId: client.userPoolClientId,
      CognitoDomain: auth.domain.baseUrl(),
      AdminUserPoolId: adminAuth.userPool.userPoolId,
      AdminUserPoolClientId: consoleClient.userPoolClientId,
      AdminCognitoDomain: adminAuth.domain.baseUrl(),
      PostConfirmationFunction: auth.postConfirmation.functionName,
      TableName: table.tableName,
      GlueDatabase: analytics.databaseName,
      AthenaWorkgroup: analytics.workgroup.name,
      AlarmTopicArn: alarms.topic.topicArn,
      BatchDeadLetterQueue: batches.deadLetterQueue.queueUrl,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}
