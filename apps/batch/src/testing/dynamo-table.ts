import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ScanCommand,
  type ScanCommandOutput,
} from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { createTableInput } from "@owners/adapter-dynamodb/table";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION } from "@owners/test-engines";
import { inject } from "vitest";

export interface LocalTable {
  readonly endpoint: string;
  readonly tableName: string;
  /** Every item but the batch runner's own, sorted by key (a test may Scan; the app never does). */
  snapshot(): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

let tables = 0;

/** A fresh table on the DynamoDB Local of the global setup. */
export const createLocalTable = async (): Promise<LocalTable> => {
  const endpoint = inject("dynamoEndpoint");
  const raw = new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
  });
  tables += 1;
  const tableName = `owners-batch-test-${process.pid}-${tables}`;
  await raw.send(new CreateTableCommand(createTableInput(tableName)));
  return {
    endpoint,
    tableName,
    snapshot: async () => {
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
      return items
        .filter((item) => !String(item.PK).startsWith("BATCH#"))
        .sort((a, b) => key(a).localeCompare(key(b)));
    },
    drop: async () => {
      await raw.send(new DeleteTableCommand({ TableName: tableName }));
      raw.destroy();
    },
  };
};
