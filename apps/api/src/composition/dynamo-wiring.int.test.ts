import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import { SAMPLE_JPEG } from "@owners/app/testing";
import {
  LOCAL_AWS_CREDENTIALS,
  LOCAL_AWS_REGION,
  type RunningDynamoDbLocal,
  type RunningS3rver,
  startDynamoDbLocal,
  startS3rver,
} from "@owners/test-engines";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLambda } from "../../scripts/build.mjs";
import { readConfig } from "../config.ts";
import { signDevToken } from "../http/auth.ts";
import { apiGatewayV2Event, livePlanBody } from "../testing/api-gateway.ts";
import type { JsonBody } from "../testing/json.ts";
import { type Api, createApi } from "./container.ts";

const SECRET = "dynamo-wiring-secret-dynamo-wiring-secret";
const BUCKET = "owners-uploads";

describe("the API on DynamoDB Local and s3rver (OWNERS_STORE=dynamodb)", () => {
  let dynamo: RunningDynamoDbLocal;
  let s3: RunningS3rver;
  let api: Api;

  beforeAll(async () => {
    [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3rver({ buckets: [BUCKET] })]);
    const raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_AWS_REGION,
      credentials: LOCAL_AWS_CREDENTIALS,
    });
    await raw.send(new CreateTableCommand(createTableInput("owners-api-test")));
    raw.destroy();
    api = createApi(
      readConfig({
        OWNERS_STORE: "dynamodb",
        OWNERS_TABLE: "owners-api-test",
        OWNERS_DYNAMODB_ENDPOINT: dynamo.endpoint,
        OWNERS_S3_ENDPOINT: s3.endpoint,
        OWNERS_UPLOADS_BUCKET: BUCKET,
        OWNERS_JWT_SECRET: SECRET,
      }),
      { logger: pino({ level: "silent" }) },
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all([dynamo?.stop(), s3?.stop()]);
  });

  const call = async (
    method: string,
    path: string,
    as?: [string, "producer" | "owner"],
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const token =
      as === undefined
        ? undefined
        : await signDevToken({ id: as[0], role: as[1] }, SECRET, "owners-local");
    const response = await api.app.request(path, {
      method,
      headers: {
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as JsonBody };
  };

  it("answers /health with the store", async () => {
    expect((await call("GET", "/health")).body).toEqual({ status: "ok", store: "dynamodb" });
  });

  it("creates a plan with a photo uploaded to S3, sells it idempotently, refuses the over-cap, cancels", async () => {
    const P: [string, "producer"] = ["producer-ddb", "producer"];
    const form = await call("POST", "/uploads", P, { contentType: "image/jpeg" });
    expect(form.status).toBe(201);
    const multipart = new FormData();
    for (const [name, value] of Object.entries(form.body.fields as Record<string, string>))
      multipart.append(name, value);
    multipart.append("file", new Blob([SAMPLE_JPEG], { type: "image/jpeg" }), "photo.jpg");
    expect((await fetch(form.body.url, { method: "POST", body: multipart })).status).toBeLessThan(
      300,
    );

    const created = await call("POST", "/plans", P, {
      ...livePlanBody(),
      totalShares: 3,
      photoKeys: [form.body.key],
    });
    // The plan holds the verified copy (photos/), never the key the form wrote to.
    const photo = form.body.key.replace("uploads/pending/", "photos/");
    expect(created).toMatchObject({ status: 201, body: { photoKeys: [photo] } });
    const planId = created.body.id;
    expect((await call("POST", `/plans/${planId}/publish`, P)).status).toBe(200);

    const reserve = (owner: string, shares: number, key: string) =>
      call(
        "POST",
        `/plans/${planId}/reservations`,
        [owner, "owner"],
        { shares, shippingRegion: "kanto" },
        { "idempotency-key": key },
      );
    const first = await reserve("o1", 2, "ddb-1");
    expect(first).toMatchObject({
      status: 201,
      body: { shares: 2, unitPriceYen: 7500, totalYen: 15000 },
    });
    expect((await reserve("o1", 2, "ddb-1")).body).toEqual(first.body);
    expect((await reserve("o1", 1, "ddb-2")).body.code).toBe("PLAN.OWNER_LIMIT");
    expect((await reserve("o2", 1, "ddb-3")).status).toBe(201);
    expect((await reserve("o3", 1, "ddb-4")).body.code).toBe("PLAN.SOLD_OUT");

    expect((await call("GET", `/plans/${planId}`)).body).toMatchObject({
      sharesSold: 3,
      sharesRemaining: 0,
    });
    const cancelled = await call("DELETE", `/ownerships/${first.body.id}`, ["o1", "owner"]);
    expect(cancelled.body.status).toBe("cancelled");
    expect((await call("GET", "/me/ownerships", ["o1", "owner"])).body.items).toEqual([
      cancelled.body,
    ]);
    expect((await call("GET", `/plans/${planId}`)).body.sharesSold).toBe(1);
  });

  it("loads the S3 chunk of the built Lambda on the first upload, against the real engines", async () => {
    const dir = await mkdtemp(join(tmpdir(), "owners-api-bundle-ddb-"));
    try {
      const { outfile } = await buildLambda({ outdir: dir });
      const token = await signDevToken(
        { id: "producer-bundle", role: "producer" },
        SECRET,
        "owners-local",
      );
      const event = apiGatewayV2Event({
        method: "POST",
        path: "/api/uploads",
        body: { contentType: "image/png" },
        headers: { authorization: `Bearer ${token}` },
      });
      const script = join(dir, "drive.mjs");
      await writeFile(
        script,
        `import { handler } from ${JSON.stringify(outfile)};
const result = await handler(${JSON.stringify(event)}, {});
console.log(JSON.stringify({ statusCode: result.statusCode, body: JSON.parse(result.body) }));`,
      );
      const { stdout } = await promisify(execFile)(process.execPath, [script], {
        env: {
          PATH: process.env.PATH ?? "",
          OWNERS_STORE: "dynamodb",
          OWNERS_TABLE: "owners-api-test",
          OWNERS_DYNAMODB_ENDPOINT: dynamo.endpoint,
          OWNERS_S3_ENDPOINT: s3.endpoint,
          OWNERS_UPLOADS_BUCKET: BUCKET,
          OWNERS_JWT_SECRET: SECRET,
          OWNERS_LOG_LEVEL: "silent",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
        timeout: 30_000,
      });
      const answer = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
      expect(answer).toMatchObject({
        statusCode: 201,
        body: {
          method: "POST",
          url: expect.stringContaining(s3.endpoint),
          contentType: "image/png",
        },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
