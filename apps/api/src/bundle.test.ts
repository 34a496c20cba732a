import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLambda } from "../scripts/build.mjs";
import { apiGatewayV2Event, livePlanBody } from "./testing/api-gateway.ts";

const run = promisify(execFile);

/**
 * The script a fresh Node process runs: import the bundle (nothing else from the workspace) and
 * feed its handler API Gateway v2 events, printing each answer as one JSON line.
 */
const driver = (bundle: string, events: Record<string, unknown>) => `
import { handler } from ${JSON.stringify(bundle)};
const events = ${JSON.stringify(events)};
const call = async (event, extra = {}) => {
  const result = await handler({ ...event, ...extra, headers: { ...event.headers, ...(extra.headers ?? {}) } }, {});
  return { statusCode: result.statusCode, contentType: result.headers?.["content-type"], body: JSON.parse(result.body) };
};
const out = {};
out.health = await call(events.health);
const login = async (sub, role) =>
  (await call(events.login, { body: JSON.stringify({ sub, role }) })).body.token;
const producer = { authorization: "Bearer " + (await login("producer-bundle", "producer")) };
const owner = { authorization: "Bearer " + (await login("owner-bundle", "owner")) };
const created = await call(events.create, { headers: producer });
const id = created.body.id;
const path = (p) => ({ rawPath: p, requestContext: { ...events.create.requestContext, http: { ...events.create.requestContext.http, path: p } } });
out.publish = await call({ ...events.create, ...path("/plans/" + id + "/publish"), body: undefined }, { headers: producer });
const reserve = { ...events.reserve, ...path("/plans/" + id + "/reservations") };
out.first = await call(reserve, { headers: { ...owner, "idempotency-key": "bundle-1" } });
out.again = await call(reserve, { headers: { ...owner, "idempotency-key": "bundle-1" } });
out.missing = await call(events.missing);
const admin = { authorization: "Bearer " + (await login("admin-bundle", "admin")) };
out.batch = await call(events.batch, { headers: admin });
out.doc = await call(events.doc);
console.log(JSON.stringify(out));
`;

