import type { AnalyticsColumn, AnalyticsTable } from "@owners/analytics/tables";
import { currentViewName, currentViewSql } from "@owners/analytics/views";
import { RemovalPolicy, Stack } from "aws-cdk-lib";
import { CfnWorkGroup } from "aws-cdk-lib/aws-athena";
import { CfnDatabase, CfnTable } from "aws-cdk-lib/aws-glue";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from "aws-cdk-lib/custom-resources";
import { Construct } from "constructs";
import { ANALYTICS_PREFIX, ATHENA_RESULTS_PREFIX } from "./buckets.ts";

/** Hive/Glue storage of each export format. */
const STORAGE = {
  parquet: {
    inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    serde: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
    classification: "parquet",
    compressed: false,
  },
  "jsonl-gzip": {
    inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
    outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
    serde: "org.openx.data.jsonserde.JsonSerDe",
    classification: "json",
    compressed: true,
  },
} as const satisfies Record<AnalyticsTable["format"], unknown>;

/** The contract's column types are Hive's own names. */
const glueColumn = (column: AnalyticsColumn): CfnTable.ColumnProperty => ({
  name: column.name,
  type: column.type,
  comment: column.comment,
});

/**
 * Partition projection: Athena computes the `dt=YYYY-MM-DD` partitions from the date itself, so
 * a new day needs no crawler, no MSCK REPAIR and no partition API call.
 */
const projectionParameters = (
  partitionKeys: readonly AnalyticsColumn[],
  location: string,
): Record<string, string> => {
  if (partitionKeys.length !== 1 || partitionKeys[0]?.name !== "dt")
    throw new Error("analytics tables: partition projection expects the one `dt` key");
  return {
    "projection.enabled": "true",
    "projection.dt.type": "date",
    "projection.dt.format": "yyyy-MM-dd",
    "projection.dt.range": "2024-01-01,NOW",
    "projection.dt.interval": "1",
    "projection.dt.interval.unit": "DAYS",
    "storage.location.template": `${location}dt=\${dt}/`,
  };
};

export interface OwnersAnalyticsProps {
  readonly prefix: string;
  readonly bucket: IBucket;
  readonly tables: readonly AnalyticsTable[];
  readonly bytesScannedCutoff: number;
  readonly protectData: boolean;
}

/** Glue names: lower case and underscores (`owners_staging`). */
export const glueName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9_]/g, "_");

/**
 * SQL over the export: a Glue database whose tables are generated from ANALYTICS_TABLES (the
 * export's own schemas, @owners/analytics/tables), and an Athena workgroup that caps the bytes a
 * query may scan and keeps results in the analytics bucket.
 */
export class OwnersAnalytics extends Construct {
  readonly database: CfnDatabase;
  readonly databaseName: string;
  readonly tables: readonly CfnTable[];
  readonly workgroup: CfnWorkGroup;
  /** One per table: the deploy-time Athena query that creates its `<table>_current` view. */
  readonly views: readonly AwsCustomResource[];

  constructor(scope: Construct, id: string, props: OwnersAnalyticsProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    this.databaseName = glueName(props.prefix);
    this.database = new CfnDatabase(this, "Database", {
      catalogId: account,
      databaseInput: {
        name: this.databaseName,
        description: "OWNERS analytics: the export's tables, one partition per day",
      },
    });
    this.tables = props.tables.map((table) => {
      const location = `s3://${props.bucket.bucketName}/${ANALYTICS_PREFIX}${table.entity}/`;
      const storage = STORAGE[table.format];
      const cfn = new CfnTable(this, `Table-${table.name}`, {
        catalogId: account,
        databaseName: this.databaseName,
        tableInput: {
          name: glueName(table.name),
          tableType: "EXTERNAL_TABLE",
          parameters: {
            classification: storage.classification,
            EXTERNAL: "TRUE",
            ...(storage.compressed ? { compressionType: "gzip" } : {}),
            ...projectionParameters(table.partitionKeys, location),
          },
          partitionKeys: table.partitionKeys.map(glueColumn),
          storageDescriptor: {
            location,
            columns: table.columns.map(glueColumn),
            inputFormat: storage.inputFormat,
            outputFormat: storage.outputFormat,
            compressed: storage.compressed,
            serdeInfo: { serializationLibrary: storage.serde },
          },
        },
      });
      cfn.node.addDependency(this.database);
      return cfn;
    });
    this.workgroup = new CfnWorkGroup(this, "Workgroup", {
      name: props.prefix,
      description: "OWNERS analytics queries (bytes scanned capped per query)",
      recursiveDeleteOption: !props.protectData,
      workGroupConfiguration: {
        bytesScannedCutoffPerQuery: props.bytesScannedCutoff,
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        engineVersion: { selectedEngineVersion: "Athena engine version 3" },
        resultConfiguration: {
          outputLocation: `s3://${props.bucket.bucketName}/${ATHENA_RESULTS_PREFIX}`,
          encryptionConfiguration: { encryptionOption: "SSE_S3" },
        },
      },
    });
    const policy = props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.workgroup.applyRemovalPolicy(policy);
    this.views = this.currentViews(props);
  }

  /**
   * The `<table>_current` views the saved reports read (each row's latest exported version),
   * from the same generator as ddl/*_current.sql and the DuckDB runner. Glue takes a view only in
   * Athena's encoded form, so the stack has Athena run each CREATE OR REPLACE VIEW at deploy,
   * again whenever its SQL changes (the query is part of the resource's properties).
   */
  private currentViews(props: OwnersAnalyticsProps): AwsCustomResource[] {
    const stack = Stack.of(this);
    const catalog = `arn:${stack.partition}:glue:${stack.region}:${stack.account}`;
    const access = AwsCustomResourcePolicy.fromStatements([
      new PolicyStatement({
        actions: ["athena:StartQueryExecution", "athena:GetQueryExecution"],
        resources: [
          `arn:${stack.partition}:athena:${stack.region}:${stack.account}:workgroup/${props.prefix}`,
        ],
      }),
      new PolicyStatement({
        actions: [
          "glue:GetDatabase",
          "glue:GetTable",
          "glue:GetTables",
          "glue:CreateTable",
          "glue:UpdateTable",
        ],
        resources: [
          `${catalog}:catalog`,
          `${catalog}:database/${this.databaseName}`,
          `${catalog}:table/${this.databaseName}/*`,
        ],
      }),
      new PolicyStatement({
        actions: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"],
        resources: [props.bucket.arnForObjects(`${ATHENA_RESULTS_PREFIX}*`)],
      }),
      new PolicyStatement({
        actions: ["s3:GetBucketLocation", "s3:ListBucket"],
        resources: [props.bucket.bucketArn],
      }),
    ]);
    return props.tables.map((table) => {
      const name = currentViewName(table);
      const createView = {
        service: "Athena",
        action: "startQueryExecution",
        parameters: {
          QueryString: currentViewSql(table),
          WorkGroup: props.prefix,
          QueryExecutionContext: { Database: this.databaseName },
        },
        physicalResourceId: PhysicalResourceId.of(`${this.databaseName}.${name}`),
      };
      const view = new AwsCustomResource(this, `View-${table.name}`, {
        onCreate: createView,
        onUpdate: createView,
        policy: access,
        // The SDK in the Lambda runtime: nothing downloaded at deploy.
        installLatestAwsSdk: false,
      });
      view.node.addDependency(this.workgroup, ...this.tables);
      return view;
    });
  }
}
