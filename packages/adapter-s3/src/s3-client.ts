import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

/**
 * An S3 client from plain settings. Callers that load this package on demand (the API's Lambda
 * does, on the first request that stores a file) build the client through it, so they never
 * import the whole client-s3 namespace themselves.
 */
export const makeS3Client = (config: S3ClientConfig): S3Client => new S3Client(config);