describe("the Lambda bundle", () => {
  let dir: string;
  let bundle: Awaited<ReturnType<typeof buildLambda>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "owners-api-bundle-"));
    bundle = await buildLambda({ outdir: dir });
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("leaves the S3 client to a chunk loaded on the first upload, out of the cold start", async () => {
    const entry = await readFile(bundle.outfile, "utf8");
    expect(entry).not.toContain("PutObject");
    const chunks = await readdir(join(dir, "chunks"));
    const texts = await Promise.all(chunks.map((c) => readFile(join(dir, "chunks", c), "utf8")));
    expect(texts.some((t) => t.includes("PutObject"))).toBe(true);
    // The size reported is the whole artifact, entry and chunks.
    expect(bundle.bytes).toBe(
      Buffer.byteLength(entry) + texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
    );
  });

  it("is an ESM entry (and its chunks) that a fresh Node process imports and runs API Gateway v2 events with", async () => {
    const events = {
      health: apiGatewayV2Event({ method: "GET", path: "/health" }),
      login: apiGatewayV2Event({ method: "POST", path: "/auth/dev-login", body: {} }),
      create: apiGatewayV2Event({ method: "POST", path: "/plans", body: livePlanBody() }),
      reserve: apiGatewayV2Event({
        method: "POST",
        path: "/plans/x/reservations",
        body: { shares: 1, shippingRegion: "kanto" },
      }),
      missing: apiGatewayV2Event({ method: "GET", path: "/plans/plan_missing" }),
      // The batch registry is a chunk of its own, loaded on the first run.
      batch: apiGatewayV2Event({ method: "POST", path: "/admin/batches/close-sales", body: {} }),
      // The OpenAPI generator converts schemas through a chunk the build trims (scripts/build.mjs).
      doc: apiGatewayV2Event({ method: "GET", path: "/openapi.json" }),
    };
    const script = join(dir, "drive.mjs");
    await writeFile(script, driver(bundle.outfile, events));
    const { stdout } = await run(process.execPath, [script], {
      cwd: dir,
      // Only what a Lambda's environment would hold: no workspace, no tsx, no NODE_OPTIONS loaders.
      env: {
        PATH: process.env.PATH ?? "",
        OWNERS_STORE: "memory",
        OWNERS_DEV_LOGIN: "on",
        OWNERS_JWT_SECRET: "bundle-test-secret-bundle-test-secret",
        OWNERS_LOG_LEVEL: "silent",
      },
      timeout: 30_000,
    });
    const out = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    expect(out.health).toEqual({
      statusCode: 200,
      contentType: "application/json",
      body: { status: "ok", store: "memory" },
    });
    expect(out.publish.statusCode).toBe(200);
    expect(out.first).toMatchObject({
      statusCode: 201,
      body: { shares: 1, unitPriceYen: 7500, totalYen: 7500 },
    });
    expect(out.again.body).toEqual(out.first.body);
    expect(out.missing).toMatchObject({
      statusCode: 404,
      contentType: "application/problem+json",
      body: { code: "PLAN.NOT_FOUND" },
    });
    expect(out.batch).toMatchObject({
      statusCode: 200,
      body: { batch: "close-sales", outcome: "finished" },
    });
    expect(out.doc.statusCode).toBe(200);
    expect(out.doc.body.components.schemas.Plan.properties.sharesRemaining).toBeDefined();
    expect(out.doc.body.paths["/plans/{id}/reservations"].post.parameters).toContainEqual(
      expect.objectContaining({ in: "header", name: "idempotency-key", required: true }),
    );
  });

  it("reads at a cold start neither a route group (each loads on its first request), pino, jose (first bearer token), nor the S3 or Secrets Manager client, nor the batch registry", () => {
    const startup = bundle.startupInputs.join("\n");
    // The handler's own code is there: the list is what a cold start really reads.
    expect(startup).toContain("src/lambda.ts");
    expect(startup).toContain("src/http/lazy-groups.ts");
    expect(startup).not.toMatch(/src\/routes\/(?!route-manifest)/);
    // pino loads in the background (http/deferred-logger.ts).
    expect(startup).not.toMatch(/node_modules\/pino\//);
    expect(startup).not.toMatch(/node_modules\/jose\//);
    expect(startup).not.toMatch(/@aws-sdk\/client-s3\//);
    // Imported only when the environment names secrets (in AWS), not by local runs or tests.
    expect(startup).not.toMatch(/@aws-sdk\/client-secrets-manager\//);
    expect(startup).not.toContain("packages/app/src/batch/registry.ts");
    // The user pool's client loads on an admin's first approval (identity-ports.ts).
    expect(startup).not.toMatch(/client-cognito-identity-provider|adapter-cognito/);
    expect(bundle.startupBytes).toBeLessThan(bundle.bytes);
  });

  it("reads at a cold start no use case, no DynamoDB or in-memory store, no domain rule and no problem catalogue (each loads with the first request using it)", () => {
    const startup = bundle.startupInputs;
    const read = (pattern: RegExp) => startup.filter((input) => pattern.test(input));
    // What the entry really runs at start is listed (the composition root)...
    expect(read(/src\/composition\/container-core\.ts$/)).toHaveLength(1);
    // ...and none of these.
    expect(read(/src\/composition\/use-case-groups\//)).toEqual([]);
    expect(read(/packages\/app\/src\/plans\/plan-use-cases\.ts$/)).toEqual([]);
    expect(read(/packages\/app\/src\/reservations\/reserve-shares\.ts$/)).toEqual([]);
    expect(read(/packages\/adapter-dynamodb\/src\/(plan-repository|ownership-store)\.ts$/)).toEqual(
      [],
    );
    expect(read(/packages\/adapter-memory\/src\/memory-ports\.ts$/)).toEqual([]);
    expect(read(/packages\/domain\/src\/(plans|reservations|harvest)\//)).toEqual([]);
    expect(read(/src\/http\/problem-messages\.ts$/)).toEqual([]);
  });
});
