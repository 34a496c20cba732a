import { Aws, Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnUserPoolGroup,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from "aws-cdk-lib/aws-cognito";
import { Effect, Policy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Code, Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import type { RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { functionLogGroup, LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from "./lambda-defaults.ts";

/**
 * The groups of the people's pool, each a role the API reads from `cognito:groups`
 * (apps/api/src/http/auth.ts): `owners` on sign-up, `producers` by approval. Admins are not here:
 * they have their own pool (constructs/admin-auth.ts).
 */
export const ROLE_GROUPS = ["owners", "producers"] as const;

/** The post-confirmation trigger's handler in its bundle (apps/api/src/cognito/). */
export const POST_CONFIRMATION_HANDLER = "post-confirmation.handler";

/** What the API's identity directory calls on the people's pool (@owners/adapter-cognito). */
export const DIRECTORY_ACTIONS = [
  "cognito-idp:AdminAddUserToGroup",
  "cognito-idp:AdminRemoveUserFromGroup",
  "cognito-idp:AdminDeleteUser",
] as const;

export interface OwnersAuthProps {
  readonly prefix: string;
  readonly protectData: boolean;
  /** The directory holding `post-confirmation.mjs` (src/bundles.ts). */
  readonly identityBundleDir: string;
  readonly logRetention: RetentionDays;
}

/**
 * Sign-in: a Cognito user pool whose hosted UI the site uses (code flow with PKCE). Its tokens
 * are checked twice: by API Gateway's JWT authorizer on routes that always need a user, and by
 * the app itself on every route (issuer, audience, signature by the pool's JWKS).
 */
export class OwnersAuth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;
  /** Puts every confirmed person in `owners`. */
  readonly postConfirmation: LambdaFunction;

  constructor(scope: Construct, id: string, props: OwnersAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, "UserPool", {
      userPoolName: props.prefix,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: { minLength: 12, requireSymbols: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const role of ROLE_GROUPS) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `OWNERS ${role} (the API reads the role from cognito:groups)`,
      });
    }
    this.postConfirmation = new LambdaFunction(this, "PostConfirmation", {
      functionName: `${props.prefix}-post-confirmation`,
      description: "Cognito post-confirmation: every new user joins the owners group",
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      handler: POST_CONFIRMATION_HANDLER,
      code: Code.fromAsset(props.identityBundleDir),
      memorySize: 256,
      timeout: Duration.seconds(5),
      logGroup: functionLogGroup(this, "PostConfirmationLogs", props.logRetention),
      environment: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, this.postConfirmation);
    // A policy of its own, attached after both exist: the pool names the function (its trigger),
    // so a grant inside the function's default policy on the pool's ARN would be a cycle.
    const addToOwners = new Policy(this, "PostConfirmationPolicy", {
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ["cognito-idp:AdminAddUserToGroup"],
          resources: [this.userPool.userPoolArn],
        }),
      ],
    });
    addToOwners.attachToRole(this.postConfirmation.role ?? fail("the trigger has a role"));
    // Hosted UI prefixes are global: the account id keeps the stage's unique without a person choosing.
    this.domain = this.userPool.addDomain("Domain", {
      cognitoDomain: { domainPrefix: `${props.prefix}-${Aws.ACCOUNT_ID}` },
    });
  }

  /** The site's client: public (no secret), code flow, redirecting back to `<origin>/auth/callback`. */
  addSiteClient(origins: readonly string[]): UserPoolClient {
    return this.userPool.addClient("SiteClient", {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: origins.map((origin) => `${origin}/auth/callback`),
        logoutUrls: origins.map((origin) => `${origin}/`),
      },
    });
  }
}

const fail = (message: string): never => {
  throw new Error(message);
};
