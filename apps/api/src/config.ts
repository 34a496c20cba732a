import { LOG_LEVELS } from "@owners/logging/levels";
import * as z from "zod/mini";

/**
 * The API's whole configuration, read from the environment in this one place. Locally `pnpm start`
 * sets these; in AWS the CDK stack does.
 */
const text = (min = 1) => z.string().check(z.minLength(min));
const arn = () => z.optional(z.string().check(z.startsWith("arn:")));

const ConfigSchema = z.object({
  OWNERS_STORE: z._default(z.enum(["dynamodb", "memory"]), "memory"),
  OWNERS_TABLE: z._default(text(), "owners-local"),
  OWNERS_DYNAMODB_ENDPOINT: z.optional(z.url()),
  OWNERS_S3_ENDPOINT: z.optional(z.url()),
  OWNERS_S3_PUBLIC_ENDPOINT: z.optional(z.url()),
  OWNERS_UPLOADS_BUCKET: z._default(text(), "owners-uploads"),
  AWS_REGION: z._default(text(), "ap-northeast-1"),
  OWNERS_DEV_LOGIN: z._default(z.enum(["on", "off"]), "off"),
  OWNERS_JWT_SECRET: z.optional(text(32)),
  OWNERS_JWT_ISSUER: z._default(text(), "owners-local"),
  OWNERS_JWKS_URL: z.optional(z.url()),
  OWNERS_JWT_AUDIENCE: z.optional(z.string()),
  /**
   * The admins' own user pool (MFA required), set by the CDK stack: only its tokens carry the
   * admin role. Issuer and JWKS URL together, or neither (then nobody is an admin in AWS).
   */
  OWNERS_ADMIN_JWT_ISSUER: z.optional(text()),
  OWNERS_ADMIN_JWKS_URL: z.optional(z.url()),
  OWNERS_ADMIN_JWT_AUDIENCE: z.optional(z.string()),
  /** The people's user pool, whose groups approval changes (@owners/adapter-cognito). */
  OWNERS_USER_POOL_ID: z.optional(text()),
  /** Signs page cursors; required outside dev (see `cursorSecretOf`). */
  OWNERS_CURSOR_SECRET: z.optional(text(16)),
  /** Set in AWS: the API answers only requests with CloudFront's origin header (http/origin-guard.ts). */
  OWNERS_ORIGIN_SECRET: z.optional(text(32)),
  OWNERS_PLATFORM_FEE_BPS: z._default(
    z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000)),
    1000,
  ),
  /**
   * The site's origin (CloudFront's in AWS, the local web server's locally): the processor's
   * checkout sends owners back to its "my harvest" page. Without it, the Vite dev server's.
   */
  OWNERS_SITE_URL: z.optional(z.url()),
  /**
   * Signs the one-click unsubscribe links of mails (the batch signs with the same secret). Without
   * it (or the site URL) every unsubscribe token is refused.
   */
  OWNERS_UNSUBSCRIBE_SECRET: z.optional(text(16)),
  /** The API's public base URL for links in mails; the site's `/api` by default. */
  OWNERS_API_URL: z.optional(z.url()),
  /** The List-Unsubscribe mailto address, if a mailbox unsubscribes whoever writes to it. */
  OWNERS_UNSUBSCRIBE_MAILBOX: z.optional(text()),
  OWNERS_MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 64 * 1024),
  /**
   * EventBridge Scheduler for one-off schedules (an offer's expiry), set by the CDK stack: the
   * stage's group, the role it assumes, the batch Lambda it invokes and its dead-letter queue.
   * Without them one-offs are not made and the periodic expire-offers batch alone acts.
   */
  OWNERS_SCHEDULE_GROUP: z.optional(text()),
  OWNERS_SCHEDULER_ROLE_ARN: arn(),
  OWNERS_SCHEDULER_TARGET_ARN: arn(),
  OWNERS_SCHEDULER_DLQ_ARN: arn(),
  /**
   * Stripe (both or neither): the platform's secret key and the webhook endpoint's signing
   * secret. In AWS they come from Secrets Manager (OWNERS_STRIPE_SECRET_KEY_ARN and
   * OWNERS_STRIPE_WEBHOOK_SECRET_ARN, read at cold start); without them the in-process processor
   * stands in, which a Lambda refuses.
   */
  // Their format is Stripe's to judge: a wrong key fails its first call (PAYMENT.UNAVAILABLE).
  OWNERS_STRIPE_SECRET_KEY: z.optional(text()),
  OWNERS_STRIPE_WEBHOOK_SECRET: z.optional(text()),
  /** The same key read from OWNERS_STRIPE_SECRET_ARN (an alias of OWNERS_STRIPE_SECRET_KEY_ARN). */
  OWNERS_STRIPE_SECRET: z.optional(text()),
  OWNERS_LOG_LEVEL: z._default(z.enum(LOG_LEVELS), "info"),
  /** Set by the Lambda runtime: this process runs in AWS, whatever else the stage says. */
  AWS_LAMBDA_FUNCTION_NAME: z.optional(text()),
});

