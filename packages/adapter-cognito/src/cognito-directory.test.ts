import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeCognitoClient, makeCognitoDirectory } from "./cognito-directory.ts";
import { type FakeCognitoServer, startFakeCognito } from "./testing/fake-cognito-server.ts";

const POOL = "ap-northeast-1_TESTPOOL";

describe("IdentityDirectory on Cognito (official SDK against a local AWS JSON 1.1 server)", () => {
  let cognito: FakeCognitoServer;
  let directory: ReturnType<typeof makeCognitoDirectory>;
  beforeAll(async () => {
    cognito = await startFakeCognito(POOL);
    directory = makeCognitoDirectory({
      userPoolId: POOL,
      client: makeCognitoClient({
        region: "ap-northeast-1",
        endpoint: cognito.endpoint,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
      }),
    });
  });
  afterAll(() => cognito.close());
  beforeEach(() => {
    cognito.addUser("sub-1");
  });

  it("adds and removes group members, each call idempotent", async () => {
    expect(await directory.addToGroup("sub-1", "producers")()).toEqual(E.right(undefined));
    expect(await directory.addToGroup("sub-1", "producers")()).toEqual(E.right(undefined));
    expect(await directory.addToGroup("sub-1", "owners")()).toEqual(E.right(undefined));
    expect(cognito.groupsOf("sub-1")).toEqual(["owners", "producers"]);
    expect(cognito.calls.at(-1)).toEqual({
      operation: "AdminAddUserToGroup",
      body: { UserPoolId: POOL, Username: "sub-1", GroupName: "owners" },
    });
    expect(await directory.removeFromGroup("sub-1", "owners")()).toEqual(E.right(undefined));
    expect(await directory.removeFromGroup("sub-1", "owners")()).toEqual(E.right(undefined));
    expect(cognito.groupsOf("sub-1")).toEqual(["producers"]);
  });

  it("deletes a user; deleting one already gone succeeds, adding one gone does not", async () => {
    expect(await directory.deleteUser("sub-1")()).toEqual(E.right(undefined));
    expect(cognito.hasUser("sub-1")).toBe(false);
    expect(await directory.deleteUser("sub-1")()).toEqual(E.right(undefined));
    expect(await directory.removeFromGroup("sub-1", "owners")()).toEqual(E.right(undefined));
    const added = await directory.addToGroup("sub-1", "owners")();
    expect(E.isLeft(added) && added.left._tag).toBe("IDENTITY.USER_NOT_FOUND");
  });

  it("answers IDENTITY.UNAVAILABLE when the pool keeps failing, and retries a passing fault", async () => {
    cognito.failNext(1);
    expect(await directory.addToGroup("sub-1", "owners")()).toEqual(E.right(undefined));
    cognito.failNext(10);
    const failed = await directory.addToGroup("sub-1", "admins")();
    cognito.failNext(0);
    expect(E.isLeft(failed) && failed.left).toMatchObject({
      _tag: "IDENTITY.UNAVAILABLE",
      details: { cause: "InternalErrorException" },
    });
    expect(cognito.groupsOf("sub-1")).toEqual(["owners"]);
  });

  it("names the wrong pool as an outage, not as a missing user", async () => {
    const elsewhere = makeCognitoDirectory({
      userPoolId: "ap-northeast-1_OTHER",
      client: makeCognitoClient({
        region: "ap-northeast-1",
        endpoint: cognito.endpoint,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
      }),
    });
    const result = await elsewhere.addToGroup("sub-1", "owners")();
    expect(E.isLeft(result) && result.left.details).toEqual({ cause: "ResourceNotFoundException" });
  });
});
