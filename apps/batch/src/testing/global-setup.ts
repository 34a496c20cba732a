import { startDynamoDbLocal } from "@owners/test-engines";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local for this app's test run, stopped at the end. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const engine = await startDynamoDbLocal();
  project.provide("dynamoEndpoint", engine.endpoint);
  return async () => {
    await engine.stop();
  };
}
