import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { Effect, type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";

/**
 * The item operations the adapters send (packages/adapter-dynamodb): Get/BatchGet, Query on the
 * table and its GSIs, Put/Update/Delete/BatchWrite, and the ConditionCheck and writes that
 * TransactWriteItems is authorized by (it has no action of its own). No Scan: only the
 * analytics export reads the whole table.
 */
export const ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
] as const;

/** The export's parallel scan (packages/adapter-dynamodb/src/analytics-parallel-scan.ts). */
export const SCAN_ACTIONS = ["dynamodb:Scan"] as const;

/** Grants exactly `actions` on the table and its indexes. */
export const grantTableActions = (
  grantee: IGrantable,
  table: ITable,
  actions: readonly string[],
): void => {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: [...actions],
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
};
