import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { buildLambda, bundleBytes, lambdaBuildOptions } from "@owners/api/build";
import { build } from "esbuild";
import { REPO_ROOT } from "../src/config.ts";

export interface BuiltBundle {
  /** The module a Lambda loads (its chunks sit next to it). */
  readonly path: string;
  /** The whole artifact: entry and chunks. */
  readonly bytes: number;
}

/** The API's Lambda bundle, built by the API's own build script into `outdir`. */
export const buildApiLambda = async (outdir: string): Promise<BuiltBundle> => {
  const { outfile, bytes } = await buildLambda({ outdir });
  return { path: outfile, bytes };
};

/**
 * The baseline Lambda (bench/baseline-lambda.ts) bundled with the API's own options (size trims
 * and chunk splitting included) into its own folder, measured the same way.
 */
export const buildBaselineLambda = async (outdir: string): Promise<BuiltBundle> => {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    ...lambdaBuildOptions,
    entryPoints: { baseline: join(REPO_ROOT, "apps/local/bench/baseline-lambda.ts") },
    outdir,
  });
  return { path: join(outdir, "baseline.mjs"), bytes: await bundleBytes(outdir) };
};
