import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Makes a client fail any Scan, so a contract run proves its adapter reads only with GetItem,
 * BatchGetItem and Query (the rule for everything the API serves).
 */
export const refuseScans = (doc: DynamoDBDocumentClient): void => {
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "ScanCommand")
        throw new Error("Scan is not allowed: use GetItem, BatchGetItem or Query");
      return next(args);
    },
    { step: "initialize", name: "refuseScans" },
  );
};
