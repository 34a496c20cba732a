import { join } from "node:path";
import { LOCAL_ANALYTICS_BUCKET } from "@owners/analytics";
import {
  type RunningDynamoDbLocal,
  type RunningS3rver,
  startDynamoDbLocal,
  startS3rver,
} from "@owners/test-engines";
import { preferredOrFreePort } from "./ports-free.ts";
import { ensureTable } from "./table.ts";

export interface EnginesOptions {
  /** Keep DynamoDB data and S3 objects under this folder; in memory / a temporary folder when absent. */
  readonly stateDir?: string;
  /** Preferred ports (a free one is used when taken); 0 or absent means any free port. */
  readonly dynamoPort?: number;
  readonly s3Port?: number;
  readonly tableName: string;
  readonly uploadsBucket: string;
}

export interface RunningEngines {
  readonly dynamo: RunningDynamoDbLocal;
  readonly s3: RunningS3rver;
  /** Whether the table was created by this start (false: it was kept from an earlier run). */
  readonly tableCreated: boolean;
  /** Stops both engines and waits for the JVM to exit. */
  stop(): Promise<void>;
}

/** DynamoDB Local (Java) with the table, and s3rver with the uploads bucket. */
export const startEngines = async (options: EnginesOptions): Promise<RunningEngines> => {
  const persistent = options.stateDir !== undefined;
  const [dynamoPort, s3Port] = [
    await preferredOrFreePort(options.dynamoPort ?? 0),
    await preferredOrFreePort(options.s3Port ?? 0),
  ];
  const dynamo = await startDynamoDbLocal({
    port: dynamoPort,
    ...(persistent ? { dataDirectory: join(options.stateDir, "dynamodb") } : {}),
  });
  let s3: RunningS3rver | undefined;
  try {
    const tableCreated = await ensureTable(dynamo.endpoint, options.tableName);
    s3 = await startS3rver({
      port: s3Port,
      // The analytics bucket too: `pnpm batch export-analytics` writes there (OWNERS_ANALYTICS_BUCKET).
      buckets: [options.uploadsBucket, LOCAL_ANALYTICS_BUCKET],
      ...(persistent ? { directory: join(options.stateDir, "s3") } : {}),
    });
    const started = s3;
    return {
      dynamo,
      s3: started,
      tableCreated,
      stop: async () => {
        await Promise.allSettled([started.stop(), dynamo.stop()]);
      },
    };
  } catch (error) {
    await s3?.stop();
    await dynamo.stop();
    throw error;
  }
};
