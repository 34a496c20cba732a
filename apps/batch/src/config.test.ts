import { describe, expect, it } from "vitest";
import { DEV_CURSOR_SECRET, readBatchConfig, readCliConfig } from "./config.ts";

const messageOf = (read: () => unknown): string => {
  try {
    read();
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("the cursor secret", () => {
  it("must be set on DynamoDB in AWS: there is no public default", () => {
    for (const env of [
      { OWNERS_STORE: "dynamodb" },
      { OWNERS_STORE: "memory", AWS_LAMBDA_FUNCTION_NAME: "owners-staging-batch" },
      {
        OWNERS_STORE: "dynamodb",
        OWNERS_DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
        AWS_LAMBDA_FUNCTION_NAME: "owners-staging-batch",
      },
    ])
      expect(
        messageOf(() => readBatchConfig(env)),
        JSON.stringify(env),
      ).toContain("OWNERS_CURSOR_SECRET: required outside dev");
  });

  it("is the one set, or the dev one on the memory store and next to pnpm start", () => {
    const set = { OWNERS_STORE: "dynamodb", OWNERS_CURSOR_SECRET: "s".repeat(32) };
    expect(readBatchConfig(set).OWNERS_CURSOR_SECRET).toBe("s".repeat(32));
    expect(readBatchConfig({}).OWNERS_CURSOR_SECRET).toBe(DEV_CURSOR_SECRET);
    expect(readCliConfig({}).OWNERS_CURSOR_SECRET).toBe(DEV_CURSOR_SECRET);
  });
});
