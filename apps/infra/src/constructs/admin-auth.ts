import { Aws, Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/** The group whose members the API treats as admins (only in this pool). */
export const ADMIN_GROUP = "admins";

export interface OwnersAdminAuthProps {
  readonly prefix: string;
  readonly protectData: boolean;
}

/**
 * The admins' own user pool: MFA required (authenticator app, TOTP) for every sign-in, no self
 * sign-up (a person with AWS access creates admins: `aws cognito-idp admin-create-user` and
 * `admin-add-user-to-group --group-name admins`). The API accepts its tokens beside the people's
 * pool and gives the admin role only to them, so no owner or producer token can ever be an admin,
 * and Cognito enforces the MFA: nothing in the app can forget to check it.
 */
export class OwnersAdminAuth extends Construct {
  readonly userPool: UserPool;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: OwnersAdminAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, "UserPool", {
      userPoolName: `${props.prefix}-admins`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 14, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new CfnUserPoolGroup(this, "Group-admins", {
      userPoolId: this.userPool.userPoolId,
      groupName: ADMIN_GROUP,
      description: "OWNERS admins (the API gives the admin role to this group of this pool only)",
    });
    this.domain = this.userPool.addDomain("Domain", {
      cognitoDomain: { domainPrefix: `${props.prefix}-admin-${Aws.ACCOUNT_ID}` },
    });
  }

  /** The console's client: public, code flow, back to `<origin>/admin/auth/callback`; short tokens. */
  addConsoleClient(origins: readonly string[]): UserPoolClient {
    return this.userPool.addClient("ConsoleClient", {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.minutes(30),
      accessTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(12),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: origins.map((origin) => `${origin}/admin/auth/callback`),
        logoutUrls: origins.map((origin) => `${origin}/admin`),
      },
    });
  }
}
