import { makeIdGenerator, makeManualClock, systemClock } from "@owners/adapter-local";
import { makeMemoryBlobStore, makeMemoryRateCounter } from "@owners/adapter-memory";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import type { PhotoUploadDeps } from "./deps.ts";
import { parsePendingKey } from "./photo-key.ts";
import { DEFAULT_MAX_PHOTO_BYTES, DEFAULT_PHOTO_UPLOAD_CONFIG } from "./photo-rules.ts";
import { type RequestPhotoUploadInput, requestPhotoUpload } from "./request-photo-upload.ts";

const producer: Actor = { id: "producer_01", role: "producer" };
const deps = (config = DEFAULT_PHOTO_UPLOAD_CONFIG): PhotoUploadDeps => ({
  blobs: makeMemoryBlobStore(),
  ids: makeIdGenerator(),
  config,
  clock: systemClock,
  rates: makeMemoryRateCounter(),
});
const request = (input: RequestPhotoUploadInput, actor: Actor = producer) =>
  requestPhotoUpload(deps())(actor, input)();

describe("requestPhotoUpload", () => {
  it("gives a form for a fresh key under the caller's prefix, with the type's extension", async () => {
    const result = await request({ contentType: "image/webp", sizeBytes: 123_456 });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const upload = result.right;
    expect(parsePendingKey(upload.key)).toMatchObject({
      uploaderId: "producer_01",
      type: "image/webp",
    });
    expect(upload.key).toMatch(/^uploads\/pending\/producer_01\/photo_[0-9A-Z]{26}\.webp$/);
    expect(upload).toMatchObject({
      contentType: "image/webp",
      maxBytes: DEFAULT_MAX_PHOTO_BYTES,
      method: "POST",
    });
  });

  it("names every upload differently", async () => {
    const d = deps({ ...DEFAULT_PHOTO_UPLOAD_CONFIG, formsPerHour: 100 });
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

  it("gives a person at most 20 forms an hour (UPLOAD.RATE_LIMITED), others and the next hour unaffected", async () => {
    const clock = makeManualClock("2026-05-01T10:30:00.000Z");
    const d = { ...deps(), clock };
    const ask = (actor: Actor = producer) =>
      requestPhotoUpload(d)(actor, { contentType: "image/png" })();
    for (let i = 0; i < 20; i += 1) expect(E.isRight(await ask()), `form ${i + 1}`).toBe(true);
    expect(await ask()).toMatchObject(
      E.left({
        _tag: "UPLOAD.RATE_LIMITED",
        details: { limit: 20, retryAfter: "2026-05-01T11:00:00.000Z" },
      }),
    );
    expect(E.isRight(await ask({ id: "producer_02", role: "producer" }))).toBe(true);
    clock.set("2026-05-01T11:00:00.000Z");
    expect(E.isRight(await ask())).toBe(true);
  });

  it("counts no form for a refused request", async () => {
    const d = { ...deps({ ...DEFAULT_PHOTO_UPLOAD_CONFIG, formsPerHour: 1 }) };
    const bad = await requestPhotoUpload(d)(producer, { contentType: "image/gif" })();
    expect(E.isLeft(bad)).toBe(true);
    expect(E.isRight(await requestPhotoUpload(d)(producer, { contentType: "image/png" })())).toBe(
      true,
    );
  });
});
