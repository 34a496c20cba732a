import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import {
  makeDocumentClient,
  makeDynamoAnalyticsSource,
  makeDynamoPorts,
} from "@owners/adapter-dynamodb";
import { makeLambdaClient, makeLambdaProvisionedConcurrency } from "@owners/adapter-lambda";
import { makeFileNotifier, makeIdGenerator, systemClock } from "@owners/adapter-local";
import {
  makeMemoryBlobStore,
  makeMemoryNotifier,
  makeMemoryPaymentGateway,
  makeMemoryPorts,
  makeMemoryProvisionedConcurrency,
} from "@owners/adapter-memory";
import { makeS3BlobStore, makeS3Client, s3ClientSettings } from "@owners/adapter-s3";
import {
  makeCognitoRecipientDirectory,
  makeSesNotifier,
  withFixedRecipients,
} from "@owners/adapter-ses";
import { makeAnalyticsSink, makePortsAnalyticsSource } from "@owners/analytics";
import {
  type BatchPorts,
  entriesOf,
  type FollowerCounts,
  makeCursorCodec,
  type Notifier,
  noChannelNotifier,
  notificationLinksFrom,
  PORT_TOKENS,
  type PortLookup,
  refuseDevOnlyPorts,
  runBatch,
  type WarmUpPorts,
} from "@owners/app";
import { Container } from "inversify";
import type { BatchConfig } from "./config.ts";

/** What the batch app binds besides the app's PORT_TOKENS. */
export const BATCH_TOKENS = {
  config: Symbol.for("owners.batch.Config"),
  /** Everything the configured store's wiring builds (each port is bound from it). */
  wiring: Symbol.for("owners.batch.StoreWiring"),
  checkpoints: Symbol.for("owners.batch.CheckpointStore"),
  leases: Symbol.for("owners.batch.LeaseStore"),
  runBatch: Symbol.for("owners.batch.RunBatch"),
} as const;

export type RunBatch = ReturnType<typeof runBatch>;

/** What a caller may hand in instead of the configured pieces (tests, benchmarks). */
export interface BatchOverrides {
  /** Ports rebound over the configured ones (a test's clock, payments, notifier). */
  readonly ports?: Partial<Pick<BatchPorts, BatchPortName>>;
  /** warm-api's ports instead of the configured ones (tests). */
  readonly warmUp?: WarmUpPorts;
  readonly doc?: DynamoDBDocumentClient;
}

/** The app ports a batch uses, bound under their PORT_TOKENS. */
const APP_PORTS = [
  "plans",
  "ownerships",
  "waitlists",
  "ledger",
  "refundIntents",
  "reconciliation",
  "harvests",
  "allocations",
  "shipments",
  "outbox",
  "profiles",
  "payments",
  "creditBalances",
  "notifier",
  "clock",
  "ids",
  "parcels",
  // The fan-out of followers' notices (flush-notifications expands triggers first).
  "follows",
  "producerProfiles",
  "experiences",
] as const satisfies readonly (keyof BatchPorts & keyof typeof PORT_TOKENS)[];

type BatchPortName = (typeof APP_PORTS)[number];

/** The ports a batch reads, each through `port` (a container lookup); each key written out. */
const readBatchPorts = (port: PortLookup): Pick<BatchPorts, BatchPortName> => ({
  plans: port("plans"),
  ownerships: port("ownerships"),
  waitlists: port("waitlists"),
  ledger: port("ledger"),
  refundIntents: port("refundIntents"),
  reconciliation: port("reconciliation"),
  harvests: port("harvests"),
  allocations: port("allocations"),
  shipments: port("shipments"),
  outbox: port("outbox"),
  profiles: port("profiles"),
  payments: port("payments"),
  creditBalances: port("creditBalances"),
  notifier: port("notifier"),
  clock: port("clock"),
  ids: port("ids"),
  parcels: port("parcels"),
  follows: port("follows"),
  producerProfiles: port("producerProfiles"),
  experiences: port("experiences"),
});

/** "memory", or the file when one is named, else the store's own (SES: see `sesChannel`). */
const notifierFor = (config: BatchConfig, fallback: () => Notifier): Notifier =>
  config.OWNERS_NOTIFIER === "memory"
    ? makeMemoryNotifier()
    : config.OWNERS_NOTIFICATIONS_FILE === undefined
      ? fallback()
      : makeFileNotifier({ path: config.OWNERS_NOTIFICATIONS_FILE, clock: systemClock });

