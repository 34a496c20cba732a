import "reflect-metadata";
import { loadSecretEnv } from "@owners/adapter-secrets-manager";
import { createLogger } from "@owners/logging";
import { readBatchConfig } from "./config.ts";
import { composeDeployedBatches } from "./deployed-batches.ts";
import { makeBatchHandler } from "./handler.ts";

/**
 * Built once per cold start; every invocation reuses the clients and the container. Secrets are
 * read from Secrets Manager first (the stack passes only their ARNs), Stripe bound when its key is
 * there; without a real processor and notifier a Lambda refuses to start.
 */
const config = readBatchConfig(await loadSecretEnv(process.env));
const { runBatch } = await composeDeployedBatches(config);
const handlerFor = makeBatchHandler(runBatch, {
  safetyMarginMs: config.OWNERS_BATCH_SAFETY_MARGIN_MS,
  leaseMs: config.OWNERS_BATCH_LEASE_MS,
  logger: createLogger({ service: "owners-batch", level: config.OWNERS_LOG_LEVEL }),
  stage: config.OWNERS_STAGE,
});

/** One Lambda entry point per batch, for one EventBridge schedule each (`{ batch, input? }`). */
export const closeSales = handlerFor("close-sales");
export const expireOffers = handlerFor("expire-offers");
export const allocateHarvests = handlerFor("allocate-harvests");
export const scheduleShipments = handlerFor("schedule-shipments");
export const flushNotifications = handlerFor("flush-notifications");
export const exportAnalytics = handlerFor("export-analytics");
export const refundCancelledPlans = handlerFor("refund-cancelled-plans");
export const reconcilePayments = handlerFor("reconcile-payments");
export const warmApi = handlerFor("warm-api");
export const deliverParcels = handlerFor("deliver-parcels");
export const remindExperiences = handlerFor("remind-experiences");
/** Any batch, by the event's `batch` (one-off schedules such as an offer's expiry). */
export const handler = handlerFor();
