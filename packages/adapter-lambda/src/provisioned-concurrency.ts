import {
  DeleteProvisionedConcurrencyConfigCommand,
  type LambdaClient,
  PutProvisionedConcurrencyConfigCommand,
} from "@aws-sdk/client-lambda";
import { type AppError, appError, type ProvisionedConcurrency } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

export interface LambdaProvisionedConcurrencySettings {
  readonly client: LambdaClient;
  /** The API function's name or ARN. */
  readonly functionName: string;
  /** The alias API Gateway invokes: provisioned concurrency applies to it only. */
  readonly alias: string;
}

const failed = (operation: string, error: unknown): AppError =>
  appError("CAPACITY.UNAVAILABLE", `Lambda ${operation} of provisioned concurrency failed`, {
    error: error instanceof Error ? error.name : String(error),
  });

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && error.name === "ResourceNotFoundException";

/**
 * The API's provisioned concurrency on Lambda, on its alias (PutProvisionedConcurrencyConfig /
 * DeleteProvisionedConcurrencyConfig). Clearing what was never set succeeds.
 */
export const makeLambdaProvisionedConcurrency = ({
  client,
  functionName,
  alias,
}: LambdaProvisionedConcurrencySettings): ProvisionedConcurrency => ({
  set: (instances) =>
    TE.tryCatch(
      async () => {
        await client.send(
          new PutProvisionedConcurrencyConfigCommand({
            FunctionName: functionName,
            Qualifier: alias,
            ProvisionedConcurrentExecutions: instances,
          }),
        );
      },
      (error) => failed("put", error),
    ),
  clear: () =>
    TE.tryCatch(
      async () => {
        try {
          await client.send(
            new DeleteProvisionedConcurrencyConfigCommand({
              FunctionName: functionName,
              Qualifier: alias,
            }),
          );
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      },
      (error) => failed("delete", error),
    ),
});
