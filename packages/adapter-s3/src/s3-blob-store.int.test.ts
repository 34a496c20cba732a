import { describeBlobStoreContract, SAMPLE_PNG } from "@owners/app/testing";
import { freePort } from "@owners/test-engines";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeS3BlobStore } from "./s3-blob-store.ts";
import {
  fetchBytes,
  makeS3rverClient,
  postUpload,
  type S3rverFixture,
  startS3rverFixture,
} from "./testing/s3rver-harness.ts";

let fixture: S3rverFixture;
beforeAll(async () => {
  fixture = await startS3rverFixture();
});
afterAll(async () => {
  await fixture.stop();
});

describeBlobStoreContract("S3 on s3rver (real HTTP uploads)", () => fixture.harness());

const decodePolicy = (fields: Readonly<Record<string, string>>) =>
  JSON.parse(Buffer.from(fields.Policy ?? "", "base64").toString("utf8")) as {
    expiration: string;
    conditions: unknown[];
  };

describe("S3 upload form", () => {
  it("binds the exact key, the content type and 1..maxBytes, and expires after uploadExpirySeconds", async () => {
    const harness = await fixture.harness({ uploadExpirySeconds: 120 });
    const before = Date.now();
    const result = await harness.subject.presignUpload("uploads/u1/p.png", "image/png", 5000)();
    if (E.isLeft(result)) throw new Error(result.left.message);
    const policy = decodePolicy(result.right.fields);
    expect(policy.conditions).toContainEqual({ key: "uploads/u1/p.png" });
    expect(policy.conditions).toContainEqual({ bucket: harness.bucket });
    expect(policy.conditions).toContainEqual({ "Content-Type": "image/png" });
    expect(policy.conditions).toContainEqual(["content-length-range", 1, 5000]);
    // No starts-with condition: the form cannot be reused for another key or type.
    expect(policy.conditions.filter((c) => Array.isArray(c) && c[0] === "starts-with")).toEqual([]);
    const expiration = Date.parse(policy.expiration);
    expect(expiration - before).toBeGreaterThan(115_000);
    expect(expiration - before).toBeLessThanOrEqual(121_000);
    expect(Math.abs(Date.parse(result.right.expiresAt) - expiration)).toBeLessThan(1_000);
  });

  it("makes forms and download URLs for the public endpoint when it is not the client's", async () => {
    const publicEndpoint = `http://localhost:${fixture.engine.port}`;
    const harness = await fixture.harness({ publicEndpoint });
    const upload = await harness.subject.presignUpload("uploads/u1/q.png", "image/png", 5000)();
    if (E.isLeft(upload)) throw new Error(upload.left.message);
    expect(upload.right.url.startsWith(`${publicEndpoint}/`)).toBe(true);
    expect((await postUpload(upload.right, SAMPLE_PNG, "image/png")).ok).toBe(true);
    const url = await harness.subject.presignDownload("uploads/u1/q.png")();
    if (E.isLeft(url)) throw new Error(url.left.message);
    expect(url.right.startsWith(`${publicEndpoint}/`)).toBe(true);
    expect(await fetchBytes(url.right)).toEqual(SAMPLE_PNG);
  });
});

describe("S3 failures", () => {
  it("reports an unreachable S3 as STORE.UNAVAILABLE, never as an absent object", async () => {
    const client = makeS3rverClient(`http://127.0.0.1:${await freePort()}`);
    const store = makeS3BlobStore({ client, bucket: "nowhere", uploadExpirySeconds: 60 });
    for (const task of [
      store.head("k"),
      store.readPrefix("k", 12),
      store.delete("k"),
      store.put("k", "x", "text/plain"),
    ]) {
      const result = await task();
      expect(E.isLeft(result) && result.left._tag).toBe("STORE.UNAVAILABLE");
    }
    client.destroy();
  });

  it("reports a missing bucket on read as STORE.UNAVAILABLE (a misconfiguration, not an absent object)", async () => {
    const store = makeS3BlobStore({
      client: fixture.client,
      bucket: "no-such-bucket",
      uploadExpirySeconds: 60,
    });
    const result = await store.readPrefix("k", 12)();
    expect(E.isLeft(result) ? result.left._tag : result.right).toBe("STORE.UNAVAILABLE");
  });
});
