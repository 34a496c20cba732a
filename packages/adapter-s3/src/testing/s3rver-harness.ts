import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { BlobStore, PresignedUpload } from "@owners/app";
import type { BlobStoreHarness } from "@owners/app/testing";
import {
  LOCAL_AWS_REGION,
  type RunningS3rver,
  S3RVER_CREDENTIALS,
  startS3rver,
} from "@owners/test-engines";
import { makeS3BlobStore, type S3BlobStoreOptions } from "../s3-blob-store.ts";

/** What a browser does with a presigned form: a multipart POST, the fields first, the file last. */
export const postUpload = async (
  upload: PresignedUpload,
  body: Uint8Array,
  contentType: string,
): Promise<Response> => {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) {
    // A client controls the form: it may send another Content-Type than the one it was given.
    form.append(name, name === "Content-Type" ? contentType : value);
  }
  form.append("file", new Blob([body], { type: contentType }), "photo");
  return fetch(upload.url, { method: "POST", body: form });
};

export const fetchBytes = async (url: string): Promise<Uint8Array> => {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
};

export const makeS3rverClient = (endpoint: string) =>
  new S3Client({
    endpoint,
    region: LOCAL_AWS_REGION,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    maxAttempts: 1,
  });

export interface S3rverFixture {
  readonly engine: RunningS3rver;
  readonly client: S3Client;
  /** A fresh bucket and a store on it, as a contract harness. */
  harness(
    options?: Partial<Omit<S3BlobStoreOptions, "client" | "bucket">>,
  ): Promise<BlobStoreHarness & { bucket: string }>;
  stop(): Promise<void>;
}

let bucketCounter = 0;

/** One s3rver on a free port for a test file; every harness gets its own bucket. */
export const startS3rverFixture = async (): Promise<S3rverFixture> => {
  const engine = await startS3rver();
  const client = makeS3rverClient(engine.endpoint);
  return {
    engine,
    client,
    harness: async (options = {}) => {
      bucketCounter += 1;
      const bucket = `owners-test-${process.pid}-${bucketCounter}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const subject: BlobStore = makeS3BlobStore({
        client,
        bucket,
        uploadExpirySeconds: 300,
        ...options,
      });
      return {
        bucket,
        subject,
        upload: async (upload, body, contentType) => {
          const response = await postUpload(upload, body, contentType);
          if (!response.ok)
            throw new Error(`upload answered ${response.status}: ${await response.text()}`);
        },
        download: fetchBytes,
        cleanup: async () => {},
      };
    },
    stop: async () => {
      client.destroy();
      await engine.stop();
    },
  };
};
