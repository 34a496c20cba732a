/**
 * Bundles `source` (src/lambda.ts by default) into `<outdir>/<name>.mjs` (`lambda` by default) and
 * `<outdir>/chunks/`; resolves with the entry, the bytes of all of it, the bytes a cold start reads
 * and the source files those hold code of.
 */
export declare const buildLambda: (options?: {
  outdir?: string;
  metafile?: boolean;
  name?: string;
  source?: string;
}) => Promise<{
  outfile: string;
  bytes: number;
  startupBytes: number;
  startupInputs: string[];
}>;
