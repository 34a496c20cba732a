import type { S3ClientConfig } from "@aws-sdk/client-s3";

/** The fixed keys s3rver (the local S3) accepts. */
const S3RVER_KEYS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/**
 * S3 client settings for `region`: AWS's own endpoint and credentials, or, given a local
 * `endpoint` (s3rver under `pnpm start`), that endpoint with path-style addressing and s3rver's
 * keys. One place for what the API, the batches and the local stack each need.
 */
export const s3ClientSettings = (region: string, endpoint?: string): S3ClientConfig =>
  endpoint === undefined
    ? { region }
    : { region, endpoint, forcePathStyle: true, credentials: S3RVER_KEYS };
