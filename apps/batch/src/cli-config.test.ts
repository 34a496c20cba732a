import { describe, expect, it } from "vitest";
import { readCliConfig } from "./config.ts";

describe("readCliConfig (pnpm batch)", () => {
  it("talks to the stack `pnpm start` runs when nothing else is said", () => {
    const config = readCliConfig({ OWNERS_LOCAL_DIR: "/tmp/owners-state" });
    expect(config).toMatchObject({
      OWNERS_STORE: "dynamodb",
      OWNERS_DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
      OWNERS_S3_ENDPOINT: "http://127.0.0.1:4569",
      OWNERS_NOTIFICATIONS_FILE: "/tmp/owners-state/notifications.jsonl",
    });
  });

  it("follows the ports pnpm start printed, and the memory store when asked", () => {
    expect(readCliConfig({ OWNERS_DYNAMODB_PORT: "8123", OWNERS_S3_PORT: "4600" })).toMatchObject({
      OWNERS_DYNAMODB_ENDPOINT: "http://127.0.0.1:8123",
      OWNERS_S3_ENDPOINT: "http://127.0.0.1:4600",
    });
    const memory = readCliConfig({ OWNERS_STORE: "memory" });
    expect(memory.OWNERS_STORE).toBe("memory");
    expect(memory.OWNERS_DYNAMODB_ENDPOINT).toBeUndefined();
  });
});
