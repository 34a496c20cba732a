import { makeDocumentClient, makeDynamoAnalyticsSource } from "@owners/adapter-dynamodb";
import { makeMemoryBlobStore } from "@owners/adapter-memory";
import { makeS3BlobStore, makeS3Client, s3ClientSettings } from "@owners/adapter-s3";
import {
  LOCAL_ANALYTICS_BUCKET,
  LOCAL_ANALYTICS_SECRET,
  makeAnalyticsSink,
  makePortsAnalyticsSource,
} from "@owners/analytics";
import type { AnalyticsExportPorts, Ports } from "@owners/app";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import type { RunningEngines } from "./engines.ts";

export interface LocalAnalyticsPorts {
  readonly ports: AnalyticsExportPorts;
  /** Destroys the DynamoDB and S3 clients (nothing to do in the memory mode). */
  close(): void;
}

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
): LocalAnalyticsPorts => {
  const secret = LOCAL_ANALYTICS_SECRET;
  if (engines === undefined)
    return {
      ports: {
        source: {
          readSegment: (segment, total, onPage) =>
            makePortsAnalyticsSource(portsOf()).readSegment(segment, total, onPage),
        },
        sink: makeAnalyticsSink({ blobs: makeMemoryBlobStore(), pseudonymizationSecret: secret }),
      },
      close: () => {},
    };
  const doc = makeDocumentClient({
    endpoint: engines.dynamo.endpoint,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
  const s3 = makeS3Client(s3ClientSettings(LOCAL_AWS_REGION, engines.s3.endpoint));
  const blobs = makeS3BlobStore({
    client: s3,
    bucket: LOCAL_ANALYTICS_BUCKET,
    uploadExpirySeconds: 300,
  });
  return {
    ports: {
      source: makeDynamoAnalyticsSource({ doc, tableName }),
      sink: makeAnalyticsSink({ blobs, pseudonymizationSecret: secret }),
    },
    close: () => {
      doc.destroy();
      s3.destroy();
    },
  };
};
