import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
  ScanCommand,
  type ScanCommandOutput,
} from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
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

export interface TestTableOptions {
  /** The DynamoDB Local to create it on: the one the test run's global setup started by default. */
  readonly endpoint?: string;
  /** Adds middleware to the document client (fault injection, request counting). */
  readonly configure?: (doc: DynamoDBDocumentClient) => void;
  /** Starts the table's name (names also carry the process and a counter, so runs never meet). */
  readonly prefix?: string;
  /** Extra settings of the document client's HTTP handler (a bench's socket warnings). */
  readonly requestHandler?: DynamoDBClientConfig["requestHandler"];
  /** Replaces the client's throttling budget (a loaded engine needs a longer one). */
  readonly retry?: BackoffPolicy;
}

export interface TestTable extends DynamoContext {
  readonly raw: DynamoDBClient;
  readonly endpoint: string;
  /** Every item, unmarshalled and sorted by key: a test may Scan, the app never does. */
  items(): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/**
 * A fresh table with the app's own key design and indexes on DynamoDB Local, so test files (and
 * bench runs) never see each other's items. The one helper every package's tests share.
 */
export const createTestTable = async (options: TestTableOptions = {}): Promise<TestTable> => {
  const endpoint = options.endpoint ?? inject("dynamoEndpoint");
  const clientConfig = { endpoint, region: LOCAL_AWS_REGION, credentials: LOCAL_AWS_CREDENTIALS };
  const raw = new DynamoDBClient(clientConfig);
  tableCounter += 1;
  const tableName = `${options.prefix ?? "owners-test"}-${process.pid}-${tableCounter}-${Date.now().toString(36)}`;
  await raw.send(new CreateTableCommand(createTableInput(tableName)));
  const doc = makeDocumentClient({
    ...clientConfig,
    ...(options.requestHandler === undefined ? {} : { requestHandler: options.requestHandler }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  options.configure?.(doc);
  return {
    doc,
    raw,
    endpoint,
    tableName,
    cursors: makeCursorCodec("test-cursor-secret"),
    items: async () => {
      const items: Record<string, unknown>[] = [];
      let start: ScanCommandOutput["LastEvaluatedKey"];
      do {
        const page = await raw.send(
          new ScanCommand({
            TableName: tableName,
            ConsistentRead: true,
            ...(start === undefined ? {} : { ExclusiveStartKey: start }),
          }),
        );
        items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      const key = (item: Record<string, unknown>) => `${String(item.PK)}\u0000${String(item.SK)}`;
      return items.sort((a, b) => key(a).localeCompare(key(b)));
    },
    drop: async () => {
      await raw.send(new DeleteTableCommand({ TableName: tableName }));
      raw.destroy();
      doc.destroy();
    },
  };
};
