import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type BackoffPolicy, makeCursorCodec } from "@owners/app";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import { inject } from "vitest";
import { type DynamoContext, makeDocumentClient } from "../client.ts";
import { createTableInput } from "../table.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let tableCounter = 0;

export interface TestTable extends DynamoContext {
  readonly raw: DynamoDBClient;
  readonly endpoint: string;
  drop(): Promise<void>;
}

/**
 * A fresh table on the DynamoDB Local that the global setup started, so test files never see each
 * other's items. `configure` lets a test add middleware (fault injection, request counting);
 * `retry` replaces the client's throttling budget.
 */
export const createTestTable = async (
  configure?: (doc: DynamoDBDocumentClient) => void,
  options: { readonly retry?: BackoffPolicy } = {},
): Promise<TestTable> => {
  const endpoint = inject("dynamoEndpoint");
  const clientConfig = { endpoint, region: LOCAL_AWS_REGION, credentials: LOCAL_AWS_CREDENTIALS };
  const raw = new DynamoDBClient(clientConfig);
  tableCounter += 1;
  const tableName = `owners-test-${process.pid}-${tableCounter}-${Date.now().toString(36)}`;
  await raw.send(new CreateTableCommand(createTableInput(tableName)));
  const doc = makeDocumentClient({ ...clientConfig, ...options });
  configure?.(doc);
  return {
    doc,
    raw,
    endpoint,
    tableName,
    cursors: makeCursorCodec("test-cursor-secret"),
    drop: async () => {
      await raw.send(new DeleteTableCommand({ TableName: tableName }));
      raw.destroy();
      doc.destroy();
    },
  };
};
