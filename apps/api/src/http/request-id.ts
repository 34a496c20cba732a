import type { Context, MiddlewareHandler } from "hono";
import type { ApiEnv } from "./env.ts";

/**
 * A client's id is echoed in logs and headers, so only a plain token is taken: anything else (a
 * newline, a JSON fragment, an over-long string) is replaced by a fresh id. It identifies a log
 * line, never anything that grants a right (a lease owner, an idempotency key).
 */
export const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = "X-Request-Id";

/** Sets `requestId` from a well-formed client header, else from `generate`, and echoes it. */
export const requestIdFrom =
  (generate: (c: Context<ApiEnv>) => string): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    const sent = c.req.header(REQUEST_ID_HEADER);
    const id = sent !== undefined && WELL_FORMED_REQUEST_ID.test(sent) ? sent : generate(c);
    c.set("requestId", id);
    await next();
    // After the answer is made: a handler or middleware answering with its own Response (every
    // problem does) would drop a header set before it.
    c.header(REQUEST_ID_HEADER, id);
  };
