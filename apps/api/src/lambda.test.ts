import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signDevToken } from "./http/auth.ts";
import {
  apiGatewayV2Event,
  type EventInput,
  lambdaContext,
  livePlanBody,
} from "./testing/api-gateway.ts";

const SECRET = "lambda-test-secret-lambda-test-secret";

/** lambda.ts as Lambda loads it: a fresh module reading this environment at import. */
const loadHandler = async (env: Record<string, string>) => {
  vi.resetModules();
  for (const [name, value] of Object.entries({
    OWNERS_STORE: "memory",
    OWNERS_JWT_SECRET: SECRET,
    OWNERS_LOG_LEVEL: "silent",
    ...env,
  }))
    vi.stubEnv(name, value);
  const { handler } = await import("./lambda.ts");
  return async (input: EventInput) => {
    // Hono types the event with `body: string | null`; API Gateway omits the body instead.
    const event = apiGatewayV2Event(input) as unknown as Parameters<typeof handler>[0];
    const result = (await handler(event, lambdaContext())) as APIGatewayProxyResultV2;
    const structured = result as APIGatewayProxyStructuredResultV2;
    return {
      statusCode: structured.statusCode ?? 200,
      headers: structured.headers ?? {},
      body: structured.body === undefined ? undefined : JSON.parse(structured.body),
    };
  };
};

const bearer = async (id: string, role: "producer" | "owner") => ({
  authorization: `Bearer ${await signDevToken({ id, role }, SECRET, "owners-local")}`,
});

afterEach(() => vi.unstubAllEnvs());

describe("the Lambda handler (API Gateway HTTP API, payload 2.0)", () => {
  it("answers GET /health", async () => {
    const invoke = await loadHandler({});
    const answer = await invoke({ method: "GET", path: "/health" });
    expect(answer).toMatchObject({ statusCode: 200, body: { status: "ok", store: "memory" } });
    expect(answer.headers["content-type"]).toContain("application/json");
    // The request id is API Gateway's, so logs and access logs meet.
    expect(answer.headers["x-request-id"]).toMatch(/^Y\d{15}=$/);
  });

  it("answers 404 to POST /auth/dev-login, which is off unless switched on", async () => {
    const invoke = await loadHandler({});
    const answer = await invoke({
      method: "POST",
      path: "/auth/dev-login",
      body: { sub: "u1", role: "admin" },
    });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ status: 404, code: "ROUTE.NOT_FOUND" });
  });

  it("runs a reservation round trip: create, publish, reserve, repeat with the same key", async () => {
    const invoke = await loadHandler({});
    const producer = await bearer("producer-lambda", "producer");
    const owner = await bearer("owner-lambda", "owner");
    const created = await invoke({
      method: "POST",
      path: "/plans",
      headers: producer,
      body: livePlanBody(),
    });
    expect(created.statusCode).toBe(201);
    const planId = created.body.id as string;
    expect(
      (await invoke({ method: "POST", path: `/plans/${planId}/publish`, headers: producer }))
        .statusCode,
    ).toBe(200);
    const reservation = {
      method: "POST",
      path: `/plans/${planId}/reservations`,
      headers: { ...owner, "idempotency-key": "lambda-key-1" },
      body: { shares: 2, shippingRegion: "kanto" },
    };
    const first = await invoke(reservation);
    expect(first).toMatchObject({
      statusCode: 201,
      body: { shares: 2, unitPriceYen: 7500, totalYen: 15000 },
    });
    const again = await invoke(reservation);
    expect(again.statusCode).toBe(201);
    expect(again.body).toEqual(first.body);
    const plan = await invoke({ method: "GET", path: `/plans/${planId}` });
    expect(plan.body).toMatchObject({ sharesSold: 2, sharesRemaining: 8 });
    const listed = await invoke({ method: "GET", path: "/me/ownerships?limit=10", headers: owner });
    expect(listed.body.items).toEqual([first.body]);
  });
});
