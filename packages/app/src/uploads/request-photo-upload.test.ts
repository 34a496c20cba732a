import { makeIdGenerator } from "@owners/adapter-local";
import { makeMemoryBlobStore } from "@owners/adapter-memory";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import type { PhotoUploadDeps } from "./deps.ts";
import { parsePhotoKey } from "./photo-key.ts";
import { DEFAULT_MAX_PHOTO_BYTES, DEFAULT_PHOTO_UPLOAD_CONFIG } from "./photo-rules.ts";
import { type RequestPhotoUploadInput, requestPhotoUpload } from "./request-photo-upload.ts";

const producer: Actor = { id: "producer_01", role: "producer" };
const deps = (): PhotoUploadDeps => ({
  blobs: makeMemoryBlobStore(),
  ids: makeIdGenerator(),
  config: DEFAULT_PHOTO_UPLOAD_CONFIG,
});
const request = (input: RequestPhotoUploadInput, actor: Actor = producer) =>
  requestPhotoUpload(deps())(actor, input)();

describe("requestPhotoUpload", () => {
  it("gives a form for a fresh key under the caller's prefix, with the type's extension", async () => {
    const result = await request({ contentType: "image/webp", sizeBytes: 123_456 });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const upload = result.right;
    expect(parsePhotoKey(upload.key)).toMatchObject({
      uploaderId: "producer_01",
      type: "image/webp",
    });
    expect(upload.key).toMatch(/^uploads\/producer_01\/photo_[0-9A-Z]{26}\.webp$/);
    expect(upload).toMatchObject({
      contentType: "image/webp",
      maxBytes: DEFAULT_MAX_PHOTO_BYTES,
      method: "POST",
    });
  });

  it("names every upload differently", async () => {
    const d = deps();
    const keys = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const result = await requestPhotoUpload(d)(producer, { contentType: "image/png" })();
      if (E.isRight(result)) keys.add(result.right.key);
    }
    expect(keys.size).toBe(50);
  });

  it("accepts a declared size up to 10 MB and refuses more, zero, or fractions", async () => {
    expect(DEFAULT_MAX_PHOTO_BYTES).toBe(10 * 1024 * 1024);
    expect(
      E.isRight(await request({ contentType: "image/png", sizeBytes: DEFAULT_MAX_PHOTO_BYTES })),
    ).toBe(true);
    for (const sizeBytes of [DEFAULT_MAX_PHOTO_BYTES + 1, 0, -5, 1.5, Number.NaN]) {
      const result = await request({ contentType: "image/png", sizeBytes });
      expect(result, String(sizeBytes)).toMatchObject(
        E.left({ _tag: "UPLOAD.INVALID", details: { field: "sizeBytes" } }),
      );
    }
  });

  it("refuses every type but JPEG, PNG and WebP, naming the field", async () => {
    for (const contentType of [
      "image/gif",
      "image/svg+xml",
      "text/plain",
      "application/pdf",
      "IMAGE/PNG",
      "",
    ]) {
      const result = await request({ contentType });
      expect(result, contentType).toMatchObject(
        E.left({
          _tag: "UPLOAD.INVALID",
          details: { field: "contentType", reason: "content-type" },
        }),
      );
    }
  });

  it("refuses an account whose id could escape its own prefix", async () => {
    for (const id of ["a/b", "..", "", "has space"]) {
      const result = await request({ contentType: "image/png" }, { id, role: "owner" });
      expect(result, id).toMatchObject(E.left({ _tag: "UPLOAD.FORBIDDEN" }));
    }
  });
});
