import {
  AdminGetUserCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  InternalErrorException,
  InvalidParameterException,
  ListUsersCommand,
  TooManyRequestsException,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { mockClient } from "aws-sdk-client-mock";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { beforeEach, describe, expect, it } from "vitest";
import {
  type CognitoRecipientDirectoryConfig,
  makeCognitoRecipientDirectory,
} from "./cognito-recipient-directory.ts";

const client = new CognitoIdentityProviderClient({
  region: "ap-northeast-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const sdk = mockClient(client);

const POOL = "ap-northeast-1_AbCdEf123";
const SATO = "7d4e1a52-90b1-4c1e-9b4f-3f0a8c1d2e11";
const GOOGLE_USER = "0b2f5c34-1111-4a4a-8c8c-5e5e5e5e5e5e";

const attrs = (sub: string, email?: string, verified?: string): AttributeType[] => [
  { Name: "sub", Value: sub },
  ...(email === undefined ? [] : [{ Name: "email", Value: email }]),
  ...(verified === undefined ? [] : [{ Name: "email_verified", Value: verified }]),
];

const directory = (overrides: Partial<CognitoRecipientDirectoryConfig> = {}) =>
  makeCognitoRecipientDirectory({ client, userPoolId: POOL, ...overrides });

const emailOf = async (d: ReturnType<typeof directory>, id: string) => {
  const result = await d.emailOf(id)();
  if (E.isLeft(result)) throw new Error(`unexpected ${result.left._tag}`);
  return result.right;
};

const notFound = () =>
  new UserNotFoundException({
    message: "User does not exist.",
    $metadata: { httpStatusCode: 400 },
  });

beforeEach(() => {
  sdk.reset();
});

describe("Cognito recipient directory: lookups", () => {
  it("asks AdminGetUser with the sub as the username and returns the verified email", async () => {
    sdk.on(AdminGetUserCommand).resolves({
      Username: SATO,
      UserAttributes: attrs(SATO, "sato@example.jp", "true"),
    });
    expect(await emailOf(directory(), SATO)).toEqual(O.some("sato@example.jp"));
    expect(sdk.calls()).toHaveLength(1);
    expect(sdk.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: SATO,
    });
  });

  it.each([
    ["unverified", "false"],
    ["of unknown verification", undefined],
  ])("returns none for an email %s", async (_, verified) => {
    sdk
      .on(AdminGetUserCommand)
      .resolves({ UserAttributes: attrs(SATO, "sato@example.jp", verified) });
    expect(await emailOf(directory(), SATO)).toEqual(O.none);
  });

  it("returns none for a user without an email", async () => {
    sdk.on(AdminGetUserCommand).resolves({ UserAttributes: attrs(SATO, undefined, "true") });
    expect(await emailOf(directory(), SATO)).toEqual(O.none);
  });

  it("finds a federated user (not found by sub as username) with ListUsers on the sub", async () => {
    sdk.on(AdminGetUserCommand).rejects(notFound());
    sdk.on(ListUsersCommand).resolves({
      Users: [{ Username: "Google_1098", Attributes: attrs(GOOGLE_USER, "g@example.com", "true") }],
    });
    expect(await emailOf(directory(), GOOGLE_USER)).toEqual(O.some("g@example.com"));
    expect(sdk.commandCalls(ListUsersCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Filter: `sub = "${GOOGLE_USER}"`,
      Limit: 1,
    });
  });

  it("does not take a user whose alias equals the id for the user with that sub", async () => {
    sdk.on(AdminGetUserCommand).resolves({
      Username: "mallory",
      UserAttributes: attrs("another-sub", "mallory@example.jp", "true"),
    });
    sdk.on(ListUsersCommand).resolves({ Users: [] });
    expect(await emailOf(directory(), SATO)).toEqual(O.none);
    expect(sdk.commandCalls(ListUsersCommand)).toHaveLength(1);
  });

  it("returns none for nobody, and escapes quotes in the ListUsers filter", async () => {
    sdk.on(AdminGetUserCommand).rejects(notFound());
    sdk.on(ListUsersCommand).resolves({ Users: [] });
    expect(await emailOf(directory(), 'a"b\\c')).toEqual(O.none);
    expect(sdk.commandCalls(ListUsersCommand)[0]?.args[0].input.Filter).toBe('sub = "a\\"b\\\\c"');
  });

  it("answers none for an id Cognito rejects as a parameter, instead of an outage", async () => {
    const invalid = () =>
      new InvalidParameterException({
        message: "bad username",
        $metadata: { httpStatusCode: 400 },
      });
    sdk.on(AdminGetUserCommand).rejects(invalid());
    sdk.on(ListUsersCommand).rejects(invalid());
    expect(await emailOf(directory(), "\u0000")).toEqual(O.none);
  });
});

describe("Cognito recipient directory: failures", () => {
  it.each([
    [
      "throttling",
      () =>
        new TooManyRequestsException({
          message: "Rate exceeded",
          $metadata: { httpStatusCode: 429 },
        }),
    ],
    [
      "an internal error",
      () => new InternalErrorException({ message: "oops", $metadata: { httpStatusCode: 500 } }),
    ],
    ["a network error", () => Object.assign(new Error("connect ETIMEDOUT"), { code: "ETIMEDOUT" })],
  ])("reports %s as NOTIFY.UNAVAILABLE and does not remember it", async (_, error) => {
    sdk
      .on(AdminGetUserCommand)
      .rejectsOnce(error())
      .resolves({
        UserAttributes: attrs(SATO, "sato@example.jp", "true"),
      });
    const d = directory();
    const first = await d.emailOf(SATO)();
    expect(E.isLeft(first) && first.left._tag).toBe("NOTIFY.UNAVAILABLE");
    expect(await emailOf(d, SATO)).toEqual(O.some("sato@example.jp"));
  });
});

describe("Cognito recipient directory: cache", () => {
  beforeEach(() => {
    sdk.on(AdminGetUserCommand).callsFake((input: { Username: string }) => ({
      UserAttributes: attrs(input.Username, `${input.Username}@example.jp`, "true"),
    }));
  });

  it("asks Cognito once per recipient for many messages", async () => {
    const d = directory();
    for (const id of ["a", "b", "a", "a", "b"]) await emailOf(d, id);
    expect(sdk.commandCalls(AdminGetUserCommand).map((c) => c.args[0].input.Username)).toEqual([
      "a",
      "b",
    ]);
  });

  it("remembers 'no address' too", async () => {
    sdk.reset();
    sdk.on(AdminGetUserCommand).rejects(notFound());
    sdk.on(ListUsersCommand).resolves({ Users: [] });
    const d = directory();
    await emailOf(d, "gone");
    await emailOf(d, "gone");
    expect(sdk.calls()).toHaveLength(2);
  });

  it("keeps at most cacheSize recipients, dropping the least recently used", async () => {
    const d = directory({ cacheSize: 2 });
    for (const id of ["a", "b", "a", "c", "a", "b"]) await emailOf(d, id);
    // "b" was the least recently used when "c" came in.
    expect(sdk.commandCalls(AdminGetUserCommand).map((c) => c.args[0].input.Username)).toEqual([
      "a",
      "b",
      "c",
      "b",
    ]);
  });

  it("asks again once an answer is older than cacheTtlMs", async () => {
    const d = directory({ cacheTtlMs: 30 });
    await emailOf(d, "a");
    await emailOf(d, "a");
    await new Promise((resolve) => setTimeout(resolve, 60));
    await emailOf(d, "a");
    expect(sdk.commandCalls(AdminGetUserCommand)).toHaveLength(2);
  });
});
