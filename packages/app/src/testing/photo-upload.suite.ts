import { makeIdGenerator, systemClock } from "@owners/adapter-local";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { PresignedUpload } from "../ports/blob-store.ts";
import type { PhotoUploadDeps } from "../uploads/deps.ts";
import { requestPhotoUpload } from "../uploads/request-photo-upload.ts";
import { verifyUploadedPhoto } from "../uploads/verify-uploaded-photo.ts";
import type { BlobStoreHarness } from "./contracts/blob-store.contract.ts";
import { SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_TEXT, SAMPLE_WEBP } from "./sample-images.ts";

const run = async <A>(task: TE.TaskEither<AppError, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(`expected success, got ${result.left._tag}: ${result.left.message}`);
  return result.right;
};

const failure = async <A>(task: TE.TaskEither<AppError, A>): Promise<AppError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`);
  return result.left;
};

const alice: Actor = { id: "producer_alice", role: "producer" };
const bob: Actor = { id: "producer_bob", role: "producer" };

/** The verified copy's key of an upload key (what verification returns). */
const verifiedOf = (key: string) => `photos/${key.slice("uploads/pending/".length)}`;

/** A real PNG signature followed by padding up to `size` bytes. */
const pngOfSize = (size: number) => {
  const body = new Uint8Array(size);
  body.set(SAMPLE_PNG.slice(0, Math.min(size, SAMPLE_PNG.length)));
  return body;
};

/**
 * The photo upload flow end to end against a BlobStore: request a form, upload through it as a
 * browser would (honestly or not), verify. Run with the in-memory store and with S3 on s3rver,
 * which, like a client that skips the form, enforces none of the form's conditions.
 */
export const describePhotoUploadVerification = (
  name: string,
  makeHarness: () => Promise<BlobStoreHarness>,
) => {
  describe(`photo upload verification: ${name}`, () => {
    const maxPhotoBytes = 2_000;
    let harness: BlobStoreHarness;
    let deps: PhotoUploadDeps;
    beforeEach(async () => {
      harness = await makeHarness();
      deps = {
        blobs: harness.subject,
        ids: makeIdGenerator(),
        config: { maxPhotoBytes },
        clock: systemClock,
        // No rate limit here: the use case's own tests count forms.
        rates: { hit: () => TE.right(1) },
      };
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    const request = (actor: Actor, contentType: string) =>
      run(requestPhotoUpload(deps)(actor, { contentType }));
    const exists = async (key: string) => O.isSome(await run(harness.subject.head(key)));
    const uploadAs = async (
      actor: Actor,
      contentType: string,
      body: Uint8Array,
      sentType = contentType,
    ) => {
      const upload: PresignedUpload = await request(actor, contentType);
      await harness.upload(upload, body, sentType);
      return upload.key;
    };

    it("accepts real JPEG, PNG and WebP images uploaded through their forms", async () => {
      for (const [type, body] of [
        ["image/jpeg", SAMPLE_JPEG],
        ["image/png", SAMPLE_PNG],
        ["image/webp", SAMPLE_WEBP],
      ] as const) {
        const key = await uploadAs(alice, type, body);
        expect(await run(verifyUploadedPhoto(deps)(alice, key))).toBe(verifiedOf(key));
        expect(await exists(verifiedOf(key))).toBe(true);
        expect(await exists(key)).toBe(false);
      }
    });

    it("accepts a photo of exactly the maximum size", async () => {
      const key = await uploadAs(alice, "image/png", pngOfSize(maxPhotoBytes));
      expect(await run(verifyUploadedPhoto(deps)(alice, key))).toBe(verifiedOf(key));
    });

    it("rejects and deletes an oversize upload that storage let through", async () => {
      const key = await uploadAs(alice, "image/png", pngOfSize(maxPhotoBytes + 1));
      const error = await failure(verifyUploadedPhoto(deps)(alice, key));
      expect(error).toMatchObject({
        _tag: "UPLOAD.INVALID",
        details: { reason: "size", sizeBytes: maxPhotoBytes + 1 },
      });
      expect(await exists(key)).toBe(false);
      expect(await exists(verifiedOf(key))).toBe(false);
    });

    it("rejects and deletes an empty upload", async () => {
      const key = await uploadAs(alice, "image/jpeg", new Uint8Array());
      const error = await failure(verifyUploadedPhoto(deps)(alice, key));
      expect(error).toMatchObject({
        _tag: "UPLOAD.INVALID",
        details: { reason: "size", sizeBytes: 0 },
      });
      expect(await exists(key)).toBe(false);
      expect(await exists(verifiedOf(key))).toBe(false);
    });

    it("rejects and deletes a text file named .png and sent as image/png", async () => {
      const key = await uploadAs(alice, "image/png", SAMPLE_TEXT);
      expect(key.endsWith(".png")).toBe(true);
      const error = await failure(verifyUploadedPhoto(deps)(alice, key));
      expect(error).toMatchObject({ _tag: "UPLOAD.INVALID", details: { reason: "not-an-image" } });
      expect(await exists(key)).toBe(false);
      expect(await exists(verifiedOf(key))).toBe(false);
    });

    it("rejects and deletes PNG bytes declared as a JPEG", async () => {
      const key = await uploadAs(alice, "image/jpeg", SAMPLE_PNG);
      const error = await failure(verifyUploadedPhoto(deps)(alice, key));
      expect(error).toMatchObject({
        _tag: "UPLOAD.INVALID",
        details: { reason: "type-mismatch", actual: "image/png", expected: "image/jpeg" },
      });
      expect(await exists(key)).toBe(false);
      expect(await exists(verifiedOf(key))).toBe(false);
    });

    it("rejects and deletes an upload sent with another type than its form asked for", async () => {
      const key = await uploadAs(alice, "image/png", SAMPLE_PNG, "text/html");
      const error = await failure(verifyUploadedPhoto(deps)(alice, key));
      expect(error).toMatchObject({
        _tag: "UPLOAD.INVALID",
        details: { reason: "declared-type", declared: "text/html" },
      });
      expect(await exists(key)).toBe(false);
      expect(await exists(verifiedOf(key))).toBe(false);
    });

    it("refuses to verify someone else's upload and leaves it in place", async () => {
      const bobsKey = await uploadAs(bob, "image/png", SAMPLE_PNG);
      expect((await failure(verifyUploadedPhoto(deps)(alice, bobsKey)))._tag).toBe(
        "UPLOAD.FORBIDDEN",
      );
      expect(await exists(bobsKey)).toBe(true);
      expect(await run(verifyUploadedPhoto(deps)(bob, bobsKey))).toBe(verifiedOf(bobsKey));
      const bobsPhoto = verifiedOf(bobsKey);
      expect((await failure(verifyUploadedPhoto(deps)(alice, bobsPhoto)))._tag).toBe(
        "UPLOAD.FORBIDDEN",
      );
    });

    it("refuses keys outside the uploads root or reaching out of the caller's prefix", async () => {
      for (const key of [
        "exports/x.png",
        `uploads/${alice.id}/a.png`,
        `uploads/pending/${alice.id}x/a.png`,
        `uploads/pending/${bob.id}/../${alice.id}/a.png`,
        `photos/${bob.id}/a.png`,
      ]) {
        expect((await failure(verifyUploadedPhoto(deps)(alice, key)))._tag).toBe(
          "UPLOAD.FORBIDDEN",
        );
      }
    });

    it("rejects and deletes an object the client stored under a key no form named", async () => {
      const upload = await request(alice, "image/png");
      const rogueKey = `uploads/pending/${alice.id}/nested/evil.png`;
      await harness.upload(
        { ...upload, key: rogueKey, fields: { ...upload.fields, key: rogueKey } },
        SAMPLE_PNG,
        "image/png",
      );
      expect(await exists(rogueKey)).toBe(true);
      const error = await failure(verifyUploadedPhoto(deps)(alice, rogueKey));
      expect(error).toMatchObject({ _tag: "UPLOAD.INVALID", details: { reason: "key" } });
      expect(await exists(rogueKey)).toBe(false);
    });

    it("never deletes through a key that climbs out of the caller's prefix", async () => {
      const bobsKey = await uploadAs(bob, "image/png", SAMPLE_PNG);
      const climbing = `uploads/pending/${alice.id}/../${bobsKey.slice("uploads/pending/".length)}`;
      const error = await failure(verifyUploadedPhoto(deps)(alice, climbing));
      expect(error).toMatchObject({ _tag: "UPLOAD.INVALID", details: { reason: "key" } });
      expect(await exists(bobsKey)).toBe(true);
    });

    it("uses each form once: an upload reusing it after verification never reaches the photo", async () => {
      const upload = await request(alice, "image/jpeg");
      await harness.upload(upload, SAMPLE_JPEG, "image/jpeg");
      const photo = await run(verifyUploadedPhoto(deps)(alice, upload.key));
      // The same form, still valid, sends other bytes; verifying it again changes nothing.
      await harness.upload(upload, SAMPLE_TEXT, "image/jpeg");
      expect(await run(verifyUploadedPhoto(deps)(alice, upload.key))).toBe(photo);
      const served = await run(harness.subject.readPrefix(photo, SAMPLE_JPEG.length));
      expect([...served]).toEqual([...SAMPLE_JPEG]);
      expect(await run(verifyUploadedPhoto(deps)(alice, photo))).toBe(photo);
    });

    it("checks a verified photo again as stored, deleting it if it is not what it claims", async () => {
      const key = await uploadAs(alice, "image/png", SAMPLE_PNG);
      const photo = await run(verifyUploadedPhoto(deps)(alice, key));
      await run(harness.subject.put(photo, SAMPLE_TEXT, "image/png"));
      expect(await failure(verifyUploadedPhoto(deps)(alice, photo))).toMatchObject({
        _tag: "UPLOAD.INVALID",
        details: { reason: "not-an-image" },
      });
      expect(await exists(photo)).toBe(false);
    });

    it("reports a key nothing was uploaded to as UPLOAD.NOT_FOUND", async () => {
      const upload = await request(alice, "image/webp");
      expect((await failure(verifyUploadedPhoto(deps)(alice, upload.key)))._tag).toBe(
        "UPLOAD.NOT_FOUND",
      );
    });
  });
};
