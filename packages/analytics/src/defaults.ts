// No imports: the batch app's config, apps/local and the analytics CLI all read these.

/**
 * The analytics bucket outside AWS: s3rver's under `pnpm start`, `pnpm batch`'s default and the
 * folder `pnpm analytics` reads.
 */
export const LOCAL_ANALYTICS_BUCKET = "owners-analytics";

/**
 * The pseudonymization key outside AWS (a secret there). Every local exporter (`pnpm batch`,
 * `pnpm start`'s scheduler) must use the same one, or the same owner gets different pseudonyms.
 */
export const LOCAL_ANALYTICS_SECRET = "local-analytics-secret-change-me";
