import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/** The Query requests a client sent: each one's `Limit`, in order (reset by the test between calls). */
export interface QueryLog {
  readonly limits: (number | undefined)[];
}

/** Records every Query the client sends, so a test can bound what one list call reads. */
export const countQueries = (doc: DynamoDBDocumentClient): QueryLog => {
  const log: QueryLog = { limits: [] };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "QueryCommand")
        log.limits.push((args.input as { Limit?: number }).Limit);
      return next(args);
    },
    { step: "initialize", name: "countQueries" },
  );
  return log;
};
