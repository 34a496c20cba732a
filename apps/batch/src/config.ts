import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LOCAL_ANALYTICS_BUCKET, LOCAL_ANALYTICS_SECRET } from "@owners/analytics";
import { LOG_LEVELS } from "@owners/logging";
import { z } from "zod";

/**
 * The batches' configuration, read from the environment in this one place. The store settings
 * are the API's (same variable names and defaults, see apps/api/src/config.ts), so `pnpm start`,
 * `pnpm batch` and the Lambdas all point at the same table.
 */
const ConfigSchema = z.object({
  OWNERS_STORE: z.enum(["dynamodb", "memory"]).default("memory"),
  OWNERS_TABLE: z.string().min(1).default("owners-local"),
  OWNERS_DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default("ap-northeast-1"),
  /** Signs page cursors (and the checkpoints holding them); required outside dev. */
  OWNERS_CURSOR_SECRET: z.string().min(16).optional(),
  /** Where delivered notifications are written (JSON lines), locally; absent in AWS. */
  OWNERS_NOTIFICATIONS_FILE: z.string().min(1).optional(),
  /**
   * Where notifications go: "ses" (email through SES, addresses from the Cognito pool), "file"
   * (OWNERS_NOTIFICATIONS_FILE), "memory" (kept in the process, sent nowhere). Unset: the file
   * when one is named, else the memory store's in-process notifier or, on DynamoDB, no channel.
   */
  OWNERS_NOTIFIER: z.enum(["file", "ses", "memory"]).optional(),
  /** SES FromEmailAddress: a verified identity, `noreply@…` or `Name <noreply@…>`, ASCII only. */
  OWNERS_SES_FROM: z
    .string()
    .regex(/^[\x20-\x7e]+$/, "ASCII only (a non-ASCII display name must be RFC 2047 encoded)")
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "`address` or `Name <address>`")
    .optional(),
  /** Where messages to the platform's admins (payment disputes) are mailed: the operators. */
  OWNERS_ADMINS_EMAIL: z.email().optional(),
  /** The SES configuration set whose event destinations get sends, bounces and complaints. */
  OWNERS_SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The Cognito user pool (`<region>_<id>`) holding each recipient's verified email. */
  OWNERS_USER_POOL_ID: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/, "a user pool id such as ap-northeast-1_AbC123")
    .optional(),
  /**
   * Mail links: the site's origin, the API's public URL (the site's /api by default), the
   * secret that signs one-click unsubscribe tokens (the API's OWNERS_UNSUBSCRIBE_SECRET) and an
   * optional unsubscribe mailbox. Without the site and the secret, mails carry no unsubscribe.
   */
  OWNERS_SITE_URL: z.url().optional(),
  OWNERS_API_URL: z.url().optional(),
  OWNERS_UNSUBSCRIBE_SECRET: z.string().min(16).optional(),
  OWNERS_UNSUBSCRIBE_MAILBOX: z.string().min(3).optional(),
  /** No chunk starts with less than this left of the Lambda's time. */
  OWNERS_BATCH_SAFETY_MARGIN_MS: z.coerce.number().int().min(0).default(60_000),
  /** A run's lease lasts this long unless renewed (after each chunk, and while one runs). */
  OWNERS_BATCH_LEASE_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** S3 endpoint (s3rver locally); absent in AWS. */
  OWNERS_S3_ENDPOINT: z.url().optional(),
  /** export-analytics writes analytics/<table>/dt=YYYY-MM-DD/part-*.parquet here. */
  OWNERS_ANALYTICS_BUCKET: z.string().min(1).default(LOCAL_ANALYTICS_BUCKET),
  /** HMAC key that pseudonymizes personal data in the export; a secret in AWS. */
  OWNERS_ANALYTICS_SECRET: z.string().min(16).default(LOCAL_ANALYTICS_SECRET),
  /**
   * Stripe's secret key (refunds, reconciliation); in AWS read from Secrets Manager through
   * OWNERS_STRIPE_SECRET_KEY_ARN (or its alias OWNERS_STRIPE_SECRET_ARN → OWNERS_STRIPE_SECRET).
   * Without it the in-process gateway stands in, which a Lambda refuses.
   */
  // Not checked for Stripe's format, as in the API: the stack creates the secrets with a
  // placeholder an operator replaces, and the batches that need no processor must still run.
  OWNERS_STRIPE_SECRET_KEY: z.string().min(1).optional(),
  OWNERS_STRIPE_SECRET: z.string().min(1).optional(),
  /** Batches verify no webhooks; accepted so the API's and the batches' environments can match. */
  OWNERS_STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** The same variable and levels as the API's. */
  OWNERS_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** The stage the payment metrics are counted under (set by the stack). */
  OWNERS_STAGE: z.string().min(1).default("local"),
  /**
   * warm-api: the API function whose alias gets provisioned concurrency (set by the stack), the
   * alias, and the stage's most warm instances. Without a function the level is kept in memory.
   */
  OWNERS_WARM_FUNCTION_NAME: z.string().min(1).optional(),
  OWNERS_WARM_ALIAS: z.string().min(1).default("live"),
  OWNERS_WARM_MAX_INSTANCES: z.coerce.number().int().min(0).default(5),
  /** Set by the Lambda runtime: this process runs in AWS. */
  AWS_LAMBDA_FUNCTION_NAME: z.string().min(1).optional(),
});

