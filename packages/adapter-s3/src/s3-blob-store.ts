import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { type AppError, appError, type BlobStore, type StoredObjectInfo } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";

export interface S3BlobStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /**
   * The origin browsers reach the storage at, when it is not the one this process uses (a local
   * s3rver behind another host name). Upload forms and download URLs are made for it.
   */
  readonly publicEndpoint?: string;
  /** How long an upload form stays valid: minutes, not hours. */
  readonly uploadExpirySeconds: number;
  /** How long a download URL stays valid; 15 minutes when absent. */
  readonly downloadExpirySeconds?: number;
}

const statusOf = (error: unknown): number | undefined =>
  error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;

const unavailable =
  (operation: string, key: string) =>
  (error: unknown): AppError =>
    appError("STORE.UNAVAILABLE", `S3 ${operation} of ${key} failed`, {
      key,
      cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });

/**
 * A client that signs for the public endpoint with this client's region and credentials. A
 * SigV4 URL signs the host, so a download URL must be signed for the host the browser will use.
 */
const publicSigningClient = (client: S3Client, endpoint: string): S3Client =>
  new S3Client({
    endpoint,
    region: client.config.region,
    credentials: client.config.credentials,
    forcePathStyle: client.config.forcePathStyle,
  });

/**
 * BlobStore on S3. Uploads are browser-direct presigned POST forms whose policy binds the exact
 * key, the Content-Type and a 1..maxBytes size, valid for `uploadExpirySeconds`. A local S3
 * (s3rver) enforces none of that, and nothing stops a client from sending something else, so the
 * app verifies every upload (size, type, magic bytes) before it uses it.
 */
export const makeS3BlobStore = (options: S3BlobStoreOptions): BlobStore => {
  const { client, bucket } = options;
  const signer =
    options.publicEndpoint === undefined
      ? client
      : publicSigningClient(client, options.publicEndpoint);
  const downloadExpirySeconds = options.downloadExpirySeconds ?? 900;

  return {
    presignUpload: (key, contentType, maxBytes) =>
      TE.tryCatch(
        async () => {
          const expiresAt = new Date(Date.now() + options.uploadExpirySeconds * 1000).toISOString();
          const post = await createPresignedPost(signer, {
            Bucket: bucket,
            Key: key,
            Fields: { "Content-Type": contentType },
            Conditions: [{ "Content-Type": contentType }, ["content-length-range", 1, maxBytes]],
            Expires: options.uploadExpirySeconds,
          });
          return {
            key,
            url: post.url,
            method: "POST" as const,
            fields: post.fields,
            expiresAt,
            maxBytes,
            contentType,
          };
        },
        unavailable("presign upload", key),
      ),

    head: (key) =>
      TE.tryCatch(
        async (): Promise<O.Option<StoredObjectInfo>> => {
          try {
            const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
            return O.some({ key, sizeBytes: out.ContentLength ?? 0, contentType: out.ContentType });
          } catch (error) {
            // A HEAD answer has no body, so S3 cannot say whether the key or the bucket is missing.
            if (statusOf(error) === 404) return O.none;
            throw error;
          }
        },
        unavailable("head", key),
      ),

    readPrefix: (key, length) =>
      pipe(
        TE.tryCatch(
          async (): Promise<O.Option<Uint8Array>> => {
            if (length <= 0) return O.some(new Uint8Array());
            try {
              const out = await client.send(
                new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${length - 1}` }),
              );
              const body = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
              // A server that ignores Range sends the whole object: keep only what was asked for.
              return O.some(body.slice(0, length));
            } catch (error) {
              // Only a missing key is "not found"; a missing bucket is a misconfiguration.
              if (error instanceof S3ServiceException && error.name === "NoSuchKey") return O.none;
              // S3 answers 416 to a range on an empty object: its prefix is empty.
              if (statusOf(error) === 416) return O.some(new Uint8Array());
              throw error;
            }
          },
          unavailable("read", key),
        ),
        TE.chain(
          TE.fromOption((): AppError => appError("BLOB.NOT_FOUND", `no object at ${key}`, { key })),
        ),
      ),

    // ListObjectsV2 pages of up to 1,000 keys, followed to the end.
    listKeys: (prefix) =>
      TE.tryCatch(
        async () => {
          const keys: string[] = [];
          let token: string | undefined;
          do {
            const out = await client.send(
              new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix,
                ...(token === undefined ? {} : { ContinuationToken: token }),
              }),
            );
            for (const object of out.Contents ?? [])
              if (object.Key !== undefined) keys.push(object.Key);
            token = out.IsTruncated === true ? out.NextContinuationToken : undefined;
          } while (token !== undefined);
          return keys.sort();
        },
        unavailable("list", prefix),
      ),

    delete: (key) =>
      TE.tryCatch(
        async () => {
          await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        },
        unavailable("delete", key),
      ),

    copy: (from, to) =>
      pipe(
        TE.tryCatch(
          async (): Promise<O.Option<void>> => {
            try {
              // Server-side copy: the bytes never pass through this process; the type is kept.
              await client.send(
                new CopyObjectCommand({
                  Bucket: bucket,
                  Key: to,
                  CopySource: `${bucket}/${from.split("/").map(encodeURIComponent).join("/")}`,
                  MetadataDirective: "COPY",
                }),
              );
              return O.some(undefined);
            } catch (error) {
              if (error instanceof S3ServiceException && error.name === "NoSuchKey") return O.none;
              if (statusOf(error) === 404) return O.none;
              throw error;
            }
          },
          unavailable("copy", from),
        ),
        TE.chain(
          TE.fromOption(
            (): AppError => appError("BLOB.NOT_FOUND", `no object at ${from}`, { key: from }),
          ),
        ),
      ),

    put: (key, body, contentType) =>
      TE.tryCatch(
        async () => {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: body,
              ContentType: contentType,
            }),
          );
        },
        unavailable("put", key),
      ),

    presignDownload: (key) =>
      TE.tryCatch(
        () =>
          getSignedUrl(signer, new GetObjectCommand({ Bucket: bucket, Key: key }), {
            expiresIn: downloadExpirySeconds,
          }),
        unavailable("presign download", key),
      ),
  };
};
