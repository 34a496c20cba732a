import type { BuildOptions, Metafile } from "esbuild";

/** The esbuild options every Lambda of the API is bundled with (size trims included). */
export declare const lambdaBuildOptions: BuildOptions;

/** Bytes of every .mjs file under `dir` (a split bundle: its entry and all its chunks). */
export declare const bundleBytes: (dir: string) => Promise<number>;

/** The outputs a cold start reads: `entry` and the chunks it imports statically, transitively. */
export declare const startupOutputs: (
  metafile: Metafile,
  entry: string,
) => { path: string; bytes: number; inputs: Metafile["outputs"][string]["inputs"] }[];

/**
 * Bundles src/lambda.ts into `<outdir>/lambda.mjs` and `<outdir>/chunks/`; resolves with the entry,
 * the bytes of all of it, the bytes a cold start reads and the source files those hold code of.
 */
export declare const buildLambda: (options?: { outdir?: string; metafile?: boolean }) => Promise<{
  outfile: string;
  bytes: number;
  startupBytes: number;
  startupInputs: string[];
}>;
