import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { BackoffPolicy, CursorCodec, ListReadBudget } from "@owners/app";
import { boundedRetryStrategy } from "./retry.ts";

/** What every DynamoDB adapter factory takes: the document client, the table, the cursor codec. */
export interface DynamoContext {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly cursors: CursorCodec;
  /** What one page of a filtered list may read; DEFAULT_LIST_READ_BUDGET unless a test needs less. */
  readonly listBudget?: ListReadBudget;
}

export interface DocumentClientConfig extends DynamoDBClientConfig {
  /** The throttling/transient retry budget; THROTTLE_RETRY_POLICY unless a test needs another. */
  readonly retry?: BackoffPolicy;
}

/**
 * The document client every adapter shares. Empty strings and undefined fields are dropped
 * rather than rejected and numbers stay numbers. Its retry strategy (retry.ts) is the one retry of
 * throttling and transient errors, bounded in time; the adapters add none of their own.
 */
export const makeDocumentClient = ({
  retry,
  ...config
}: DocumentClientConfig = {}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...config, retryStrategy: boundedRetryStrategy(retry) }),
    {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      unmarshallOptions: { wrapNumbers: false },
    },
  );
