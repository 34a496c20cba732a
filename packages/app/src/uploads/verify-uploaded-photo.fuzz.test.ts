import { makeMemoryBlobStore } from "@owners/adapter-memory";
import * as fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { errorKindOf } from "../errors.ts";
import { SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_WEBP } from "../testing/sample-images.ts";
import { PHOTO_TYPES, type PhotoType, sniffPhotoType } from "./image-type.ts";
import { PHOTOS_ROOT, pendingKey, photoKey } from "./photo-key.ts";
import { verifyUploadedPhoto } from "./verify-uploaded-photo.ts";

/**
 * Hostile uploads, generated: every one is refused with a client-kind error, and nothing reaches
 * photos/ (so nothing can be attached) nor touches anyone else's files. The example tests in the
 * photo-upload suite pick one case of each; this walks the space around them.
 */
const maxPhotoBytes = 2_000;
const alice: Actor = { id: "producer_alice", role: "producer" };
const SAMPLES: Record<PhotoType, Uint8Array> = {
  "image/jpeg": SAMPLE_JPEG,
  "image/png": SAMPLE_PNG,
  "image/webp": SAMPLE_WEBP,
};
const TYPES = Object.keys(PHOTO_TYPES) as PhotoType[];
const CLIENT_KINDS = ["invalid", "forbidden", "not_found"];

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });

/** A body that is not a valid photo of `declared`, and what it is meant to exercise. */
const badBody = (declared: PhotoType) =>
  fc.oneof(
    // Random bytes that do not happen to start with the declared type's signature.
    bytes(64).filter((b) => sniffPhotoType(b) !== declared),
    // Spoofed: another format's real image sent under this type.
    fc
      .constantFrom(...TYPES.filter((t) => t !== declared))
      .chain((other) => bytes(32).map((tail) => concat(SAMPLES[other], tail))),
    // Polyglot: a foreign header (HTML, PDF, GIF, zip) with the real image after it.
    fc
      .tuple(fc.constantFrom("<html>", "%PDF-1.7", "GIF89a", "PK\u0003\u0004", " "), bytes(8))
      .map(([head, pad]) => concat(new TextEncoder().encode(head), pad, SAMPLES[declared])),
    // Truncated: the first bytes of a real signature only.
    fc.integer({ min: 0, max: 2 }).map((n) => SAMPLES[declared].slice(0, n)),
    // Oversize: a real image padded past the limit.
    fc
      .integer({ min: 1, max: 500 })
      .map((extra) =>
        concat(SAMPLES[declared], new Uint8Array(maxPhotoBytes + extra - SAMPLES[declared].length)),
      ),
  );

const world = () => {
  const blobs = makeMemoryBlobStore();
  const verify = verifyUploadedPhoto({ blobs, config: { maxPhotoBytes } });
  return { blobs, verify };
};

describe("verifying generated hostile uploads (fast-check)", () => {
  it("refuses every bad body under a real upload key, deletes it, and copies nothing to photos/", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TYPES).chain((type) =>
          fc.record({
            type: fc.constant(type),
            body: badBody(type),
            // The Content-Type storage recorded: usually the honest one, sometimes spoofed.
            sentType: fc.oneof(fc.constant(type), fc.constantFrom(...TYPES, "text/html", "")),
          }),
        ),
        async ({ type, body, sentType }) => {
          const { blobs, verify } = world();
          const key = pendingKey(alice.id, "file_1", type);
          await blobs.put(key, body, sentType)();
          const result = await verify(alice, key)();
          expect(E.isLeft(result)).toBe(true);
          if (E.isLeft(result)) expect(CLIENT_KINDS).toContain(errorKindOf(result.left));
          expect(blobs.keys().filter((k) => k.startsWith(PHOTOS_ROOT))).toEqual([]);
          expect(blobs.keys()).not.toContain(key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses any key outside the caller's own uploads and photos, leaving every stored object as it was", async () => {
    const otherKeys = [
      pendingKey("producer_bob", "file_1", "image/png"),
      photoKey("producer_bob", "file_2", "image/jpeg"),
    ];
    const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{0,12}$/);
    const key = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(...otherKeys),
      // Near misses: wrong root, another uploader, traversal, extra segments, wrong extension.
      fc
        .tuple(
          fc.constantFrom(
            "uploads/pending/",
            "uploads/",
            "photos/",
            "uploads/pending/producer_alice/../",
            "uploads/pending/producer_alice/",
            "uploads/pending/producer_alicex/",
            "uploads/pending/producer_bob/",
            "photos/producer_alice/",
            "/uploads/pending/producer_alice/",
          ),
          segment,
          fc.constantFrom("", ".png", ".jpg", ".gif", ".svg", ".PNG", "/x.png", ".png/"),
        )
        .map(([prefix, name, ext]) => `${prefix}${name}${ext}`),
    );
    await fc.assert(
      fc.asyncProperty(key, async (candidate) => {
        const { blobs, verify } = world();
        for (const k of otherKeys) await blobs.put(k, SAMPLES["image/png"], "image/png")();
        // The candidate itself holds a real PNG when stored: only the key can be wrong.
        await blobs.put(candidate, SAMPLES["image/png"], "image/png")();
        const before = blobs.keys();
        const result = await verify(alice, candidate)();
        // A well-formed key of Alice's own is the one case that may pass: not what this fuzzes.
        const own = /^(uploads\/pending|photos)\/producer_alice\/[A-Za-z0-9_-]{1,128}\.png$/.test(
          candidate,
        );
        if (own) return;
        expect(E.isLeft(result)).toBe(true);
        if (E.isLeft(result)) expect(CLIENT_KINDS).toContain(errorKindOf(result.left));
        // Others' files untouched; at most the caller's own stray object was removed.
        const after = blobs.keys();
        for (const k of otherKeys) expect(after).toContain(k);
        expect(after.filter((k) => !before.includes(k))).toEqual([]);
        expect(before.filter((k) => !after.includes(k)).every((k) => k === candidate)).toBe(true);
        // Only the caller's own files may be deleted (a refused photo of hers is removed on purpose).
        const hers =
          candidate.startsWith("uploads/pending/producer_alice/") ||
          candidate.startsWith("photos/producer_alice/");
        if (!hers) expect(after).toContain(candidate);
      }),
      { numRuns: 300 },
    );
  });
});
