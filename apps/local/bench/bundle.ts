import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { buildLambda, bundleBytes, lambdaBuildOptions, startupOutputs } from "@owners/api/build";
import { build } from "esbuild";
import { REPO_ROOT } from "../src/config.ts";

export interface BuiltBundle {
  /** The module a Lambda loads (its chunks sit next to it). */
  readonly path: string;
  /** The whole artifact: entry and chunks. */
  readonly bytes: number;
  /** What a cold start reads: the entry and the chunks it imports statically. */
  readonly startupBytes: number;
}

/** The API's Lambda bundle, built by the API's own build script into `outdir`. */
export const buildApiLambda = async (outdir: string): Promise<BuiltBundle> => {
  const { outfile, bytes, startupBytes } = await buildLambda({ outdir });
  return { path: outfile, bytes, startupBytes };
};

/**
 * The baseline Lambda (bench/baseline-lambda.ts) bundled with the API's own options (size trims
 * and chunk splitting included) into its own folder, measured the same way.
 */
export const buildBaselineLambda = async (outdir: string): Promise<BuiltBundle> => {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const { metafile } = await build({
    ...lambdaBuildOptions,
    entryPoints: { baseline: join(REPO_ROOT, "apps/local/bench/baseline-lambda.ts") },
    outdir,
    metafile: true,
  });
  const path = join(outdir, "baseline.mjs");
  const startup = startupOutputs(metafile, path);
  return {
    path,
    bytes: await bundleBytes(outdir),
    startupBytes: startup.reduce((sum, output) => sum + output.bytes, 0),
  };
};
