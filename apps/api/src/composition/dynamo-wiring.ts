import type { S3ClientConfig } from "@aws-sdk/client-s3";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { makeDocumentClient } from "@owners/adapter-dynamodb";
import { makeInProcessScheduler, makeSystemTimer } from "@owners/adapter-local";
import {
  makeLocalIdentityDirectory,
  makeMemoryPaymentGateway,
  makeMemoryPayoutAccounts,
} from "@owners/adapter-memory";
import { s3ClientSettings } from "@owners/adapter-s3/settings";
import {
  type BatchStores,
  type Clock,
  type CursorCodec,
  type IdGenerator,
  makeCursorCodec,
  noChannelNotifier,
  type PlatformPorts,
  type Ports,
  type Scheduler,
} from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { ApiConfig } from "../config.ts";
import type { WireStore } from "./container-core.ts";
import { lazyBlobStore } from "./lazy-blob-store.ts";
import { makeLazyDynamoPorts } from "./lazy-dynamo-ports.ts";
import { lazyScheduler } from "./lazy-scheduler.ts";

export interface EventBridgeSettings {
  readonly region: string;
  readonly groupName: string;
  readonly roleArn: string;
  readonly targetArn: string;
  readonly deadLetterArn?: string;
}

/** One-off schedules on EventBridge Scheduler, its client loaded on the first schedule made. */
const eventBridgeScheduler = (settings: EventBridgeSettings): Scheduler =>
  lazyScheduler(async () => {
    const { makeEventBridgeScheduler, makeSchedulerClient } = await import(
      "@owners/adapter-scheduler"
    );
    return makeEventBridgeScheduler({
      client: makeSchedulerClient({ region: settings.region }),
      groupName: settings.groupName,
      roleArn: settings.roleArn,
      targetArn: settings.targetArn,
      ...(settings.deadLetterArn === undefined ? {} : { deadLetterArn: settings.deadLetterArn }),
      // As the stack's recurring schedules: a few retries within the hour, then the queue.
      retry: { maximumAttempts: 3, maximumEventAgeSeconds: 3600 },
    });
  });

/** Where the stores live; built from the config unless a caller hands in ready clients (tests, pnpm start). */
export interface DynamoWiringSettings {
  readonly tableName: string;
  readonly cursors: CursorCodec;
  readonly doc: DynamoDBDocumentClient;
  /** The S3 client's settings: the client itself is made on the first request that stores a file. */
  readonly s3: S3ClientConfig;
  readonly bucket: string;
  readonly s3PublicEndpoint?: string;
  /** EventBridge Scheduler for one-off schedules (AWS); none locally. */
  readonly eventBridge?: EventBridgeSettings;
}

/** The settings and the clock and ids the container bound (a caller's replacements included). */
export interface DynamoWiringOptions extends DynamoWiringSettings {
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * The DynamoDB/S3 wiring: storage on DynamoDB, photos on S3. Payments use the in-process gateway
 * unless the caller rebinds them (the Lambda entry binds Stripe, `pnpm start` its local
 * processor; a Lambda refuses the in-process one). The API sends no mail itself (the batch Lambda
 * flushes through SES): its notifier refuses, so an admin's flush through the API leaves every
 * message pending instead of marking it delivered; `pnpm start` binds its file notifier. One-off schedules (offers' expiry) go to
 * EventBridge Scheduler when the stack configured it; otherwise nowhere (locally `pnpm start`
 * passes its own scheduler), and the periodic expire-offers batch alone acts.
 */
export const makeDynamoWiring = (
  options: DynamoWiringOptions,
): Omit<Ports, "personalDataHolders"> & BatchStores => {
  const { clock, ids } = options;
  const payments = makeMemoryPaymentGateway();
  const platform: PlatformPorts = {
    clock,
    ids,
    cursors: options.cursors,
    blobs: lazyBlobStore(async () => {
      const { makeS3BlobStore, makeS3Client } = await import("@owners/adapter-s3");
      return makeS3BlobStore({
        client: makeS3Client(options.s3),
        bucket: options.bucket,
        uploadExpirySeconds: 600,
        ...(options.s3PublicEndpoint !== undefined
          ? { publicEndpoint: options.s3PublicEndpoint }
          : {}),
      });
    }),
    payments,
    payoutAccounts: makeMemoryPayoutAccounts(),
    paymentSimulator: payments,
    notifier: noChannelNotifier,
    // The local twin (dev-only): the Lambda entry binds the user pool's (identity-ports.ts).
    identityDirectory: makeLocalIdentityDirectory(),
    scheduler:
      options.eventBridge === undefined
        ? makeInProcessScheduler({
            clock,
            timer: makeSystemTimer(),
            run: () => TE.right(undefined),
          })
        : eventBridgeScheduler(options.eventBridge),
  };
  const { doc, tableName, cursors } = options;
  // The payout account store is plain here: the container lends it ready accounts on first use
  // only while a dev-only processor is bound (see buildContainer). Each store loads on first use.
  return { ...platform, ...makeLazyDynamoPorts({ doc, tableName, cursors }) };
};

/** The clients and options the config names (endpoints for DynamoDB Local and s3rver, or AWS). */
export const dynamoWiringSettingsFromConfig = (config: ApiConfig): DynamoWiringSettings => {
  const region = config.AWS_REGION;
  const local = config.OWNERS_DYNAMODB_ENDPOINT !== undefined;
  // Local engines accept any key; in AWS the SDK finds the Lambda role's credentials itself.
  const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };
  return {
    tableName: config.OWNERS_TABLE,
    cursors: makeCursorCodec(config.OWNERS_CURSOR_SECRET),
    doc: makeDocumentClient({
      region,
      ...(local
        ? { endpoint: config.OWNERS_DYNAMODB_ENDPOINT, credentials: localCredentials }
        : {}),
    }),
    s3: s3ClientSettings(region, config.OWNERS_S3_ENDPOINT),
    bucket: config.OWNERS_UPLOADS_BUCKET,
    ...(config.OWNERS_SCHEDULE_GROUP !== undefined &&
    config.OWNERS_SCHEDULER_ROLE_ARN !== undefined &&
    config.OWNERS_SCHEDULER_TARGET_ARN !== undefined
      ? {
          eventBridge: {
            region,
            groupName: config.OWNERS_SCHEDULE_GROUP,
            roleArn: config.OWNERS_SCHEDULER_ROLE_ARN,
            targetArn: config.OWNERS_SCHEDULER_TARGET_ARN,
            ...(config.OWNERS_SCHEDULER_DLQ_ARN === undefined
              ? {}
              : { deadLetterArn: config.OWNERS_SCHEDULER_DLQ_ARN }),
          },
        }
      : {}),
    ...(config.OWNERS_S3_PUBLIC_ENDPOINT !== undefined
      ? { s3PublicEndpoint: config.OWNERS_S3_PUBLIC_ENDPOINT }
      : {}),
  };
};

/** DynamoDB + S3 as the config names them, a caller's middleware on the document client. */
export const wireDynamoStore: WireStore = (config, clock, ids, configureDynamo) => {
  const settings = dynamoWiringSettingsFromConfig(config);
  configureDynamo?.(settings.doc);
  return makeDynamoWiring({ ...settings, clock, ids });
};
