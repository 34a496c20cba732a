import { describe, expect, it } from "vitest";
import { s3ClientSettings } from "./s3-settings.ts";

describe("s3ClientSettings", () => {
  it("leaves endpoint and credentials to AWS without a local endpoint", () => {
    expect(s3ClientSettings("ap-northeast-1")).toEqual({ region: "ap-northeast-1" });
  });

  it("addresses a local endpoint path-style with s3rver's keys", () => {
    expect(s3ClientSettings("ap-northeast-1", "http://127.0.0.1:4569")).toEqual({
      region: "ap-northeast-1",
      endpoint: "http://127.0.0.1:4569",
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
  });
});
