import type { Actor } from "@owners/app";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { TrieRouter } from "hono/router/trie-router";
import { getPath } from "hono/utils/url";
import type { VerifyToken } from "./http/auth.ts";
import { type ClosedAccounts, closedAccountGate } from "./http/closed-accounts.ts";
import type { ApiLogger } from "./http/deferred-logger.ts";
import type { ApiEnv } from "./http/env.ts";
import { rejectMalformedBody } from "./http/json-body.ts";
import { requireOriginSecret } from "./http/origin-guard.ts";
import { httpProblem, problemResponse } from "./http/problem.ts";
import { readerLanguage } from "./http/reader-language.ts";
import { requestIdFrom } from "./http/request-id.ts";

/** An exception as logged: its type and stack frames, never its message (personal data may be in it). */
export const crashForLog = (error: unknown): { type: string; frames: string[] } => ({
  type: error instanceof Error ? error.name : typeof error,
  frames:
    error instanceof Error && error.stack !== undefined
      ? error.stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .map((line) => line.trim())
      : [],
});

/**
 * On Lambda, the API Gateway request id (what its access logs show), so a log line can be found
 * from either side; a fresh UUID elsewhere. A client's own well-formed X-Request-Id comes first.
 */
const lambdaRequestIdOr = (c: { env?: unknown }): string => {
  const env = c.env as { requestContext?: { requestId?: unknown } } | undefined;
  const id = env?.requestContext?.requestId;
  return typeof id === "string" && /^[\w=-]{1,255}$/.test(id) ? id : crypto.randomUUID();
};

export interface ApiOptions {
  readonly store: "dynamodb" | "memory";
  readonly verifyToken: VerifyToken;
  /** Closed accounts' tombstones: their tokens, still valid, are refused (closedAccountGate). */
  readonly closedAccounts: ClosedAccounts;
  readonly logger: ApiLogger;
  /** Request bodies above this many bytes get 413. */
  readonly maxBodyBytes: number;
  /** In AWS: only requests carrying CloudFront's origin secret are answered (else 403). */
  readonly originSecret?: string;
}

export type ApiApp = Hono<ApiEnv>;

/** The prefix CloudFront routes to the API (and the local web server proxies), answered like the bare path. */
export const API_PREFIX = "/api";

/** `/api/plans` is `/plans`: the site calls the API on its own origin, in AWS and locally. */
const pathWithoutApiPrefix = (request: Request): string => {
  const path = getPath(request);
  if (path === API_PREFIX) return "/";
  return path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
};

/**
 * Routes whose body carries a whole file (base64 in JSON) and their own, larger body limit: a
 * carrier's tracking file of up to MAX_TRACKING_ROWS rows (some 400 bytes a B2 row, a third more
 * in base64). Every other route keeps the standard limit.
 */
const FILE_BODY_ROUTES: readonly { readonly path: RegExp; readonly maxBytes: number }[] = [
  { path: /^\/plans\/[^/]+\/parcels\/tracking-file$/, maxBytes: 4 * 1024 * 1024 },
];

/** The bare app: logging, request ids, auth, limits and problem+json errors; routes are added by the caller. */
export const createBaseApp = (options: ApiOptions): ApiApp => {
  // Hono's default router first tries to compile every route into one RegExp; the API's routes
  // are beyond it (it gives up and falls back to this TrieRouter), so the attempt only cost each
  // cold start's first request some milliseconds. Matching is the same: the trie was in use.
  const app = new Hono<ApiEnv>({ getPath: pathWithoutApiPrefix, router: new TrieRouter() });

  // Outermost: every answer below it, problems included, is in the reader's language.
  app.use(readerLanguage);
  app.use(requestIdFrom(lambdaRequestIdOr));
  if (options.originSecret !== undefined) app.use(requireOriginSecret(options.originSecret));
  app.use(async (c, next) => {
    const started = performance.now();
    const log = options.logger.child({ requestId: c.get("requestId") });
    c.set("log", log);
    await next();
    // Method, route pattern and status only: no bodies, tokens, emails or addresses in logs.
    log.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () =>
        problemResponse(
          httpProblem(413, "REQUEST.TOO_LARGE", `request bodies are limited to ${maxSize} bytes`),
        ),
    });
  const standardLimit = limitTo(options.maxBodyBytes);
  const fileLimits = FILE_BODY_ROUTES.map((route) => ({
    path: route.path,
    limit: limitTo(Math.max(route.maxBytes, options.maxBodyBytes)),
  }));
  app.use((c, next) => {
    const path = pathWithoutApiPrefix(c.req.raw);
    return (fileLimits.find((route) => route.path.test(path))?.limit ?? standardLimit)(c, next);
  });
  app.use(async (c, next) => {
    const header = c.req.header("authorization");
    if (header !== undefined) {
      const match = /^Bearer (.+)$/i.exec(header);
      const actor: Actor | undefined =
        match?.[1] !== undefined ? await options.verifyToken(match[1]) : undefined;
      if (actor === undefined) {
        return problemResponse(
          httpProblem(
            401,
            "AUTH.UNAUTHENTICATED",
            "the bearer token is missing, expired or invalid",
          ),
        );
      }
      c.set("actor", actor);
    }
    return next();
  });
  app.use(closedAccountGate(options.closedAccounts));
  app.use(rejectMalformedBody);

  app.notFound((c) =>
    problemResponse(
      httpProblem(404, "ROUTE.NOT_FOUND", `no route for ${c.req.method} ${c.req.path}`),
    ),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      // Hono's own 4xx (malformed JSON, unsupported content type) keep their status.
      return problemResponse(
        httpProblem(
          error.status,
          "REQUEST.INVALID",
          error.message || "the request could not be read",
        ),
      );
    }
    // The type and the frames locate the bug; the message is left out, it may quote request data.
    c.get("log")?.error({ err: crashForLog(error) }, "unhandled error");
    return problemResponse(
      httpProblem(500, "INTERNAL", "something went wrong on our side; it was logged"),
    );
  });

  app.get("/health", (c) => c.json({ status: "ok", store: options.store }));
  return app;
};
