import { makeFileNotifier, systemClock } from "@owners/adapter-local";
import {
  type Api,
  type ApiConfig,
  type ContainerOverrides,
  createApi,
  readConfig,
} from "@owners/api";
import type { Clock, Ports, Scheduler } from "@owners/app";
import { restoreProducerGroups } from "@owners/app";
import type { Logger } from "@owners/logging";
import * as TE from "fp-ts/lib/TaskEither.js";
import { localAnalyticsPorts } from "./analytics-ports.ts";
import { schedulerBatchRunner } from "./batch-runner.ts";
import { checkoutPages } from "./checkout-page.ts";
import type { StoreMode } from "./config.ts";
import { type RunningEngines, startEngines } from "./engines.ts";
import { listen } from "./http-server.ts";
import { notificationsFile } from "./notifications.ts";
import { type LocalPayments, localPayments, type StripeKeys } from "./payment-processor.ts";
import { preferredOrFreePort } from "./ports-free.ts";
import { type BatchRunner, startLocalScheduler } from "./scheduler.ts";
import { loadDemoData, type SeedReport } from "./seed.ts";
import { stopInReverse } from "./stop-in-reverse.ts";
import { webApp } from "./web-server.ts";

export interface LocalStackOptions {
  readonly store: StoreMode;
  /** The API's port; 0 picks a free one. */
  readonly apiPort: number;
  readonly host?: string;
  /** Preferred engine ports (a free one when taken or 0). */
  readonly dynamoPort?: number;
  readonly s3Port?: number;
  /** Keep DynamoDB data, S3 objects and notifications here; all temporary when absent. */
  readonly stateDir?: string;
  readonly tableName: string;
  readonly uploadsBucket: string;
  readonly jwtSecret: string;
  /** Load the demo producers, plans and reservations (once per store). */
  readonly seed: boolean;
  /** Run the batches on their timetable (tests run them on demand instead). */
  readonly schedule: boolean;
  readonly logLevel?: ApiConfig["OWNERS_LOG_LEVEL"];
  /** The API's logger, instead of JSON lines on stdout at `logLevel`. */
  readonly logger?: Logger;
  /** Real time by default; the end-to-end test moves time past a sales window instead of waiting. */
  readonly clock?: Clock;
  /** Where scheduled batch failures are reported. */
  readonly onBatchError?: (batch: string, error: unknown) => void;
  /** Told each scheduled batch's report (start.ts prints the ones that did something). */
  readonly onBatchReport?: (batch: string, report: unknown) => void;
  /** Serve the built site (apps/web/dist) on this port (a free one when taken or 0), /api to the API. */
  readonly web?: { readonly port: number; readonly distDir: string };
  /** Stripe's test mode instead of the local processor (start.ts passes the keys when set). */
  readonly stripe?: StripeKeys;
  /** Extra middleware on the API's DynamoDB client (the hot-plan bench's write-unit limits). */
  readonly configureDynamo?: ContainerOverrides["configureDynamo"];
}

export interface LocalStack {
  readonly store: StoreMode;
  readonly apiUrl: string;
  /** The site, when `web` was asked for. */
  readonly webUrl?: string;
  readonly engines?: RunningEngines;
  readonly notificationsPath: string;
  readonly seed?: SeedReport;
  /** The composition root's ports and use cases (tests check the ledger through them). */
  readonly api: Api;
  /** Runs a batch now, as the scheduler does (the batch registry, as the platform). */
  readonly runBatch: BatchRunner;
  /** The payment processor: the local one (tests pay through its checkout) or Stripe's ports. */
  readonly payments: LocalPayments;
  /** Stops the scheduler, the API and the engines (the JVM included); safe to call twice. */
  stop(): Promise<void>;
}

const apiEnvironment = (
  options: LocalStackOptions,
  engines: RunningEngines | undefined,
  webOrigin: string | undefined,
) => ({
  OWNERS_STORE: options.store,
  OWNERS_TABLE: options.tableName,
  OWNERS_UPLOADS_BUCKET: options.uploadsBucket,
  OWNERS_DEV_LOGIN: "on",
  OWNERS_JWT_SECRET: options.jwtSecret,
  OWNERS_LOG_LEVEL: options.logLevel ?? "info",
  // The processor's checkout sends owners back to this site's "my harvest".
  ...(webOrigin === undefined ? {} : { OWNERS_SITE_URL: webOrigin }),
  // Local mails (the flush's file) carry working one-click unsubscribe links to this API.
  ...(webOrigin === undefined
    ? {}
    : {
        OWNERS_UNSUBSCRIBE_SECRET: "owners-local-unsubscribe-secret-not-for-production",
        OWNERS_API_URL: `${webOrigin}/api`,
      }),
  ...(engines === undefined
    ? {}
    : {
        OWNERS_DYNAMODB_ENDPOINT: engines.dynamo.endpoint,
        OWNERS_S3_ENDPOINT: engines.s3.endpoint,
        // Browsers upload through the site's own origin (the web server relays /s3 to s3rver).
        ...(webOrigin === undefined ? {} : { OWNERS_S3_PUBLIC_ENDPOINT: `${webOrigin}/s3` }),
      }),
});

