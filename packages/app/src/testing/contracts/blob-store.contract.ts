import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppError } from "../../errors.ts";
import type { BlobStore, PresignedUpload } from "../../ports/blob-store.ts";

export interface BlobStoreHarness {
  readonly subject: BlobStore;
  /**
   * Sends `body` with `upload`'s form the way a browser does (the S3 adapter: a real multipart
   * POST), with `contentType` as the form's Content-Type field.
   */
  upload(upload: PresignedUpload, body: Uint8Array, contentType: string): Promise<void>;
  /** What a browser fetching a `presignDownload` URL gets. */
  download(url: string): Promise<Uint8Array>;
  cleanup(): Promise<void>;
}

const run = async <A>(task: TE.TaskEither<AppError, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(`expected success, got ${result.left._tag}: ${result.left.message}`);
  return result.right;
};

const failure = async <A>(task: TE.TaskEither<AppError, A>): Promise<AppError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error("expected a failure, got success");
  return result.left;
};

const bytes = (text: string) => new TextEncoder().encode(text);

/** The behaviour every BlobStore adapter must share (in-memory, S3 on s3rver). */
export const describeBlobStoreContract = (
  name: string,
  makeHarness: () => Promise<BlobStoreHarness>,
) => {
  describe(`BlobStore contract: ${name}`, () => {
    let harness: BlobStoreHarness;
    let store: BlobStore;
    beforeEach(async () => {
      harness = await makeHarness();
      store = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("presigns an upload restricted to its key, type and size, expiring soon", async () => {
      const before = Date.now();
      const upload = await run(store.presignUpload("uploads/u1/a.png", "image/png", 1234));
      expect(upload).toMatchObject({
        key: "uploads/u1/a.png",
        method: "POST",
        contentType: "image/png",
        maxBytes: 1234,
      });
      expect(upload.fields.key).toBe("uploads/u1/a.png");
      expect(upload.fields["Content-Type"]).toBe("image/png");
      const expiresAt = Date.parse(upload.expiresAt);
      expect(expiresAt).toBeGreaterThan(before);
      expect(expiresAt - before).toBeLessThanOrEqual(60 * 60 * 1000);
    });

    it("stores what is sent through a presigned upload, with its size and declared type", async () => {
      const upload = await run(store.presignUpload("uploads/u1/b.png", "image/png", 1000));
      const body = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
      await harness.upload(upload, body, "image/png");
      const info = await run(store.head("uploads/u1/b.png"));
      expect(info).toEqual(
        O.some({ key: "uploads/u1/b.png", sizeBytes: 300, contentType: "image/png" }),
      );
      expect(await run(store.readPrefix("uploads/u1/b.png", 300))).toEqual(body);
    });

    it("reports an absent object as none, not as a failure", async () => {
      expect(await run(store.head("uploads/nobody/none.png"))).toEqual(O.none);
    });

    it("reads only the first bytes, or the whole object when it is shorter", async () => {
      await run(
        store.put(
          "files/prefix.bin",
          Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
          "application/octet-stream",
        ),
      );
      expect(await run(store.readPrefix("files/prefix.bin", 12))).toEqual(
        Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      );
      await run(store.put("files/short.bin", Uint8Array.from([9, 8]), "application/octet-stream"));
      expect(await run(store.readPrefix("files/short.bin", 12))).toEqual(Uint8Array.from([9, 8]));
    });

    it("fails readPrefix with BLOB.NOT_FOUND for an absent object", async () => {
      expect((await failure(store.readPrefix("files/absent.bin", 12)))._tag).toBe("BLOB.NOT_FOUND");
    });

    it("puts text and bytes, overwrites, and keeps the content type", async () => {
      await run(
        store.put("exports/dt=2026-01-01/part 1.json", '{"a":1}\n', "application/x-ndjson"),
      );
      const first = await run(store.head("exports/dt=2026-01-01/part 1.json"));
      expect(first).toEqual(
        O.some({
          key: "exports/dt=2026-01-01/part 1.json",
          sizeBytes: 8,
          contentType: "application/x-ndjson",
        }),
      );
      await run(store.put("exports/dt=2026-01-01/part 1.json", bytes("{}"), "application/json"));
      const second = await run(store.head("exports/dt=2026-01-01/part 1.json"));
      expect(second).toEqual(
        O.some({
          key: "exports/dt=2026-01-01/part 1.json",
          sizeBytes: 2,
          contentType: "application/json",
        }),
      );
      expect(await run(store.readPrefix("exports/dt=2026-01-01/part 1.json", 100))).toEqual(
        bytes("{}"),
      );
    });

    it("copies an object with its type; a later change to the source leaves the copy", async () => {
      await run(store.put("uploads/pending/a/x.png", bytes("first"), "image/png"));
      await run(store.copy("uploads/pending/a/x.png", "photos/a/x.png"));
      await run(store.put("uploads/pending/a/x.png", bytes("second"), "text/plain"));
      const copied = await run(store.head("photos/a/x.png"));
      expect(copied).toEqual(
        O.some({ key: "photos/a/x.png", sizeBytes: 5, contentType: "image/png" }),
      );
      expect(new TextDecoder().decode(await run(store.readPrefix("photos/a/x.png", 100)))).toBe(
        "first",
      );
      expect((await failure(store.copy("uploads/pending/a/none.png", "photos/a/y.png")))._tag).toBe(
        "BLOB.NOT_FOUND",
      );
    });

    it("deletes an object, and deleting it again still succeeds", async () => {
      await run(store.put("files/gone.txt", "bye", "text/plain"));
      await run(store.delete("files/gone.txt"));
      expect(await run(store.head("files/gone.txt"))).toEqual(O.none);
      await run(store.delete("files/gone.txt"));
      await run(store.delete("files/never-existed.txt"));
    });

    it("presigns a download URL that returns the object's bytes", async () => {
      const body = bytes("a photo, in spirit — 写真");
      await run(store.put("photos/p 1+2.jpg", body, "image/jpeg"));
      const url = await run(store.presignDownload("photos/p 1+2.jpg"));
      expect(await harness.download(url)).toEqual(body);
    });

    it("keeps objects apart by key", async () => {
      await run(store.put("a/one", "1", "text/plain"));
      await run(store.put("a/one2", "22", "text/plain"));
      expect(
        O.map((info: { sizeBytes: number }) => info.sizeBytes)(await run(store.head("a/one"))),
      ).toEqual(O.some(1));
      await run(store.delete("a/one"));
      expect(O.isSome(await run(store.head("a/one2")))).toBe(true);
    });

    it("lists every key under a prefix, and only those (a person's uploads)", async () => {
      for (const key of [
        "photos/ann/1.png",
        "photos/ann/2.png",
        "photos/anna/3.png",
        "x/ann/4.png",
      ])
        await run(store.put(key, "x", "image/png"));
      expect(await run(store.listKeys("photos/ann/"))).toEqual([
        "photos/ann/1.png",
        "photos/ann/2.png",
      ]);
      expect(await run(store.listKeys("photos/nobody/"))).toEqual([]);
    });
  });
};
