import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { httpProblem, problemResponse } from "./problem.ts";

/**
 * The header CloudFront adds to every request it forwards to the API (apps/infra's CDN sets it
 * from the same Secrets Manager secret). API Gateway's execute-api URL stays public, since the
 * site reaches the API through CloudFront without a custom domain; this header is what makes a
 * direct call, past the WAF, useless.
 */
export const ORIGIN_SECRET_HEADER = "x-owners-origin";

/** Same length digests, so the comparison takes the same time whatever the caller sent. */
const digest = (value: string): Buffer => createHash("sha256").update(value).digest();

/** Refuses with 403 every request that does not carry the origin secret. */
export const requireOriginSecret = (secret: string): MiddlewareHandler => {
  const expected = digest(secret);
  return async (c, next) => {
    const sent = c.req.header(ORIGIN_SECRET_HEADER);
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      return problemResponse(
        httpProblem(403, "AUTH.DIRECT_ACCESS", "call the API through the site's own address"),
      );
    }
    await next();
  };
};
