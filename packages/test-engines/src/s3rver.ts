import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { freePort } from "./free-port.ts";

export interface RunningS3rver {
  readonly endpoint: string;
  readonly port: number;
  /** Where s3rver keeps objects: `<directory>/<bucket>/<key>._S3rver_object`. */
  readonly directory: string;
  stop(): Promise<void>;
}

/** s3rver accepts only this access key pair. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface S3rverOptions {
  /** Keep objects here; a fresh temporary folder (removed on stop) when absent. */
  readonly directory?: string;
  readonly port?: number;
  readonly buckets?: readonly string[];
}

/** Starts s3rver on a free loopback port. It checks neither signatures nor POST policies. */
export const startS3rver = async (options: S3rverOptions = {}): Promise<RunningS3rver> => {
  const port = options.port ?? (await freePort());
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), "owners-s3rver-"));
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    directory,
    stop: async () => {
      await server.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
};
