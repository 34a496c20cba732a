import { z } from "zod";

/**
 * The API's whole configuration, read from the environment in this one place. Locally `pnpm start`
 * sets these; in AWS the CDK stack does.
 */
const ConfigSchema = z.object({
  OWNERS_STORE: z.enum(["dynamodb", "memory"]).default("memory"),
  OWNERS_TABLE: z.string().min(1).default("owners-local"),
  OWNERS_DYNAMODB_ENDPOINT: z.url().optional(),
  OWNERS_S3_ENDPOINT: z.url().optional(),
  OWNERS_S3_PUBLIC_ENDPOINT: z.url().optional(),
  OWNERS_UPLOADS_BUCKET: z.string().min(1).default("owners-uploads"),
  AWS_REGION: z.string().min(1).default("ap-northeast-1"),
  OWNERS_DEV_LOGIN: z.enum(["on", "off"]).default("off"),
  OWNERS_JWT_SECRET: z.string().min(32).optional(),
  OWNERS_JWT_ISSUER: z.string().min(1).default("owners-local"),
  OWNERS_JWKS_URL: z.url().optional(),
  OWNERS_JWT_AUDIENCE: z.string().optional(),
  OWNERS_CURSOR_SECRET: z.string().min(16).default("local-cursor-secret-change-me"),
  OWNERS_PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(1000),
  OWNERS_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /**
   * EventBridge Scheduler for one-off schedules (an offer's expiry), set by the CDK stack: the
   * stage's group, the role it assumes, the batch Lambda it invokes and its dead-letter queue.
   * Without them one-offs are not made and the periodic expire-offers batch alone acts.
   */
  OWNERS_SCHEDULE_GROUP: z.string().min(1).optional(),
  OWNERS_SCHEDULER_ROLE_ARN: z.string().startsWith("arn:").optional(),
  OWNERS_SCHEDULER_TARGET_ARN: z.string().startsWith("arn:").optional(),
  OWNERS_SCHEDULER_DLQ_ARN: z.string().startsWith("arn:").optional(),
  OWNERS_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
});

export type ApiConfig = z.infer<typeof ConfigSchema>;

/** Parses the environment; a wrong value stops start-up with every problem named. */
export const readConfig = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): ApiConfig => {
  const parsed = ConfigSchema.safeParse(env);
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