/**
 * OWNERS_NOTIFIER=ses: email through SES (in AWS_REGION), addresses from the Cognito pool (in
 * the pool's own region). Built in `composeBatches`, whose `close` closes its clients too.
 */
const sesChannel = (config: BatchConfig): { notifier: Notifier; close(): void } => {
  const from = config.OWNERS_SES_FROM;
  const userPoolId = config.OWNERS_USER_POOL_ID;
  if (from === undefined || userPoolId === undefined)
    throw new Error("OWNERS_NOTIFIER=ses needs OWNERS_SES_FROM and OWNERS_USER_POOL_ID");
  const ses = new SESv2Client({ region: config.AWS_REGION });
  const cognito = new CognitoIdentityProviderClient({ region: userPoolId.split("_")[0] });
  return {
    notifier: makeSesNotifier({
      ses,
      from,
      ...(config.OWNERS_SES_CONFIGURATION_SET === undefined
        ? {}
        : { configurationSetName: config.OWNERS_SES_CONFIGURATION_SET }),
      recipients: withFixedRecipients(
        makeCognitoRecipientDirectory({ client: cognito, userPoolId }),
        config.OWNERS_ADMINS_EMAIL === undefined ? {} : { admins: config.OWNERS_ADMINS_EMAIL },
      ),
    }),
    close: () => {
      ses.destroy();
      cognito.destroy();
    },
  };
};

/** The adapters' document client (adapter-dynamodb's options) for the configured table's region. */
export const makeBatchDocumentClient = (config: BatchConfig): DynamoDBDocumentClient =>
  makeDocumentClient({
    region: config.AWS_REGION,
    // Local engines accept any key; in AWS the SDK finds the Lambda role's credentials.
    ...(config.OWNERS_DYNAMODB_ENDPOINT === undefined
      ? {}
      : {
          endpoint: config.OWNERS_DYNAMODB_ENDPOINT,
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }),
  });

/**
 * warm-api's ports: the API alias's provisioned concurrency on Lambda when the stack names the
 * function (a local twin otherwise), and follower counts from the follows store (one read each).
 */
const warmUpPorts = (config: BatchConfig, followers: FollowerCounts): WarmUpPorts => ({
  concurrency:
    config.OWNERS_WARM_FUNCTION_NAME === undefined
      ? makeMemoryProvisionedConcurrency()
      : makeLambdaProvisionedConcurrency({
          client: makeLambdaClient({ region: config.AWS_REGION }),
          functionName: config.OWNERS_WARM_FUNCTION_NAME,
          alias: config.OWNERS_WARM_ALIAS,
        }),
  followers,
  maxInstances: config.OWNERS_WARM_MAX_INSTANCES,
});

/** The analytics bucket on S3 (s3rver locally, path-style with its fixed keys). */
const analyticsBucket = (config: BatchConfig) =>
  makeS3BlobStore({
    client: makeS3Client(s3ClientSettings(config.AWS_REGION, config.OWNERS_S3_ENDPOINT)),
    bucket: config.OWNERS_ANALYTICS_BUCKET,
    uploadExpirySeconds: 300,
  });

/**
 * Storage on DynamoDB (the outbox enqueueing in bulk), the batch stores beside it. Payments go to
 * the in-process gateway unless the caller binds Stripe (`composeDeployedBatches`); a Lambda
 * refuses the in-process one.
 */
const dynamoPorts = (config: BatchConfig, doc: DynamoDBDocumentClient): BatchPorts => {
  const ctx = {
    doc,
    tableName: config.OWNERS_TABLE,
    cursors: makeCursorCodec(config.OWNERS_CURSOR_SECRET),
  };
  const payments = makeMemoryPaymentGateway();
  return {
    ...makeDynamoPorts(ctx, { bulkOutbox: true }),
    payments,
    // With no channel chosen (OWNERS_NOTIFIER=ses in AWS), a flush must not pretend to send.
    notifier: notifierFor(config, () => noChannelNotifier),
    clock: systemClock,
    ids: makeIdGenerator(),
    analytics: {
      source: makeDynamoAnalyticsSource(ctx),
      sink: makeAnalyticsSink({
        blobs: analyticsBucket(config),
        pseudonymizationSecret: config.OWNERS_ANALYTICS_SECRET,
      }),
    },
  };
};

