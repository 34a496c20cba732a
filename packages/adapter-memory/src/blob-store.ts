import { systemClock } from "@owners/adapter-local";
import type { BlobStore, Clock, PresignedUpload, StoredObjectInfo } from "@owners/app";
import { appError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";

interface StoredObject {
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
}

export interface MemoryBlobStore extends BlobStore {
  /**
   * What a browser's POST of `body` with `upload`'s form does: the object lands at the form's key
   * with the Content-Type field the browser sent. Like s3rver, no policy condition is enforced,
   * so tests can play a client that lies about the type or the size.
   */
  receiveUpload(upload: PresignedUpload, body: Uint8Array, contentType?: string): void;
  /** The bytes behind a URL from `presignDownload`, as a browser fetching it would get them. */
  download(url: string): O.Option<Uint8Array>;
  /** Every stored key, sorted (test assertions). */
  keys(): readonly string[];
}

export interface MemoryBlobStoreOptions {
  readonly clock?: Clock;
  readonly bucket?: string;
  readonly uploadExpirySeconds?: number;
}

const toBytes = (body: Uint8Array | string): Uint8Array =>
  typeof body === "string" ? new TextEncoder().encode(body) : Uint8Array.from(body);

/** The BlobStore of the memory mode and of use-case tests; URLs use a `memory://` scheme. */
export const makeMemoryBlobStore = (options: MemoryBlobStoreOptions = {}): MemoryBlobStore => {
  const clock = options.clock ?? systemClock;
  const bucket = options.bucket ?? "memory";
  const expirySeconds = options.uploadExpirySeconds ?? 300;
  const objects = new Map<string, StoredObject>();
  const urlPrefix = `memory://${bucket}/`;

  return {
    presignUpload: (key, contentType, maxBytes) =>
      TE.fromIO(() => ({
        key,
        url: urlPrefix,
        method: "POST",
        fields: { key, "Content-Type": contentType },
        expiresAt: new Date(Date.parse(clock.now()) + expirySeconds * 1000).toISOString(),
        maxBytes,
        contentType,
      })),
    head: (key) =>
      TE.fromIO((): O.Option<StoredObjectInfo> => {
        const found = objects.get(key);
        return found === undefined
          ? O.none
          : O.some({ key, sizeBytes: found.body.length, contentType: found.contentType });
      }),
    readPrefix: (key, length) =>
      TE.fromIOEither(() =>
        pipe(
          E.fromNullable(appError("BLOB.NOT_FOUND", `no object at ${key}`, { key }))(
            objects.get(key),
          ),
          E.map((found) => found.body.slice(0, Math.max(0, length))),
        ),
      ),
    listKeys: (prefix) =>
      TE.fromIO(() => [...objects.keys()].filter((key) => key.startsWith(prefix)).sort()),
    delete: (key) =>
      TE.fromIO(() => {
        objects.delete(key);
      }),
    copy: (from, to) =>
      TE.fromIOEither(() => {
        const found = objects.get(from);
        if (found === undefined)
          return E.left(appError("BLOB.NOT_FOUND", `no object at ${from}`, { key: from }));
        objects.set(to, { body: found.body.slice(), contentType: found.contentType });
        return E.right(undefined);
      }),
    put: (key, body, contentType) =>
      TE.fromIO(() => {
        objects.set(key, { body: toBytes(body), contentType });
      }),
    presignDownload: (key) => TE.right(`${urlPrefix}${encodeURIComponent(key)}`),
    receiveUpload: (upload, body, contentType) => {
      const key = upload.fields.key ?? upload.key;
      objects.set(key, {
        body: Uint8Array.from(body),
        contentType: contentType ?? upload.fields["Content-Type"],
      });
    },
    download: (url) =>
      url.startsWith(urlPrefix)
        ? O.fromNullable(objects.get(decodeURIComponent(url.slice(urlPrefix.length)))?.body.slice())
        : O.none,
    keys: () => [...objects.keys()].sort(),
  };
};
