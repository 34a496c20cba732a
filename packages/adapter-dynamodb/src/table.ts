import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The one table of a stage. Everything that stores OWNERS data lives in it under generic keys;
 * the key layout per entity is in this package's README. This definition is the single source
 * for tests, `pnpm start` and the CDK stack (apps/infra reads the same constants).
 */
export const TABLE_KEYS = {
  partitionKey: "PK",
  sortKey: "SK",
  /** Epoch seconds; DynamoDB deletes the item some time after it (never trusted by itself). */
  ttlAttribute: "expiresAtEpoch",
  globalIndexes: [
    { name: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    { name: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
    { name: "GSI3", partitionKey: "GSI3PK", sortKey: "GSI3SK" },
  ],
} as const;

export type GlobalIndexName = (typeof TABLE_KEYS.globalIndexes)[number]["name"];

/** CreateTable input for DynamoDB Local and for the tests (on-demand, all GSIs project ALL). */
export const createTableInput = (tableName: string): CreateTableCommandInput => {
  const keyAttributes = [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...TABLE_KEYS.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: keyAttributes.map((name) => ({
      AttributeName: name,
      AttributeType: "S",
    })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: TABLE_KEYS.globalIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
};
