import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import { SAMPLE_JPEG } from "@owners/app/testing";
import { ledgerBalance, ownerId, type PlanId } from "@owners/domain";
import {
  LOCAL_AWS_CREDENTIALS,
  LOCAL_AWS_REGION,
  type RunningDynamoDbLocal,
  type RunningS3rver,
  S3RVER_CREDENTIALS,
  startDynamoDbLocal,
  startS3rver,
} from "@owners/test-engines";
import * as E from "fp-ts/lib/Either.js";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { signDevToken } from "../http/auth.ts";
import { livePlanBody } from "../testing/api-gateway.ts";
import type { JsonBody } from "../testing/json.ts";
import { type Api, createApi } from "./container.ts";

const SECRET = "account-deletion-secret-account-deletion";
const BUCKET = "owners-uploads";
const TABLE = "owners-deletion-test";
const OWNER = "owner-erase-me";

/** What must be gone from every item and object once the owner closes its account. */
const PERSONAL = {
  name: "消去 テスト太郎",
  phone: "090-9999-0001",
  line1: "削除町9-9-9",
  email: "erase.me@example.com",
  comment: "テスト太郎です、楽しみ",
};

describe("account deletion on DynamoDB Local and s3rver", () => {
  let dynamo: RunningDynamoDbLocal;
  let s3: RunningS3rver;
  let api: Api;
  let raw: DynamoDBClient;
  let s3Client: S3Client;

  beforeAll(async () => {
    // A generous start-up: the suite shares two cores with other engines.
    [dynamo, s3] = await Promise.all([
      startDynamoDbLocal({ startTimeoutMs: 120_000 }),
      startS3rver({ buckets: [BUCKET] }),
    ]);
    raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_AWS_REGION,
      credentials: LOCAL_AWS_CREDENTIALS,
    });
    await raw.send(new CreateTableCommand(createTableInput(TABLE)));
    s3Client = new S3Client({
      endpoint: s3.endpoint,
      region: LOCAL_AWS_REGION,
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
    });
    api = createApi(
      readConfig({
        OWNERS_STORE: "dynamodb",
        OWNERS_TABLE: TABLE,
        OWNERS_DYNAMODB_ENDPOINT: dynamo.endpoint,
        OWNERS_S3_ENDPOINT: s3.endpoint,
        OWNERS_UPLOADS_BUCKET: BUCKET,
        OWNERS_JWT_SECRET: SECRET,
        OWNERS_DEV_LOGIN: "on",
      }),
      { logger: pino({ level: "silent" }) },
    );
  }, 180_000);

  afterAll(async () => {
    raw?.destroy();
    s3Client?.destroy();
    await Promise.all([dynamo?.stop(), s3?.stop()]);
  });

  const call = async (
    method: string,
    path: string,
    as?: [string, "producer" | "owner" | "admin"],
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

  /** Every item of the table: a Scan, here in the test only (the API never scans). */
  const scanAll = async () => {
    const doc = DynamoDBDocumentClient.from(raw);
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  };

  const allKeys = async () =>
    ((await s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map(
      (o) => o.Key ?? "",
    );

  /** The owner uploads a photo through a presigned form, as the browser does. */
  const uploadPhoto = async () => {
    const form = await call("POST", "/uploads", [OWNER, "owner"], { contentType: "image/jpeg" });
    expect(form.status).toBe(201);
    const multipart = new FormData();
    for (const [name, value] of Object.entries(form.body.fields as Record<string, string>))
      multipart.append(name, value);
    multipart.append("file", new Blob([SAMPLE_JPEG], { type: "image/jpeg" }), "me.jpg");
    const sent = await fetch(form.body.url, { method: "POST", body: multipart });
    expect(sent.status).toBeLessThan(300);
    return form.body.key as string;
  };

  it("leaves no item or object with the person's data, keeps the ledger balanced, 404s the export", async () => {
    const P: [string, "producer"] = ["producer-keep", "producer"];
    const created = await call("POST", "/plans", P, { ...livePlanBody(), totalShares: 5 });
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    expect((await call("POST", `/plans/${planId}/publish`, P)).status).toBe(200);

    const address = {
      recipientName: PERSONAL.name,
      postalCode: "100-0001",
      prefecture: "東京都",
      city: "千代田区",
      line1: PERSONAL.line1,
      phone: PERSONAL.phone,
    };
    expect(
      (await call("PUT", "/me/address", [OWNER, "owner"], { address, region: "kanto" })).status,
    ).toBe(200);
    const reserved = await call(
      "POST",
      `/plans/${planId}/reservations`,
      [OWNER, "owner"],
      { shares: 2 },
      { "idempotency-key": "erase-1" },
    );
    expect(reserved.status).toBe(201);
    const paid = await call(
      "POST",
      `/dev/payments/${reserved.body.payment.id}/complete`,
      [OWNER, "owner"],
      { outcome: "succeeded" },
    );
    expect(paid.body.status).toBe("active");
    const other = await call(
      "POST",
      `/plans/${planId}/reservations`,
      ["owner-stays", "owner"],
      { shares: 1 },
      { "idempotency-key": "stays-1" },
    );
    expect(other.status).toBe(201);

    const update = await call("POST", `/plans/${planId}/updates`, P, {
      body: "花が咲きました",
      visibility: "public",
    });
    expect(
      (
        await call("POST", `/updates/${update.body.id}/comments`, [OWNER, "owner"], {
          body: PERSONAL.comment,
        })
      ).status,
    ).toBe(201);
    // A message addressed to the owner that names it (a notice written by a producer, say).
    const enqueued = await api.ports.outbox.enqueue([
      {
        id: "msg-erase",
        recipientId: ownerId(OWNER),
        kind: "allocation-ready",
        subject: `${PERSONAL.name} 様`,
        body: `ご連絡先 ${PERSONAL.email}`,
        at: new Date().toISOString() as never,
        dedupeKey: `test#${OWNER}`,
      },
    ])();
    expect(E.isRight(enqueued)).toBe(true);
    const pendingUpload = await uploadPhoto();
    // A verified copy as attaching makes one (owners attach none today; a later feature may).
    const copied = await api.ports.blobs.copy(pendingUpload, `photos/${OWNER}/copy.jpg`)();
    expect(E.isRight(copied)).toBe(true);

    // Someone else's photo, which must stay.
    expect(
      E.isRight(
        await api.ports.blobs.put("photos/producer-keep/plan.jpg", SAMPLE_JPEG, "image/jpeg")(),
      ),
    ).toBe(true);
    const before = JSON.stringify(await scanAll());
    for (const value of [PERSONAL.name, PERSONAL.phone, PERSONAL.line1, PERSONAL.comment])
      expect(before).toContain(value);
    expect((await allKeys()).filter((k) => k.includes(`/${OWNER}/`)).length).toBeGreaterThan(0);
    expect(await allKeys()).toContain(pendingUpload);

    const exported = await call("GET", "/me/export", [OWNER, "owner"]);
    expect(exported.status).toBe(200);
    expect(exported.body.data.profile.address.recipientName).toBe(PERSONAL.name);
    expect(exported.body.data.photos.length).toBeGreaterThan(0);
    expect(exported.body.data.messages.map((m: { id: string }) => m.id)).toContain("msg-erase");

    const deleted = await call("DELETE", "/me", [OWNER, "owner"]);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.cancelledOwnershipIds).toEqual([reserved.body.id]);

    // The whole table: none of the person's data in any item.
    const after = JSON.stringify(await scanAll());
    for (const value of Object.values(PERSONAL)) expect(after).not.toContain(value);
    // The person's id stays as a pseudonym on money and audit records, and the tombstone.
    expect(after).toContain(OWNER);
    // The whole bucket: none of the person's objects.
    const keys = await allKeys();
    expect(keys.filter((k) => k.includes(`/${OWNER}/`))).toEqual([]);
    expect(keys).toEqual(["photos/producer-keep/plan.jpg"]);

    // Money records kept and balanced: the charge and its refund.
    const ledger = await api.ports.ledger.listByPlan(planId as PlanId)();
    if (E.isLeft(ledger)) throw new Error(ledger.left.message);
    const balance = ledgerBalance(ledger.right);
    expect(balance).toMatchObject({ isBalanced: true, chargesYen: balance.refundsYen });
    expect(balance.refundsYen).toBeGreaterThan(0);

    expect((await call("GET", "/me/export", [OWNER, "owner"])).body.code).toBe("ACCOUNT.NOT_FOUND");
    expect((await call("GET", "/me/export", [OWNER, "owner"])).status).toBe(404);
    // The other owner is untouched.
    expect((await call("GET", "/me/export", ["owner-stays", "owner"])).status).toBe(200);
  }, 120_000);

  it("exports the person's place in line, then takes it out of the line: the next owner is offered", async () => {
    const P: [string, "producer"] = ["producer-line", "producer"];
    const WAITS: [string, "owner"] = ["owner-waits", "owner"];
    const NEXT: [string, "owner"] = ["owner-next", "owner"];
    const HOLDER: [string, "owner"] = ["owner-holds", "owner"];
    const created = await call("POST", "/plans", P, {
      ...livePlanBody(),
      totalShares: 1,
      maxSharesPerOwner: 1,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const planId = created.body.id as string;
    expect((await call("POST", `/plans/${planId}/publish`, P)).status).toBe(200);
    const held = await call(
      "POST",
      `/plans/${planId}/reservations`,
      HOLDER,
      { shares: 1 },
      { "idempotency-key": "line-1" },
    );
    const paid = await call("POST", `/dev/payments/${held.body.payment.id}/complete`, HOLDER, {
      outcome: "succeeded",
    });
    expect(paid.body.status).toBe("active");
    for (const who of [WAITS, NEXT])
      expect((await call("POST", `/plans/${planId}/waitlist`, who, { shares: 1 })).status).toBe(
        201,
      );

    const exported = await call("GET", "/me/export", WAITS);
    expect(exported.body.data.waitlistEntries).toEqual([
      { planId, shares: 1, joinedAt: expect.any(String), position: 1 },
    ]);
    expect((await call("DELETE", "/me", WAITS)).status).toBe(200);
    expect(
      (await scanAll()).filter((i) => i.entity === "waitlist-entry" && i.ownerId === WAITS[0]),
    ).toEqual([]);
    expect((await call("GET", `/plans/${planId}/waitlist/mine`, NEXT)).body).toMatchObject({
      status: "waiting",
      position: 1,
    });
    expect((await call("DELETE", `/ownerships/${held.body.id}`, HOLDER)).status).toBe(200);
    expect((await call("GET", `/plans/${planId}/waitlist/mine`, NEXT)).body).toMatchObject({
      status: "offered",
      offer: { shares: 1 },
    });
  }, 120_000);
});
