import { startFakeCognito } from "@owners/adapter-cognito/testing";
import { describe, expect, it } from "vitest";
import { ADMIN_GROUP } from "./constructs/admin-auth.ts";
import { DIRECTORY_ACTIONS, POST_CONFIRMATION_HANDLER, ROLE_GROUPS } from "./constructs/auth.ts";
import { deployedCodeDir, deployedEnvironment } from "./testing/deployed-function.ts";
import { invokeInChild } from "./testing/invoke-in-child.ts";
import { type CfnResource, resourcesOfType, synthesizedForThisFile } from "./testing/synth.ts";

const synthesized = synthesizedForThisFile();
const stage = () => synthesized().stage("staging");
const props = (r: CfnResource | undefined) => r?.Properties ?? {};

const pools = () => resourcesOfType(stage().json, "AWS::Cognito::UserPool");
const peoplePool = () => pools().find(([, p]) => props(p).UserPoolName === "owners-staging");
const adminPool = () => pools().find(([, p]) => props(p).UserPoolName === "owners-staging-admins");
const functionNamed = (name: string) =>
  resourcesOfType(stage().json, "AWS::Lambda::Function").find(
    ([, f]) => props(f).FunctionName === name,
  );

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}
const statementsOf = (policy: CfnResource) =>
  (props(policy).PolicyDocument as { Statement: Statement[] }).Statement;
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe("identity in the stage's stack", () => {
  it("files every confirmed person in owners with a post-confirmation trigger, and nothing more", () => {
    const [poolId, pool] = peoplePool() ?? [];
    const [triggerId, trigger] = functionNamed("owners-staging-post-confirmation") ?? [];
    expect(props(trigger).Handler).toBe(POST_CONFIRMATION_HANDLER);
    expect(props(trigger).Runtime).toBe("nodejs22.x");
    expect(props(pool).LambdaConfig).toEqual({
      PostConfirmation: { "Fn::GetAtt": [triggerId, "Arn"] },
    });
    // Cognito may invoke it.
    const permissions = resourcesOfType(stage().json, "AWS::Lambda::Permission").filter(([, p]) =>
      JSON.stringify(props(p).FunctionName).includes(triggerId ?? "?"),
    );
    expect(permissions.map(([, p]) => props(p).Principal)).toContain("cognito-idp.amazonaws.com");
    // Its one grant: AdminAddUserToGroup on this pool.
    const role = JSON.stringify(props(trigger).Role);
    const grants = resourcesOfType(stage().json, "AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(props(p).Roles).includes(JSON.parse(role)["Fn::GetAtt"][0]))
      .flatMap(([, p]) => statementsOf(p));
    expect(grants).toEqual([
      {
        Effect: "Allow",
        Action: "cognito-idp:AdminAddUserToGroup",
        Resource: { "Fn::GetAtt": [poolId, "Arn"] },
      },
    ]);
  });

  it("has groups owners and producers in the people's pool, admins only in the admins' pool", () => {
    const groupsOf = (poolId: string | undefined) =>
      resourcesOfType(stage().json, "AWS::Cognito::UserPoolGroup")
        .filter(([, g]) => JSON.stringify(props(g).UserPoolId) === JSON.stringify({ Ref: poolId }))
        .map(([, g]) => props(g).GroupName)
        .sort();
    expect(groupsOf(peoplePool()?.[0])).toEqual([...ROLE_GROUPS].sort());
    expect(groupsOf(adminPool()?.[0])).toEqual([ADMIN_GROUP]);
  });

  it("requires MFA (authenticator app) of every admin, who cannot sign themselves up", () => {
    const admins = props(adminPool()?.[1]);
    expect(admins.MfaConfiguration).toBe("ON");
    expect(admins.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
    expect(admins.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    // The people's pool keeps its sign-up and no MFA demand (unset: Cognito's OFF).
    expect(["OFF", undefined]).toContain(props(peoplePool()?.[1]).MfaConfiguration);
  });

  it("gives the API both pools (admin only from the admins' pool) and the directory calls", () => {
    const [, api] = functionNamed("owners-staging-api") ?? [];
    const env = (props(api).Environment as { Variables: Record<string, unknown> }).Variables;
    const adminPoolId = adminPool()?.[0];
    expect(JSON.stringify(env.OWNERS_ADMIN_JWT_ISSUER)).toContain(`"Ref":"${adminPoolId}"`);
    expect(JSON.stringify(env.OWNERS_ADMIN_JWKS_URL)).toContain("/.well-known/jwks.json");
    expect(env.OWNERS_ADMIN_JWT_AUDIENCE).toBeDefined();
    expect(env.OWNERS_USER_POOL_ID).toEqual({ Ref: peoplePool()?.[0] });
    const directory = resourcesOfType(stage().json, "AWS::IAM::Policy")
      .flatMap(([, p]) => statementsOf(p))
      .find((s) => actionsOf(s).includes("cognito-idp:AdminDeleteUser"));
    expect(actionsOf(directory as Statement).sort()).toEqual([...DIRECTORY_ACTIONS].sort());
    expect(directory?.Resource).toEqual({ "Fn::GetAtt": [peoplePool()?.[0], "Arn"] });
    // /admin routes are guarded by the admins' pool's authorizer, the rest by the people's.
    const authorizers = Object.fromEntries(
      resourcesOfType(stage().json, "AWS::ApiGatewayV2::Authorizer").map(([id, a]) => [
        props(a).Name,
        id,
      ]),
    );
    const routes = resourcesOfType(stage().json, "AWS::ApiGatewayV2::Route").map(([, r]) =>
      props(r),
    );
    const authorizerOf = (key: string) => routes.find((r) => r.RouteKey === key)?.AuthorizerId;
    expect(authorizerOf("ANY /api/admin/{proxy+}")).toEqual({ Ref: authorizers.AdminPool });
    expect(authorizerOf("ANY /api/me/{proxy+}")).toEqual({ Ref: authorizers.UserPool });
  });

  it("the deployed trigger bundle puts a new user in owners through the Cognito API", async () => {
    const [, trigger] = functionNamed("owners-staging-post-confirmation") ?? [];
    if (trigger === undefined) throw new Error("no trigger");
    const cognito = await startFakeCognito("ap-northeast-1_STAGING");
    try {
      cognito.addUser("9b2e-new-sub");
      const dir = deployedCodeDir(synthesized().assembly, stage().stack.stackName, trigger);
      const event = {
        version: "1",
        triggerSource: "PostConfirmation_ConfirmSignUp",
        region: "ap-northeast-1",
        userPoolId: "ap-northeast-1_STAGING",
        userName: "9b2e-new-sub",
        request: { userAttributes: { sub: "9b2e-new-sub", email: "new@example.jp" } },
        response: {},
      };
      const { results } = await invokeInChild(
        dir,
        {
          ...deployedEnvironment(trigger),
          AWS_REGION: "ap-northeast-1",
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
        },
        [{ handler: "handler", event }],
        "post-confirmation.mjs",
      );
      expect(results).toEqual([event]);
      expect(cognito.groupsOf("9b2e-new-sub")).toEqual(["owners"]);
    } finally {
      await cognito.close();
    }
  });
});
