import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createBaseApp } from "./app.ts";
import { makeTokenVerifier, signDevToken } from "./http/auth.ts";
import { systemRoutes } from "./routes/system.ts";

const secret = "test-secret-test-secret-test-secret";
const issuer = "owners-local";
const makeApp = (devLoginEnabled: boolean) => {
  const app = createBaseApp({
    store: "memory",
    verifyToken: makeTokenVerifier({ kind: "hs256", secret, issuer }),
    logger: pino({ level: "silent" }),
    maxBodyBytes: 1024,
    closedAccounts: { isClosed: () => TE.right(false), eraseAgain: () => TE.right(false) },
  });
  app.route(
    "/",
    systemRoutes({ enabled: devLoginEnabled, secret, issuer }, async () => new Hono(), true),
  );
  return app;
};

const post = (body: string, headers: Record<string, string> = {}) => ({
  method: "POST",
  body,
  headers: { "content-type": "application/json", ...headers },
});

describe("base app", () => {
  it("answers /health with the store in use", async () => {
    const response = await makeApp(true).request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", store: "memory" });
  });

  it("answers the same routes under /api, the path CloudFront and the local web server use", async () => {
    const app = makeApp(true);
    expect(await (await app.request("/api/health")).json()).toEqual({
      status: "ok",
      store: "memory",
    });
    const login = await app.request(
      "/api/auth/dev-login",
      post(JSON.stringify({ sub: "u1", role: "owner" })),
    );
    expect(login.status).toBe(200);
    // Only a whole path segment is the prefix: /apihealth is not /health.
    expect((await app.request("/apihealth")).status).toBe(404);
    expect((await app.request("/api/api/health")).status).toBe(404);
  });

  it("issues a dev token that the verifier accepts, and only when dev login is on", async () => {
    const on = await makeApp(true).request(
      "/auth/dev-login",
      post(JSON.stringify({ sub: "u1", role: "owner" })),
    );
    expect(on.status).toBe(200);
    const { token } = (await on.json()) as { token: string };
    expect(await makeTokenVerifier({ kind: "hs256", secret, issuer })(token)).toEqual({
      id: "u1",
      role: "owner",
    });

    const off = await makeApp(false).request(
      "/auth/dev-login",
      post(JSON.stringify({ sub: "u1", role: "owner" })),
    );
    expect(off.status).toBe(404);
    expect(off.headers.get("content-type")).toBe("application/problem+json");
  });

  it.each([
    ["malformed JSON", "{not json", 400],
    ["a wrong type", JSON.stringify({ sub: 5, role: "owner" }), 400],
    ["an unknown field", JSON.stringify({ sub: "u1", role: "owner", admin: true }), 400],
    ["an unknown role", JSON.stringify({ sub: "u1", role: "king" }), 400],
    [
      "an oversized body",
      JSON.stringify({ sub: "u1", role: "owner", name: "x".repeat(5000) }),
      413,
    ],
  ])("rejects %s with a problem, never a 5xx", async (_label, body, status) => {
    const response = await makeApp(true).request("/auth/dev-login", post(body));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { status: number; code: string; title: string };
    expect(problem.status).toBe(status);
    expect(problem.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
  });

  it("names the failing fields of a validation error", async () => {
    const response = await makeApp(true).request(
      "/auth/dev-login",
      post(JSON.stringify({ role: "owner" })),
    );
    const problem = (await response.json()) as { fields: { field: string }[] };
    expect(problem.fields.map((f) => f.field)).toContain("json.sub");
  });

  it("rejects a forged or expired bearer token with 401", async () => {
    const forged = await signDevToken(
      { id: "u1", role: "admin" },
      "another-secret-another-secret-xx",
      issuer,
    );
    const response = await makeApp(true).request("/health", {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(response.status).toBe(401);
    const expired = await signDevToken({ id: "u1", role: "admin" }, secret, issuer, -10);
    expect(
      (await makeApp(true).request("/health", { headers: { authorization: `Bearer ${expired}` } }))
        .status,
    ).toBe(401);
  });

  it("serves an OpenAPI 3.1 document and the docs page", async () => {
    const app = makeApp(true);
    const doc = (await (await app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/auth/dev-login");
    const docs = await app.request("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("openapi.json");
  });

  it("answers unknown routes with a 404 problem", async () => {
    const response = await makeApp(true).request("/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
