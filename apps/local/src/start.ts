/**
 * `pnpm start`: the whole platform on this machine. `--memory` runs it on the in-memory adapters
 * (no Java). Ctrl-C (SIGINT) or SIGTERM stops every part, the DynamoDB Local JVM included.
 */
import type { BatchRunReport } from "@owners/app";
import { createLogger } from "@owners/logging";
import { banner } from "./banner.ts";
import { quietAwsSdkWarnings, readLocalConfig } from "./config.ts";
import { type LocalStack, startLocalStack } from "./stack.ts";
import { WEB_DIST_DIR } from "./web-server.ts";

const config = readLocalConfig();
quietAwsSdkWarnings();
const batchLog = createLogger({ service: "owners-batch" });
/** A failure's code or type, never its message (it may quote a person). */
const errorCode = (error: unknown): string =>
  typeof error === "object" && error !== null && "_tag" in error
    ? String(error._tag)
    : error instanceof Error
      ? error.name
      : "unknown";

let stack: LocalStack | undefined;
/** When the first stop signal came (undefined while running). */
let stoppingSince: number | undefined;
/**
 * One Ctrl-C reaches this process twice: from the terminal (the whole foreground group) and
 * forwarded by pnpm. A repeat this soon is that copy, not an impatient second Ctrl-C.
 */
const FORWARDED_COPY_MS = 1000;

const shutdown = async (signal: string) => {
  if (stoppingSince !== undefined) {
    if (Date.now() - stoppingSince < FORWARDED_COPY_MS) return;
    console.error(`\n${signal} again: exiting now`);
    process.exit(130);
  }
  stoppingSince = Date.now();
  console.log(`\n${signal}: stopping the scheduler, the API and the engines...`);
  try {
    await stack?.stop();
    console.log("stopped.");
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  console.log(
    config.store === "memory"
      ? "starting OWNERS on the in-memory adapters..."
      : "starting DynamoDB Local (Java) and s3rver, then OWNERS...",
  );
  stack = await startLocalStack({
    store: config.store,
    apiPort: config.apiPort,
    web: { port: config.webPort, distDir: WEB_DIST_DIR },
    dynamoPort: config.dynamoPort,
    s3Port: config.s3Port,
    stateDir: config.stateDir,
    tableName: config.tableName,
    uploadsBucket: config.uploadsBucket,
    jwtSecret: config.jwtSecret,
    ...(config.stripe === undefined ? {} : { stripe: config.stripe }),
    seed: true,
    schedule: true,
    logLevel: "info",
    // The batches log as in AWS (the shared logger, one JSON line a run), runs that did nothing
    // left out so the scheduler's every-minute ticks stay quiet.
    onBatchReport: (batch, report) => {
      const { runId, outcome, counts } = report as Partial<BatchRunReport>;
      if (Object.values(counts ?? {}).some((n) => n > 0))
        batchLog.info({ batch, runId, status: outcome, counts }, "batch");
    },
    onBatchError: (batch, error) =>
      batchLog.error({ batch, status: "failed", error: errorCode(error) }, "batch"),
  });
  if (stoppingSince !== undefined) await stack.stop();
  else
    console.log(
      banner({
        store: stack.store,
        apiUrl: stack.apiUrl,
        ...(stack.webUrl === undefined ? {} : { webUrl: stack.webUrl }),
        notificationsPath: stack.notificationsPath,
        payments: stack.payments.processor === undefined ? "stripe" : "local",
        ...(stack.engines === undefined
          ? {}
          : {
              dynamoEndpoint: stack.engines.dynamo.endpoint,
              s3Endpoint: stack.engines.s3.endpoint,
            }),
        ...(stack.seed === undefined ? {} : { seed: stack.seed }),
      }),
    );
} catch (error) {
  console.error("OWNERS could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
