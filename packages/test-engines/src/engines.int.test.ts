import { execFileSync } from "node:child_process";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { LOCAL_AWS_CREDENTIALS, LOCAL_AWS_REGION, startDynamoDbLocal } from "./dynamodb-local.ts";
import { S3RVER_CREDENTIALS, startS3rver } from "./s3rver.ts";

const javaProcessesOnPort = (port: number): string => {
  try {
    return execFileSync("pgrep", ["-f", `DynamoDBLocal.jar.*-port ${port}`], {
      encoding: "utf8",
    }).trim();
  } catch {
    return "";
  }
};

describe("real engines", () => {
  it("starts DynamoDB Local on a free port, answers, and leaves no JVM after stop", async () => {
    const engine = await startDynamoDbLocal();
    try {
      const client = new DynamoDBClient({
        endpoint: engine.endpoint,
        region: LOCAL_AWS_REGION,
        credentials: LOCAL_AWS_CREDENTIALS,
      });
      const tables = await client.send(new ListTablesCommand({}));
      expect(tables.TableNames).toEqual([]);
      client.destroy();
      expect(javaProcessesOnPort(engine.port)).not.toBe("");
    } finally {
      // Stop even when an assertion failed: a leaked JVM outlives the test run.
      await engine.stop();
    }
    expect(javaProcessesOnPort(engine.port)).toBe("");
  });

  it("starts s3rver with the requested buckets", async () => {
    const engine = await startS3rver({ buckets: ["uploads"] });
    try {
      const client = new S3Client({
        endpoint: engine.endpoint,
        region: LOCAL_AWS_REGION,
        forcePathStyle: true,
        credentials: S3RVER_CREDENTIALS,
      });
      await client.send(new CreateBucketCommand({ Bucket: "another" }));
      const buckets = await client.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((b) => b.Name).sort()).toEqual(["another", "uploads"]);
      client.destroy();
    } finally {
      await engine.stop();
    }
  });
});
