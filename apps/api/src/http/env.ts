import type { Actor } from "@owners/app";
import type { ApiLogger } from "./deferred-logger.ts";

/** What every request carries through the Hono context. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    log: ApiLogger;
    /** Set by the auth middleware when a valid bearer token was sent. */
    actor?: Actor;
  };
}
