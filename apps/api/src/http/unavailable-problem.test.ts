import { S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { makeS3BlobStore } from "@owners/adapter-s3";
import { appError } from "@owners/app";
import { domainError } from "@owners/domain";
import { captureLogs } from "@owners/logging/testing";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { makeHarness, planBody } from "../testing/harness.ts";
import { problemFromError } from "./problem.ts";

const ROLE = "arn:aws:sts::123456789012:assumed-role/owners-staging-api/owners-staging-api-fn";
const accessDenied = () =>
  new S3ServiceException({
    name: "AccessDenied",
    $fault: "client",
    $metadata: { httpStatusCode: 403 },
    message: `User: ${ROLE} is not authorized to perform: s3:HeadObject on resource: arn:aws:s3:::owners-staging-uploads`,
  });

describe("an unavailable backend", () => {
  const s3 = mockClient(S3Client);
  afterEach(() => s3.reset());

  it("answers 503 with the request id, and only the log names the AWS error", async () => {
    s3.onAnyCommand().rejects(accessDenied());
    const { lines, logger } = captureLogs("owners-api");
    const blobs = makeS3BlobStore({
      client: new S3Client({ region: "ap-northeast-1" }),
      bucket: "owners-staging-uploads",
      uploadExpirySeconds: 300,
    });
    const h = makeHarness({ logger, ports: { blobs } });
    const key = "uploads/pending/producer-a/photo_01JD3V6Q0W9Z6F7C8N2K4M5P6R.jpg";
    const answer = await h.call("POST", "/plans", {
      body: planBody({ photoKeys: [key] }),
      as: ["producer-a", "producer"],
      headers: { "x-request-id": "req-503", "accept-language": "en" },
    });

    expect(answer.status).toBe(503);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.body).toEqual({
      type: "https://owners.example/problems/store-unavailable",
      title: "Temporarily unavailable",
      status: 503,
      code: "STORE.UNAVAILABLE",
      detail: "the service is unavailable (request req-503)",
    });
    const logged = lines.join("\n");
    expect(logged).toContain(ROLE);
    expect(logged).toContain("AccessDenied");
    expect(
      lines.map((l) => JSON.parse(l)).find((e) => e.msg === "use case unavailable"),
    ).toMatchObject({ requestId: "req-503", code: "STORE.UNAVAILABLE" });
  });
});

describe("problemFromError", () => {
  it("keeps an adapter's cause out of any problem, 4xx included", () => {
    const cause = `ValidationException: ${ROLE} cannot be assumed`;
    const invalid = problemFromError(
      domainError("VALIDATION.INVALID", "EventBridge Scheduler refused o-1", {
        name: "o-1",
        cause,
      }),
      "req-1",
    );
    expect(invalid).toMatchObject({ status: 400, details: { name: "o-1" } });
    const unavailable = problemFromError(
      appError("SCHEDULER.UNAVAILABLE", "EventBridge Scheduler create of o-1 failed", {
        name: "o-1",
        cause,
      }),
      "req-2",
    );
    expect(unavailable).toMatchObject({
      status: 503,
      detail: "the service is unavailable (request req-2)",
    });
    expect(JSON.stringify([invalid, unavailable])).not.toContain("123456789012");
  });
});
