import { createTableInput, TABLE_KEYS } from "@owners/adapter-dynamodb/table";
import { RemovalPolicy } from "aws-cdk-lib";
import {
  type Attribute,
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
} from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";

type TableInput = ReturnType<typeof createTableInput>;
type KeySchemaElement = NonNullable<TableInput["KeySchema"]>[number];

const ATTRIBUTE_TYPES: Readonly<Record<string, AttributeType>> = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
};

/** A key attribute of the adapter's definition, typed from its AttributeDefinitions. */
const keyAttribute = (
  input: TableInput,
  schema: readonly KeySchemaElement[] | undefined,
  keyType: "HASH" | "RANGE",
): Attribute | undefined => {
  const name = schema?.find((k) => k.KeyType === keyType)?.AttributeName;
  if (name === undefined) return undefined;
  const declared = input.AttributeDefinitions?.find((a) => a.AttributeName === name);
  const type = ATTRIBUTE_TYPES[declared?.AttributeType ?? ""];
  if (type === undefined) throw new Error(`table definition: no type for key attribute ${name}`);
  return { name, type };
};

const required = (attribute: Attribute | undefined, what: string): Attribute => {
  if (attribute === undefined) throw new Error(`table definition: no ${what}`);
  return attribute;
};

export interface OwnersTableProps {
  readonly tableName: string;
  /** Deletion protection and RETAIN (production). */
  readonly protectData: boolean;
}

/**
 * The stage's one table, built from `createTableInput`, the definition the adapter, DynamoDB
 * Local and the tests create: keys, GSIs and billing come from there, so a new index is added
 * in one place. What only AWS has (PITR, TTL, deletion protection) is added here. No stream:
 * the analytics export reads the table by parallel scan.
 */
export class OwnersTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: OwnersTableProps) {
    super(scope, id);
    const input = createTableInput(props.tableName);
    if (input.BillingMode !== "PAY_PER_REQUEST")
      throw new Error(`table definition: expected on-demand billing, got ${input.BillingMode}`);
    const sortKey = keyAttribute(input, input.KeySchema, "RANGE");
    this.table = new Table(this, "Table", {
      ...(input.TableName !== undefined ? { tableName: input.TableName } : {}),
      partitionKey: required(keyAttribute(input, input.KeySchema, "HASH"), "partition key"),
      ...(sortKey !== undefined ? { sortKey } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of input.GlobalSecondaryIndexes ?? []) {
      if (index.IndexName === undefined) throw new Error("table definition: an index has no name");
      const indexSortKey = keyAttribute(input, index.KeySchema, "RANGE");
      const projection = index.Projection?.ProjectionType ?? "ALL";
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName,
        partitionKey: required(keyAttribute(input, index.KeySchema, "HASH"), "index partition key"),
        ...(indexSortKey !== undefined ? { sortKey: indexSortKey } : {}),
        projectionType: ProjectionType[projection],
        ...(projection === "INCLUDE"
          ? { nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [] }
          : {}),
      });
    }
  }
}