const memoryPorts = (config: BatchConfig): BatchPorts => {
  const memory = makeMemoryPorts({ cursorSecret: config.OWNERS_CURSOR_SECRET });
  return {
    ...memory,
    notifier: notifierFor(config, () => memory.notifier),
    // The memory mode keeps nothing between processes: the export goes to a memory bucket too.
    analytics: {
      source: makePortsAnalyticsSource(memory),
      sink: makeAnalyticsSink({
        blobs: makeMemoryBlobStore(),
        pseudonymizationSecret: config.OWNERS_ANALYTICS_SECRET,
      }),
    },
  };
};

export interface BatchComposition {
  readonly container: Container;
  readonly ports: BatchPorts;
  readonly runBatch: RunBatch;
  /** Closes the DynamoDB client (the CLI exits after it). */
  close(): void;
}

/**
 * The batch app's composition root: every port a batch uses bound to its token, the batch stores
 * to BATCH_TOKENS, and the registry's `runBatch` built from the bound ports. Constant and dynamic
 * bindings only (esbuild emits no decorator metadata); built once per process.
 */
export const composeBatches = (
  config: BatchConfig,
  overrides: BatchOverrides = {},
): BatchComposition => {
  const doc =
    config.OWNERS_STORE === "dynamodb"
      ? (overrides.doc ?? makeBatchDocumentClient(config))
      : undefined;
  const mail = config.OWNERS_NOTIFIER === "ses" ? sesChannel(config) : undefined;
  const container = new Container({ defaultScope: "Singleton" });
  const get = <T>(token: symbol): T => container.get<T>(token);
  const port: PortLookup = (name) => get(PORT_TOKENS[name]);

  container.bind(BATCH_TOKENS.config).toConstantValue(config);
  // The store's one wiring (adapter-dynamodb's or adapter-memory's), built on first use.
  container
    .bind(BATCH_TOKENS.wiring)
    .toDynamicValue(() => (doc === undefined ? memoryPorts(config) : dynamoPorts(config, doc)));
  for (const name of APP_PORTS)
    container
      .bind(PORT_TOKENS[name])
      .toDynamicValue(() => get<BatchPorts>(BATCH_TOKENS.wiring)[name]);
  if (mail !== undefined) container.rebind(PORT_TOKENS.notifier).toConstantValue(mail.notifier);
  for (const [name, replacement] of entriesOf(overrides.ports ?? {}))
    container.rebind(PORT_TOKENS[name]).toConstantValue(replacement);
  const warmUp =
    overrides.warmUp ??
    // The follows store is in the wiring (every adapter's ports) though no batch binds it.
    warmUpPorts(config, {
      countFor: (producerId) =>
        get<{ readonly follows: FollowerCounts }>(BATCH_TOKENS.wiring).follows.countFor(producerId),
    });
  // In AWS, money and mail must not silently go nowhere (an in-process gateway or notifier), nor
  // a warm-up be kept in memory.
  if (config.AWS_LAMBDA_FUNCTION_NAME !== undefined)
    refuseDevOnlyPorts("the batches", {
      payments: port("payments"),
      notifier: port("notifier"),
      provisionedConcurrency: warmUp.concurrency,
    });
  container
    .bind(BATCH_TOKENS.checkpoints)
    .toDynamicValue(() => get<BatchPorts>(BATCH_TOKENS.wiring).checkpoints);
  container
    .bind(BATCH_TOKENS.leases)
    .toDynamicValue(() => get<BatchPorts>(BATCH_TOKENS.wiring).leases);
  const notificationLinks = notificationLinksFrom({
    siteUrl: config.OWNERS_SITE_URL,
    apiUrl: config.OWNERS_API_URL,
    secret: config.OWNERS_UNSUBSCRIBE_SECRET,
    mailbox: config.OWNERS_UNSUBSCRIBE_MAILBOX,
  });
  container.bind(BATCH_TOKENS.runBatch).toDynamicValue(() => {
    const { analytics } = get<BatchPorts>(BATCH_TOKENS.wiring);
    return runBatch({
      ...readBatchPorts(port),
      checkpoints: get(BATCH_TOKENS.checkpoints),
      leases: get(BATCH_TOKENS.leases),
      runs: get<BatchPorts>(BATCH_TOKENS.wiring).runs,
      ...(analytics === undefined ? {} : { analytics }),
      warmUp,
      ...(notificationLinks === undefined ? {} : { notificationLinks }),
    });
  });
  return {
    container,
    ports: { ...get<BatchPorts>(BATCH_TOKENS.wiring), ...readBatchPorts(port) },
    runBatch: container.get<RunBatch>(BATCH_TOKENS.runBatch),
    close: () => {
      if (overrides.doc === undefined) doc?.destroy();
      mail?.close();
    },
  };
};