const startEnginesFor = (options: LocalStackOptions) =>
  startEngines({
    tableName: options.tableName,
    uploadsBucket: options.uploadsBucket,
    ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }),
    ...(options.dynamoPort === undefined ? {} : { dynamoPort: options.dynamoPort }),
    ...(options.s3Port === undefined ? {} : { s3Port: options.s3Port }),
  });

/**
 * The whole platform on one machine: DynamoDB Local and s3rver (dynamodb store) or the in-memory
 * adapters, the API on Node with dev login on, notifications to a JSON-lines file, the batches on
 * their timetable, and the demo data. `pnpm start` and the end-to-end test both start it here.
 */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const stop = stopInReverse();
  try {
    const engines = options.store === "dynamodb" ? await startEnginesFor(options) : undefined;
    if (engines !== undefined) stop.add(() => engines.stop());
    const notifications = notificationsFile(options.stateDir);
    stop.add(() => notifications.dispose());

    const webHost = options.host ?? "127.0.0.1";
    const webPort =
      options.web === undefined ? undefined : await preferredOrFreePort(options.web.port);
    const webOrigin =
      webPort === undefined
        ? undefined
        : `http://${webHost === "0.0.0.0" ? "localhost" : webHost}:${webPort}`;
    const config = readConfig(apiEnvironment(options, engines, webOrigin));
    const clock = options.clock ?? systemClock;
    const apiHost = options.host ?? "127.0.0.1";
    // Known before the API listens: the processor's checkout links and webhooks need it.
    const apiPort = options.apiPort === 0 ? await preferredOrFreePort(0) : options.apiPort;
    const apiOrigin = `http://${apiHost === "0.0.0.0" ? "localhost" : apiHost}:${apiPort}`;
    const payments = localPayments({
      clock,
      ...(options.stripe === undefined ? {} : { stripe: options.stripe }),
      checkoutBaseUrl: webOrigin ?? apiOrigin,
      apiUrl: () => apiOrigin,
    });
    const checkout =
      payments.processor === undefined ? undefined : checkoutPages(payments.processor).fetch;
    const notifier = makeFileNotifier({ path: notifications.path, clock });
    let apiPorts: Ports | undefined;
    const analytics = localAnalyticsPorts(
      () => {
        if (apiPorts === undefined) throw new Error("the API is not built yet");
        return apiPorts;
      },
      engines,
      options.tableName,
    );
    stop.add(() => analytics.close());
    // One-off schedules (an offer's expiry) go to the local scheduler once it runs.
    let local: Scheduler | undefined;
    const scheduler: Scheduler = {
      scheduleRecurring: (name, rate, call) =>
        local?.scheduleRecurring(name, rate, call) ?? TE.right(undefined),
      scheduleOnce: (name, at, call) => local?.scheduleOnce(name, at, call) ?? TE.right(undefined),
      cancel: (name) => local?.cancel(name) ?? TE.right(undefined),
    };
    const api = createApi(config, {
      ports: { notifier, clock, scheduler, ...payments.ports },
      analytics: analytics.ports,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(options.configureDynamo === undefined
        ? {}
        : { configureDynamo: options.configureDynamo }),
    });
    apiPorts = api.ports;
    // The local identity directory is in memory; the table remembers who was approved.
    const restored = await restoreProducerGroups(api.ports)();
    if (restored._tag === "Left") throw new Error(`restoring producers: ${restored.left.message}`);
    const batchRunner = schedulerBatchRunner(api);

    const seed = options.seed
      ? await loadDemoData({
          ...api.useCases.plans,
          ...api.useCases.reservations,
          setMyAddress: api.useCases.shipments.setMyAddress,
          producerProfiles: api.ports.producerProfiles,
        })
      : undefined;

    if (options.schedule) {
      const timetable = await startLocalScheduler({
        clock,
        run: (name, input) =>
          TE.map((report: unknown) => {
            options.onBatchReport?.(name, report);
            return report;
          })(batchRunner(name, input)),
        onError: options.onBatchError ?? (() => {}),
      });
      local = timetable.scheduler;
      stop.add(() => timetable.stop());
    }

    const apiFetch = api.app.fetch;
    const server = await listen(
      checkout === undefined
        ? apiFetch
        : (request: Request) =>
            new URL(request.url).pathname.startsWith("/checkout/")
              ? checkout(request)
              : apiFetch(request),
      apiPort,
      options.host,
    );
    stop.add(() => server.close());

    const web =
      options.web === undefined || webPort === undefined
        ? undefined
        : await listen(
            webApp({
              distDir: options.web.distDir,
              api: api.app.fetch,
              ...(engines === undefined ? {} : { s3: { endpoint: engines.s3.endpoint } }),
              ...(checkout === undefined ? {} : { checkout }),
            }).fetch,
            webPort,
            webHost,
          );
    if (web !== undefined) stop.add(() => web.close());

    return {
      store: options.store,
      apiUrl: server.url,
      ...(web === undefined ? {} : { webUrl: web.url }),
      ...(engines === undefined ? {} : { engines }),
      notificationsPath: notifications.path,
      ...(seed === undefined ? {} : { seed }),
      api,
      runBatch: batchRunner,
      payments,
      stop: () => stop.run(),
    };
  } catch (error) {
    await stop.run().catch(() => {});
    throw error;
  }
};
