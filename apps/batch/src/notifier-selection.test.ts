import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { instant, ownerId } from "@owners/domain";
import { mockClient } from "aws-sdk-client-mock";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { composeBatches } from "./composition.ts";
import { readBatchConfig } from "./config.ts";

const SES_ENV = {
  OWNERS_NOTIFIER: "ses",
  OWNERS_SES_FROM: "OWNERS <noreply@owners.example.jp>",
  OWNERS_SES_CONFIGURATION_SET: "owners-staging",
  OWNERS_USER_POOL_ID: "eu-west-1_AbC123xyz",
  AWS_REGION: "ap-northeast-1",
};

const problemsOf = (env: Record<string, string>): string => {
  try {
    readBatchConfig(env);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("notifier configuration", () => {
  it("accepts SES with a sender and a user pool (the configuration set is optional)", () => {
    expect(readBatchConfig(SES_ENV)).toMatchObject(SES_ENV);
    const { OWNERS_SES_CONFIGURATION_SET: _, ...withoutSet } = SES_ENV;
    expect(readBatchConfig(withoutSet).OWNERS_SES_CONFIGURATION_SET).toBeUndefined();
  });

  it("names what SES is missing", () => {
    const problems = problemsOf({ OWNERS_NOTIFIER: "ses" });
    expect(problems).toContain("OWNERS_SES_FROM: required with OWNERS_NOTIFIER=ses");
    expect(problems).toContain("OWNERS_USER_POOL_ID: required with OWNERS_NOTIFIER=ses");
  });

  it("needs the file for the file notifier", () => {
    expect(problemsOf({ OWNERS_NOTIFIER: "file" })).toContain(
      "OWNERS_NOTIFICATIONS_FILE: required with OWNERS_NOTIFIER=file",
    );
    expect(problemsOf({ OWNERS_NOTIFIER: "file", OWNERS_NOTIFICATIONS_FILE: "/tmp/n.jsonl" })).toBe(
      "",
    );
  });

  it.each([
    ["a non-ASCII display name", "オーナーズ <noreply@owners.example.jp>"],
    ["no address", "OWNERS"],
    ["two addresses", "a@example.jp b@example.jp"],
  ])("refuses a sender with %s", (_, from) => {
    expect(problemsOf({ ...SES_ENV, OWNERS_SES_FROM: from })).toContain("OWNERS_SES_FROM");
  });

  it("refuses a user pool id that is not one", () => {
    expect(problemsOf({ ...SES_ENV, OWNERS_USER_POOL_ID: "my-pool" })).toContain(
      "OWNERS_USER_POOL_ID",
    );
  });

  it("refuses an unknown notifier", () => {
    expect(problemsOf({ OWNERS_NOTIFIER: "sms" })).toContain("OWNERS_NOTIFIER");
  });
});

describe("notifier composition", () => {
  // Every client of these classes answers from the mock: nothing leaves the process.
  const ses = mockClient(SESv2Client);
  const cognito = mockClient(CognitoIdentityProviderClient);
  beforeEach(() => {
    ses.reset();
    cognito.reset();
  });
  afterAll(() => {
    ses.restore();
    cognito.restore();
  });

  /** The region a mocked call's client was built with. */
  const regionOf = (client: unknown) =>
    (client as SESv2Client | CognitoIdentityProviderClient | undefined)?.config.region();

  const message = {
    id: "msg_1",
    recipientId: ownerId("7d4e1a52-90b1-4c1e-9b4f-3f0a8c1d2e11"),
    kind: "reservation-confirmed" as const,
    subject: "ご予約ありがとうございます",
    body: "いちじく 2 口",
    at: instant("2026-08-01T10:00:00.000Z"),
    dedupeKey: "reservation-confirmed#own_1",
  };

  it("delivers through SES as configured, the address from the configured pool", async () => {
    cognito.on(AdminGetUserCommand).resolves({
      UserAttributes: [
        { Name: "sub", Value: message.recipientId },
        { Name: "email", Value: "sato@example.jp" },
        { Name: "email_verified", Value: "true" },
      ],
    });
    ses.on(SendEmailCommand).resolves({ MessageId: "ses-1" });
    const batches = composeBatches(readBatchConfig(SES_ENV));
    try {
      expect(E.isRight(await batches.ports.notifier.deliver(message)())).toBe(true);
    } finally {
      batches.close();
    }
    const lookup = cognito.commandCalls(AdminGetUserCommand)[0];
    expect(lookup?.args[0].input).toEqual({
      UserPoolId: "eu-west-1_AbC123xyz",
      Username: message.recipientId,
    });
    // The pool's own region for Cognito, AWS_REGION for SES.
    expect(await regionOf(lookup?.thisValue)).toBe("eu-west-1");
    const sent = ses.commandCalls(SendEmailCommand)[0];
    expect(sent?.args[0].input).toMatchObject({
      FromEmailAddress: "OWNERS <noreply@owners.example.jp>",
      ConfigurationSetName: "owners-staging",
      Destination: { ToAddresses: ["sato@example.jp"] },
    });
    expect(await regionOf(sent?.thisValue)).toBe("ap-northeast-1");
  });

  it("keeps the channel-less default on DynamoDB, and sends nothing with memory", async () => {
    const dynamo = { OWNERS_STORE: "dynamodb", OWNERS_CURSOR_SECRET: "batch-test-cursor-secret" };
    const unset = composeBatches(readBatchConfig(dynamo));
    const memory = composeBatches(readBatchConfig({ ...dynamo, OWNERS_NOTIFIER: "memory" }));
    try {
      const refused = await unset.ports.notifier.deliver(message)();
      expect(E.isLeft(refused) && refused.left._tag).toBe("NOTIFY.UNAVAILABLE");
      expect(E.isRight(await memory.ports.notifier.deliver(message)())).toBe(true);
    } finally {
      unset.close();
      memory.close();
    }
    expect(ses.calls()).toHaveLength(0);
    expect(cognito.calls()).toHaveLength(0);
  });
});
