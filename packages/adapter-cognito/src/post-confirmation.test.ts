import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCognitoClient, makeCognitoDirectory } from "./cognito-directory.ts";
import { handlePostConfirmation, type PostConfirmationEvent } from "./post-confirmation.ts";
import { type FakeCognitoServer, startFakeCognito } from "./testing/fake-cognito-server.ts";

const POOL = "ap-northeast-1_TESTPOOL";

const event = (userName: string, triggerSource: string): PostConfirmationEvent => ({
  triggerSource,
  userPoolId: POOL,
  userName,
  request: { userAttributes: { sub: userName, email: `${userName}@example.jp` } },
});

describe("the post-confirmation trigger", () => {
  let cognito: FakeCognitoServer;
  let handler: ReturnType<typeof handlePostConfirmation>;
  beforeAll(async () => {
    cognito = await startFakeCognito(POOL);
    const client = makeCognitoClient({
      region: "ap-northeast-1",
      endpoint: cognito.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    handler = handlePostConfirmation((userPoolId) => makeCognitoDirectory({ client, userPoolId }));
  });
  afterAll(() => cognito.close());

  it("puts a newly confirmed user in owners and hands the event back", async () => {
    cognito.addUser("new-sub");
    const confirmed = event("new-sub", "PostConfirmation_ConfirmSignUp");
    expect(await handler(confirmed)).toBe(confirmed);
    expect(cognito.groupsOf("new-sub")).toEqual(["owners"]);
  });

  it("leaves a password reset alone", async () => {
    cognito.addUser("old-sub");
    const calls = cognito.calls.length;
    await handler(event("old-sub", "PostConfirmation_ConfirmForgotPassword"));
    expect(cognito.groupsOf("old-sub")).toEqual([]);
    expect(cognito.calls.length).toBe(calls);
  });

  it("fails the confirmation when the group cannot be set", async () => {
    await expect(handler(event("ghost", "PostConfirmation_ConfirmSignUp"))).rejects.toThrow(
      /IDENTITY.USER_NOT_FOUND/,
    );
  });
});
