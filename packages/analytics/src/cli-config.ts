import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LOCAL_ANALYTICS_BUCKET } from "./defaults.ts";

type Env = Readonly<Record<string, string | undefined>>;

/** The repository root: packages/analytics/src is three levels below it. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Where `pnpm analytics` finds the exported files: the local S3 (s3rver) folder of the analytics
 * bucket that `pnpm start` keeps under OWNERS_LOCAL_DIR (default .local/), unless --dir says.
 */
export const defaultAnalyticsRoot = (env: Env = process.env): string =>
  join(
    env.OWNERS_LOCAL_DIR ?? join(REPO_ROOT, ".local"),
    "s3",
    env.OWNERS_ANALYTICS_BUCKET ?? LOCAL_ANALYTICS_BUCKET,
  );
