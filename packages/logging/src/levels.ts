/** pino's levels, for each app's config schema (apart from the logger, so reading them loads no pino). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
