/**
 * Every batch by the name the scheduler, the CLI and POST /admin/batches/{name} use. On its own
 * so that naming a batch (the API's route, the CDK schedules) does not load the batches' code.
 */
export const BATCH_NAMES = [
  "close-sales",
  "expire-offers",
  "allocate-harvests",
  "schedule-shipments",
  "flush-notifications",
  "export-analytics",
  "refund-cancelled-plans",
  "reconcile-payments",
  "warm-api",
  "deliver-parcels",
  "remind-experiences",
] as const;
export type BatchName = (typeof BATCH_NAMES)[number];
