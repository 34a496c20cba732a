import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: apps/local/src is three levels below it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Everything `pnpm start` keeps between runs (ignored by git). */
export const localStateDir = (root: string = REPO_ROOT) => join(root, ".local");

export type StoreMode = "dynamodb" | "memory";

/** What `pnpm start` needs to know; the one place apps/local reads the environment. */
export interface LocalConfig {
  readonly store: StoreMode;
  /** The API's port (PORT, 3000 by default). */
  readonly apiPort: number;
  /** The web site's port (WEB_PORT, 5173 by default); a free one is used when it is taken. */
  readonly webPort: number;
  /** DynamoDB Local's preferred port (8000 by default); a free one is used when it is taken. */
  readonly dynamoPort: number;
  /** s3rver's preferred port (4569 by default); a free one is used when it is taken. */
  readonly s3Port: number;
  /** Where DynamoDB data, S3 objects and the notification file live. */
  readonly stateDir: string;
  readonly tableName: string;
  readonly uploadsBucket: string;
  /** Signs dev-login tokens; fixed locally so tokens outlive a restart. */
  readonly jwtSecret: string;
  /**
   * Stripe's test mode instead of the local processor, when both OWNERS_STRIPE_SECRET_KEY and
   * OWNERS_STRIPE_WEBHOOK_SECRET are set (the latter from `stripe listen`).
   */
  readonly stripe?: { readonly secretKey: string; readonly webhookSecret: string };
}

/** Both Stripe keys or neither: one alone is a mistake worth stopping for. */
const stripeKeys = (env: Readonly<Record<string, string | undefined>>) => {
  const secretKey = env.OWNERS_STRIPE_SECRET_KEY || undefined;
  const webhookSecret = env.OWNERS_STRIPE_WEBHOOK_SECRET || undefined;
  if (secretKey === undefined && webhookSecret === undefined) return {};
  if (secretKey === undefined || webhookSecret === undefined)
    throw new Error(
      "set both OWNERS_STRIPE_SECRET_KEY and OWNERS_STRIPE_WEBHOOK_SECRET, or neither",
    );
  if (!/^(sk|rk)_test_/.test(secretKey))
    throw new Error("OWNERS_STRIPE_SECRET_KEY must be a test-mode key (sk_test_… or rk_test_…)");
  return { stripe: { secretKey, webhookSecret } };
};

const port = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535)
    throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  return parsed;
};

export const LOCAL_JWT_SECRET = "owners-local-dev-login-secret-not-for-production";

/** Reads `--memory` from the arguments and the ports from the environment. */
export const readLocalConfig = (
  argv: readonly string[] = process.argv.slice(2),
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocalConfig => {
  const unknown = argv.filter((arg) => arg !== "--memory" && arg !== "--");
  if (unknown.length > 0)
    throw new Error(`unknown argument(s): ${unknown.join(" ")} (try --memory)`);
  return {
    store: argv.includes("--memory") ? "memory" : "dynamodb",
    apiPort: port(env.PORT, 3000, "PORT"),
    webPort: port(env.WEB_PORT, 5173, "WEB_PORT"),
    dynamoPort: port(env.OWNERS_DYNAMODB_PORT, 8000, "OWNERS_DYNAMODB_PORT"),
    s3Port: port(env.OWNERS_S3_PORT, 4569, "OWNERS_S3_PORT"),
    stateDir: env.OWNERS_LOCAL_DIR ?? localStateDir(),
    tableName: "owners-local",
    uploadsBucket: "owners-uploads",
    jwtSecret: env.OWNERS_JWT_SECRET ?? LOCAL_JWT_SECRET,
    ...stripeKeys(env),
  };
};

/** The AWS SDK warns on every client that Node 20 support ends; the local tools silence it. */
export const quietAwsSdkWarnings = (
  env: Record<string, string | undefined> = process.env,
): void => {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
};
