import { LambdaClient, type LambdaClientConfig } from "@aws-sdk/client-lambda";

/** A Lambda client from plain settings, for callers that load this package on demand. */
export const makeLambdaClient = (config: LambdaClientConfig): LambdaClient =>
  new LambdaClient(config);