type ParsedConfig = z.infer<typeof ConfigSchema>;
export type ApiConfig = Omit<ParsedConfig, "OWNERS_CURSOR_SECRET" | "OWNERS_STRIPE_SECRET"> & {
  readonly OWNERS_CURSOR_SECRET: string;
};

/** Only on a developer's machine: never a secret, and never accepted where the code is deployed. */
export const DEV_CURSOR_SECRET = "local-cursor-secret-change-me";

const refuse = (reason: string): never => {
  throw new Error(`invalid API configuration: ${reason}`);
};

/**
 * Dev login signs a token for anyone who asks: its code must be unable to run where the real
 * users are. A Lambda or a Cognito JWKS means a deployment, so dev login with either stops start-up.
 */
const refuseDevLoginOutsideDev = (config: ParsedConfig): void => {
  if (config.OWNERS_DEV_LOGIN !== "on") return;
  if (config.AWS_LAMBDA_FUNCTION_NAME !== undefined)
    refuse("OWNERS_DEV_LOGIN=on cannot run in Lambda (AWS_LAMBDA_FUNCTION_NAME is set)");
  if (config.OWNERS_JWKS_URL !== undefined)
    refuse("OWNERS_DEV_LOGIN=on cannot run with OWNERS_JWKS_URL (a real identity provider)");
};

/**
 * Dev is a developer's machine: dev login, the memory store or a local DynamoDB endpoint, outside
 * Lambda. Anywhere else a cursor secret everyone can read would let clients forge page cursors.
 */
const cursorSecretOf = (config: ParsedConfig): string => {
  if (config.OWNERS_CURSOR_SECRET !== undefined) return config.OWNERS_CURSOR_SECRET;
  const dev =
    config.AWS_LAMBDA_FUNCTION_NAME === undefined &&
    (config.OWNERS_DEV_LOGIN === "on" ||
      config.OWNERS_STORE === "memory" ||
      config.OWNERS_DYNAMODB_ENDPOINT !== undefined);
  return dev ? DEV_CURSOR_SECRET : refuse("set OWNERS_CURSOR_SECRET (required outside dev)");
};

/** Parses the environment; a wrong value stops start-up with every problem named. */
export const readConfig = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): ApiConfig => {
  const parsed = z.safeParse(ConfigSchema, env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`invalid API configuration:\n  ${problems.join("\n  ")}`);
  }
  const config = parsed.data;
  if (config.OWNERS_JWKS_URL === undefined && config.OWNERS_JWT_SECRET === undefined)
    refuse("set OWNERS_JWKS_URL (Cognito) or OWNERS_JWT_SECRET (local)");
  refuseDevLoginOutsideDev(config);
  if (
    (config.OWNERS_ADMIN_JWT_ISSUER === undefined) !==
    (config.OWNERS_ADMIN_JWKS_URL === undefined)
  )
    refuse("set both OWNERS_ADMIN_JWT_ISSUER and OWNERS_ADMIN_JWKS_URL, or neither");
  const { OWNERS_STRIPE_SECRET: aliasKey, ...rest } = config;
  const stripeKey = config.OWNERS_STRIPE_SECRET_KEY ?? aliasKey;
  if ((stripeKey === undefined) !== (config.OWNERS_STRIPE_WEBHOOK_SECRET === undefined))
    refuse("set both OWNERS_STRIPE_SECRET_KEY and OWNERS_STRIPE_WEBHOOK_SECRET, or neither");
  return {
    ...rest,
    OWNERS_CURSOR_SECRET: cursorSecretOf(config),
    ...(stripeKey === undefined ? {} : { OWNERS_STRIPE_SECRET_KEY: stripeKey }),
  };
};
