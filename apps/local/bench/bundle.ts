import { join } from "node:path";
import { buildLambda } from "@owners/api/build";
import { REPO_ROOT } from "../src/config.ts";

export interface BuiltBundle {
  /** The module a Lambda loads (its chunks sit next to it). */
  readonly path: string;
  /** The whole artifact: entry and chunks. */
  readonly bytes: number;
  /** What a cold start reads: the entry and the chunks it imports statically. */
  readonly startupBytes: number;
}

const built = ({ outfile, bytes, startupBytes }: Awaited<ReturnType<typeof buildLambda>>) => ({
  path: outfile,
  bytes,
  startupBytes,
});

/** The API's Lambda bundle, built by the API's own build script into `outdir`. */
export const buildApiLambda = async (outdir: string): Promise<BuiltBundle> =>
  built(await buildLambda({ outdir }));

/**
 * The baseline Lambda (bench/baseline-lambda.ts) built by the same function with the API's own
 * options (size trims and chunk splitting included) into its own folder, measured the same way.
 */
export const buildBaselineLambda = async (outdir: string): Promise<BuiltBundle> =>
  built(
    await buildLambda({
      outdir,
      name: "baseline",
      source: join(REPO_ROOT, "apps/local/bench/baseline-lambda.ts"),
    }),
  );

/** The signed-in reservation's baseline (bench/baseline-auth-lambda.ts), built the same way. */
export const buildBaselineAuthLambda = async (outdir: string): Promise<BuiltBundle> =>
  built(
    await buildLambda({
      outdir,
      name: "baseline",
      source: join(REPO_ROOT, "apps/local/bench/baseline-auth-lambda.ts"),
    }),
  );
