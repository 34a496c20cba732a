import type { S3Client } from "@aws-sdk/client-s3";
import { type Actor, type AppError, verifyUploadedPhoto } from "@owners/app";
import { SAMPLE_PNG, SAMPLE_TEXT, seededRandom } from "@owners/app/testing";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeS3BlobStore } from "./s3-blob-store.ts";
import {
  makeS3rverClient,
  type S3rverFixture,
  startS3rverFixture,
} from "./testing/s3rver-harness.ts";

const FAULTY = new Set(["HeadObjectCommand", "GetObjectCommand", "CopyObjectCommand"]);

/** Fails a share of the client's HeadObject/GetObject/CopyObject calls as an overloaded S3 does (503). */
const injectS3Faults = (client: S3Client, rate: number, seed: number) => {
  const random = seededRandom(seed);
  const counts = { failed: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (FAULTY.has(context.commandName ?? "") && random() < rate) {
        counts.failed += 1;
        throw Object.assign(new Error("Please reduce your request rate (injected)"), {
          name: "SlowDown",
          $fault: "server",
          $metadata: { httpStatusCode: 503 },
        });
      }
      return next(args);
    },
    { step: "finalizeRequest", name: "injectS3Faults" },
  );
  return counts;
};

let fixture: S3rverFixture;
beforeAll(async () => {
  fixture = await startS3rverFixture();
});
afterAll(async () => {
  await fixture.stop();
});

const alice: Actor = { id: "producer_alice", role: "producer" };
const config = { maxPhotoBytes: 2_000 };

/**
 * Photo verification while S3 fails reads, heads and copies at 10 % and 50 %, over several seeds.
 * A failed verification answers STORE.UNAVAILABLE (never a crash, never a wrong INVALID for a good
 * photo) and returns no key, so nothing is attached; a good photo is not lost (a retry on a healthy
 * S3 accepts it) and a bad one never reaches photos/ however the faults fall.
 */
describe.each([
  { rate: 0.1, seed: 1 },
  { rate: 0.5, seed: 2 },
  { rate: 0.5, seed: 3 },
])("photo verification on s3rver with S3 faults at rate $rate, seed $seed", ({ rate, seed }) => {
  it("fails only as STORE.UNAVAILABLE, loses no good photo and lets no bad one through", async () => {
    const harness = await fixture.harness();
    const faultyClient = makeS3rverClient(fixture.engine.endpoint);
    const counts = injectS3Faults(faultyClient, rate, seed);
    const faulty = verifyUploadedPhoto({
      blobs: makeS3BlobStore({
        client: faultyClient,
        bucket: harness.bucket,
        uploadExpirySeconds: 300,
      }),
      config,
    });
    const healthy = verifyUploadedPhoto({ blobs: harness.subject, config });
    const outcomes: (E.Either<AppError, string> | undefined)[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const good = i % 2 === 0;
        const key = `uploads/pending/${alice.id}/file_${i}.png`;
        const verified = `photos/${alice.id}/file_${i}.png`;
        await harness.subject.put(key, good ? SAMPLE_PNG : SAMPLE_TEXT, "image/png")();
        const first = await faulty(alice, key)();
        outcomes.push(first);
        if (E.isLeft(first))
          expect(good ? ["STORE.UNAVAILABLE"] : ["STORE.UNAVAILABLE", "UPLOAD.INVALID"]).toContain(
            first.left._tag,
          );
        else expect(good && first.right).toBe(verified);
        // The user (or the client) tries again once S3 is healthy.
        const again = await healthy(alice, key)();
        if (good) expect(again).toEqual(E.right(verified));
        else {
          expect(E.isLeft(again) && ["UPLOAD.INVALID", "UPLOAD.NOT_FOUND"]).toContain(
            E.isLeft(again) ? again.left._tag : "accepted",
          );
          const copy = await harness.subject.head(verified)();
          expect(E.isRight(copy) && O.isNone(copy.right)).toBe(true);
        }
      }
      expect(counts.failed).toBeGreaterThan(0);
      expect(
        outcomes.some((o) => o !== undefined && E.isLeft(o) && o.left._tag === "STORE.UNAVAILABLE"),
      ).toBe(true);
    } finally {
      faultyClient.destroy();
      await harness.cleanup();
    }
  }, 40_000);
});
