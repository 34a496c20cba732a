import { execFile } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../src/config.ts";

export interface ColdStart {
  readonly ms: number;
  /** Of `ms`, the import of the bundle (the rest is the first answer). */
  readonly importMs: number;
  readonly status: number;
}

/** e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles every start. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter((arg) => arg !== "");

const CHILD = join(REPO_ROOT, "apps/local/bench/init-child.mjs");

/**
 * One fresh Node process imports `bundle` and answers `event`; the time is measured inside the
 * child from just before the import to the answer (Node's own boot, the same for every bundle,
 * is left out).
 */
export const coldStart = (
  bundle: string,
  event: unknown,
  env: Readonly<Record<string, string>>,
): Promise<ColdStart> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...NODE_ARGS, CHILD, bundle, JSON.stringify(event)],
      {
        env: {
          PATH: process.env.PATH ?? "",
          ...env,
        },
        timeout: 60_000,
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => {
        if (error !== null) return reject(new Error(`${error.message}\n${stderr}`));
        // The bundle may log to stdout too: the child's own line is the last one.
        const last = stdout.trim().split("\n").at(-1) ?? "";
        try {
          resolve(JSON.parse(last) as ColdStart);
        } catch {
          reject(new Error(`unexpected child output: ${stdout}\n${stderr}`));
        }
      },
    );
  });
