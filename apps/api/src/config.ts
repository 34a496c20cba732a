import { LOG_LEVELS } from "@owners/logging";
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
  OWNERS_CURSOR_SECRET: z._default(text(16), "local-cursor-secret-change-me"),
  /** Set in AWS: the API answers only requests with CloudFront's origin header (http/origin-guard.ts). */
  OWNERS_ORIGIN_SECRET: z.optional(text(32)),
  OWNERS_PLATFORM_FEE_BPS: z._default(
    z.coerce.number().check(z.int(), z.gte(0), z.lte(10_000)),
    1000,
  ),
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
  OWNERS_LOG_LEVEL: z._default(z.enum(LOG_LEVELS), "info"),
});

export type ApiConfig = z.infer<typeof ConfigSchema>;

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
  if (config.OWNERS_JWKS_URL === undefined && config.OWNERS_JWT_SECRET === undefined) {
    throw new Error(
      "invalid API configuration: set OWNERS_JWKS_URL (Cognito) or OWNERS_JWT_SECRET (local)",
    );
  }
  return config;
};
