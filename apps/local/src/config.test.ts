import { describe, expect, it } from "vitest";
import { LOCAL_JWT_SECRET, REPO_ROOT, readLocalConfig } from "./config.ts";

describe("pnpm start's configuration", () => {
  it("defaults to DynamoDB on the documented ports, with state under .local", () => {
    expect(readLocalConfig([], {})).toEqual({
      store: "dynamodb",
      apiPort: 3000,
      webPort: 5173,
      dynamoPort: 8000,
      s3Port: 4569,
      stateDir: `${REPO_ROOT}/.local`,
      tableName: "owners-local",
      uploadsBucket: "owners-uploads",
      jwtSecret: LOCAL_JWT_SECRET,
    });
  });

  it("takes --memory (also after pnpm's --) and the ports from the environment", () => {
    const config = readLocalConfig(["--", "--memory"], {
      PORT: "3100",
      OWNERS_DYNAMODB_PORT: "0",
      OWNERS_S3_PORT: "4600",
    });
    expect(config).toMatchObject({ store: "memory", apiPort: 3100, dynamoPort: 0, s3Port: 4600 });
  });

  it.each([
    [["--mem"], {}, /unknown argument/],
    [[], { PORT: "http" }, /PORT must be a port number/],
    [[], { OWNERS_S3_PORT: "70000" }, /OWNERS_S3_PORT must be a port number/],
  ])("refuses %j %j", (argv, env, message) => {
    expect(() => readLocalConfig(argv, env)).toThrow(message);
  });
});
