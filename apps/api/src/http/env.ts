import type { Actor } from "@owners/app";
import type { Logger } from "@owners/logging";

/** What every request carries through the Hono context. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    log: Logger;
    /** Set by the auth middleware when a valid bearer token was sent. */
    actor?: Actor;
  };
}