/** A chosen notification channel must be complete: a half-set one would fail at the first flush. */
const CHANNEL_NEEDS: Readonly<Record<string, readonly (keyof BatchConfig)[]>> = {
  ses: ["OWNERS_SES_FROM", "OWNERS_USER_POOL_ID"],
  file: ["OWNERS_NOTIFICATIONS_FILE"],
};

/** Only on a developer's machine (the API's, so `pnpm start` and `pnpm batch` read each other's cursors). */
export const DEV_CURSOR_SECRET = "local-cursor-secret-change-me";

/**
 * Dev is the memory store or a local DynamoDB endpoint, outside Lambda. Anywhere else a cursor
 * secret everyone can read would let cursors be forged, so it must be set.
 */
const isDev = (config: z.infer<typeof ConfigSchema>): boolean =>
  config.AWS_LAMBDA_FUNCTION_NAME === undefined &&
  (config.OWNERS_STORE === "memory" || config.OWNERS_DYNAMODB_ENDPOINT !== undefined);

const CheckedConfigSchema = ConfigSchema.superRefine((config, ctx) => {
  if (config.OWNERS_CURSOR_SECRET === undefined && !isDev(config))
    ctx.addIssue({
      code: "custom",
      path: ["OWNERS_CURSOR_SECRET"],
      message: "required outside dev (the memory store or a local DynamoDB endpoint)",
    });
  for (const name of CHANNEL_NEEDS[config.OWNERS_NOTIFIER ?? ""] ?? []) {
    if (config[name] === undefined)
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `required with OWNERS_NOTIFIER=${config.OWNERS_NOTIFIER}`,
      });
  }
});

export type BatchConfig = Omit<
  z.infer<typeof ConfigSchema>,
  "OWNERS_CURSOR_SECRET" | "OWNERS_STRIPE_SECRET"
> & {
  readonly OWNERS_CURSOR_SECRET: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** Parses the environment; a wrong value stops start-up with every problem named. */
export const readBatchConfig = (env: Env = process.env): BatchConfig => {
  const parsed = CheckedConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid batch configuration:\n  ${problems.join("\n  ")}`);
  }
  const { OWNERS_STRIPE_SECRET: aliasKey, ...config } = parsed.data;
  const stripeKey = config.OWNERS_STRIPE_SECRET_KEY ?? aliasKey;
  return {
    ...config,
    OWNERS_CURSOR_SECRET: config.OWNERS_CURSOR_SECRET ?? DEV_CURSOR_SECRET,
    ...(stripeKey === undefined ? {} : { OWNERS_STRIPE_SECRET_KEY: stripeKey }),
  };
};

/** The repository root: apps/batch/src is three levels below it. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where `pnpm start` keeps its state, hence its notification file (OWNERS_LOCAL_DIR or .local/). */
const localStateDir = (env: Env) => env.OWNERS_LOCAL_DIR ?? join(REPO_ROOT, ".local");

/**
 * `pnpm batch` runs next to `pnpm start`: unless OWNERS_STORE says otherwise it uses the dynamodb
 * store (a separate process could not reach `pnpm start --memory`'s data anyway), talks to the
 * DynamoDB Local and s3rver that `pnpm start` runs (ports 8000 and 4569 unless they were taken)
 * and writes notifications where `pnpm start` shows them.
 */
export const readCliConfig = (env: Env = process.env): BatchConfig => {
  const store = env.OWNERS_STORE ?? "dynamodb";
  if (store !== "dynamodb") return readBatchConfig(env);
  // The local endpoints go in before parsing: they are what makes this run a dev one.
  return readBatchConfig({
    ...env,
    OWNERS_STORE: store,
    OWNERS_DYNAMODB_ENDPOINT:
      env.OWNERS_DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${env.OWNERS_DYNAMODB_PORT ?? "8000"}`,
    OWNERS_NOTIFICATIONS_FILE:
      env.OWNERS_NOTIFICATIONS_FILE ?? join(localStateDir(env), "notifications.jsonl"),
    OWNERS_S3_ENDPOINT:
      env.OWNERS_S3_ENDPOINT ?? `http://127.0.0.1:${env.OWNERS_S3_PORT ?? "4569"}`,
  });
};

/** The SDK's warning about Node 20 support would be printed on every CLI run. */
export const quietAwsSdk = (env: Record<string, string | undefined> = process.env): void => {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
};
