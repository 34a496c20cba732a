import { makeDocumentClient, makeDynamoAnalyticsSource } from "@owners/adapter-dynamodb";
import { makeS3BlobStore, makeS3Client, s3ClientSettings } from "@owners/adapter-s3";
import {
  LOCAL_ANALYTICS_BUCKET,
  LOCAL_ANALYTICS_SECRET,
  makeAnalyticsSink,
  makePortsAnalyticsSource,
} from "@owners/analytics";
import { type AnalyticsExportPorts, makeMemoryBlobStore, type Ports } from "@owners/app";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import type { RunningEngines } from "./engines.ts";

/**
 * export-analytics for the scheduler and POST /admin/batches under `pnpm start`: the table read by
 * the same parallel Scan as the batch Lambda, written to s3rver's analytics bucket, where
 * `pnpm analytics` reads. In the memory mode, from the in-memory stores to a memory bucket.
 */
export const localAnalyticsPorts = (
  /** The API's ports (read when a run starts: the API is built after these). */
  portsOf: () => Ports,
  engines: RunningEngines | undefined,
  tableName: string,
): AnalyticsExportPorts => {
  const secret = LOCAL_ANALYTICS_SECRET;
  if (engines === undefined)
    return {
      source: {
        readSegment: (segment, total, onPage) =>
          makePortsAnalyticsSource(portsOf()).readSegment(segment, total, onPage),
      },
      sink: makeAnalyticsSink({ blobs: makeMemoryBlobStore(), pseudonymizationSecret: secret }),
    };
  const doc = makeDocumentClient({
    endpoint: engines.dynamo.endpoint,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
  const blobs = makeS3BlobStore({
    client: makeS3Client(s3ClientSettings(LOCAL_AWS_REGION, engines.s3.endpoint)),
    bucket: LOCAL_ANALYTICS_BUCKET,
    uploadExpirySeconds: 300,
  });
  return {
    source: makeDynamoAnalyticsSource({ doc, tableName }),
    sink: makeAnalyticsSink({ blobs, pseudonymizationSecret: secret }),
  };
};
