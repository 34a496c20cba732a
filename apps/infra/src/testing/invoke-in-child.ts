import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

export interface Invocation {
  /** The module's export to call (`handler`, `closeSales`, …). */
  readonly handler: string;
  readonly event: unknown;
}

export interface ChildResult {
  /** The exports of the module, by name, with their `typeof`. */
  readonly exports: Record<string, string>;
  readonly results: unknown[];
}

/**
 * Loads `<dir>/lambda.mjs` (or `entry`) in a fresh Node process with only `env` (and PATH), as the Lambda
 * runtime would import it, calls the handlers in turn with a Lambda-like context and writes what
 * they returned to a file (stdout is the functions' log). Nothing of this test process (its module cache, vitest's transforms) is shared.
 */
const CHILD = `
import { writeFileSync } from "node:fs";
const [url, invocations, out] = [process.argv[1], JSON.parse(process.argv[2]), process.argv[3]];
const mod = await import(url);
const context = {
  awsRequestId: "req-1", functionName: "owners-test", functionVersion: "$LATEST",
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 60000,
};
const results = [];
for (const { handler, event } of invocations) results.push(await mod[handler](event, context));
const exports = Object.fromEntries(Object.entries(mod).map(([k, v]) => [k, typeof v]));
writeFileSync(out, JSON.stringify({ exports, results }));
`;

export const invokeInChild = async (
  dir: string,
  env: Readonly<Record<string, string>>,
  invocations: readonly Invocation[],
  entry = "lambda.mjs",
): Promise<ChildResult> => {
  const scratch = await mkdtemp(join(tmpdir(), "owners-invoke-"));
  const out = join(scratch, "result.json");
  try {
    await promisify(execFile)(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        CHILD,
        pathToFileURL(join(dir, entry)).href,
        JSON.stringify(invocations),
        out,
      ],
      { env: { PATH: process.env.PATH ?? "", ...env }, cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(await readFile(out, "utf8")) as ChildResult;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
