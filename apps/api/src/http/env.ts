import type { Actor } from "@owners/app";
import type { Language } from "@owners/domain";
import type { ApiLogger } from "./deferred-logger.ts";

/** What every request carries through the Hono context. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    log: ApiLogger;
    /** Set by the auth middleware when a valid bearer token was sent. */
    actor?: Actor;
    /** The reader's language, from `Accept-Language` (Japanese by default). */
    language: Language;
  };
}
