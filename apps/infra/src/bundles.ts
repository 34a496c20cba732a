import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildLambda } from "@owners/api/build";
import type { LambdaBundles } from "./owners-stack.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** apps/batch's own build (its package exports no build entry, so it is run as a script). */
const BATCH_BUILD = join(REPO_ROOT, "apps/batch/scripts/build.mjs");

/**
 * Bundles the Lambdas into `root/api`, `root/batch` and `root/identity` (the Cognito trigger)
 * with each app's own build script: the artifact deployed is the one the apps' tests and
 * benchmarks measure (the API's split ESM bundle, trims included), which NodejsFunction's
 * single-file options could not reproduce. The three builds run side by side.
 */
export const buildBundles = async (root: string): Promise<LambdaBundles> => {
  const bundles = {
    api: join(root, "api"),
    batch: join(root, "batch"),
    identity: join(root, "identity"),
  };
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await Promise.all([
    buildLambda({ outdir: bundles.api }),
    promisify(execFile)(process.execPath, [BATCH_BUILD, "--outdir", bundles.batch]),
    // The Cognito post-confirmation trigger: its own small bundle, with the API's build options.
    buildLambda({
      outdir: bundles.identity,
      name: "post-confirmation",
      source: join(REPO_ROOT, "apps/api/src/cognito/post-confirmation.ts"),
    }),
  ]);
  return bundles;
};
