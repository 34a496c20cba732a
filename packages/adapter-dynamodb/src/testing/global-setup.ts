import { startDynamoDbLocal } from "@owners/test-engines";
import type { TestProject } from "vitest/node";

/** One DynamoDB Local for the whole test run of this package, stopped at the end. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const engine = await startDynamoDbLocal();
  project.provide("dynamoEndpoint", engine.endpoint);
  return async () => {
    await engine.stop();
  };
}
