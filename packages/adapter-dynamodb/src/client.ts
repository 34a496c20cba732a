import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CursorCodec } from "@owners/app";

/** What every DynamoDB adapter factory takes: the document client, the table, the cursor codec. */
export interface DynamoContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly cursors: CursorCodec;
}

/**
 * The document client every adapter shares. Empty strings and undefined fields are dropped
 * rather than rejected, numbers stay numbers, and the SDK's own retries (adaptive backoff with
 * jitter) absorb throttling before the adapters see it.
 */
export const makeDocumentClient = (config: DynamoDBClientConfig = {}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 8, ...config }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
