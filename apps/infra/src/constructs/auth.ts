import { Aws, Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnUserPoolGroup,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/** The roles the API reads from `cognito:groups` (apps/api/src/http/auth.ts). */
export const ROLE_GROUPS = ["owner", "producer", "admin"] as const;

export interface OwnersAuthProps {
  readonly prefix: string;
  readonly protectData: boolean;
}

/**
 * Sign-in: a Cognito user pool whose hosted UI the site uses (code flow with PKCE). Its tokens
 * are checked twice: by API Gateway's JWT authorizer on routes that always need a user, and by
 * the app itself on every route (issuer, audience, signature by the pool's JWKS).
 */
export class OwnersAuth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;

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
        description: `OWNERS ${role}s (the API reads the role from cognito:groups)`,
      });
    }
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
