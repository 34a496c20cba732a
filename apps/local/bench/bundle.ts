import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { lambdaBuildOptions } from "@owners/api/build";
import { build } from "esbuild";
import { REPO_ROOT } from "../src/config.ts";

export interface BuiltBundle {
  readonly path: string;
  readonly bytes: number;
}

/** The API's Lambda bundle, built by the API's own build script into `outdir`. */
export const buildApiLambda = (outdir: string): BuiltBundle => {
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, "apps/api/scripts/build.mjs"), "--outdir", outdir],
    {
      stdio: "ignore",
    },
  );
  const path = join(outdir, "lambda.mjs");
  return { path, bytes: statSync(path).size };
};

/** The baseline Lambda (bench/baseline-lambda.ts) bundled with the API's own options, size trims included. */
export const buildBaselineLambda = async (outdir: string): Promise<BuiltBundle> => {
  const path = join(outdir, "baseline.mjs");
  await build({
    ...lambdaBuildOptions,
    entryPoints: [join(REPO_ROOT, "apps/local/bench/baseline-lambda.ts")],
    outfile: path,
  });
  return { path, bytes: statSync(path).size };
};
