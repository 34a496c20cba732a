import "reflect-metadata";
import type { BatchProgress } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { finalReport, parseCliArgs, progressLine, USAGE } from "./cli-format.ts";
import { composeBatches } from "./composition.ts";
import { quietAwsSdk, readCliConfig } from "./config.ts";

/** Rewrites one status line on a terminal; elsewhere (CI logs) a line every few seconds. */
const progressPrinter = (started: number) => {
  const tty = process.stdout.isTTY === true;
  // Short runs print only their report; a long one says how far it is every few seconds.
  let lastPrinted = started;
  let shown = false;
  return {
    update: (progress: BatchProgress) => {
      const now = Date.now();
      const line = progressLine(progress, now - started);
      if (tty) {
        process.stdout.write(`\r\u001b[2K${line}`);
        shown = true;
      } else if (now - lastPrinted >= 2_000) {
        console.log(line);
        lastPrinted = now;
      }
    },
    end: () => {
      if (shown) process.stdout.write("\n");
    },
  };
};

const main = async (): Promise<number> => {
  const args = parseCliArgs(process.argv.slice(2));
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  if ("error" in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  const config = readCliConfig();
  if (config.OWNERS_STORE === "memory")
    console.log(
      "memory store: this process starts empty (OWNERS_STORE=dynamodb for pnpm start's data)",
    );
  else
    console.log(
      `DynamoDB ${config.OWNERS_DYNAMODB_ENDPOINT ?? "(AWS)"} table ${config.OWNERS_TABLE}`,
    );
  const batches = composeBatches(config);
  const started = Date.now();
  const progress = progressPrinter(started);
  try {
    const result = await batches.runBatch(
      args.name,
      {
        ...(args.planId === undefined ? {} : { planId: args.planId }),
        ...(args.chunkSize === undefined ? {} : { chunkSize: args.chunkSize }),
      },
      {
        onProgress: progress.update,
        safetyMarginMs: config.OWNERS_BATCH_SAFETY_MARGIN_MS,
        leaseMs: config.OWNERS_BATCH_LEASE_MS,
      },
    )();
    progress.end();
    if (E.isRight(result)) {
      for (const line of finalReport(result.right, Date.now() - started)) console.log(line);
      return 0;
    }
    const error = result.left;
    if (error._tag === "BATCH.LEASE_HELD") {
      console.error(
        `another run holds ${args.name}: ${JSON.stringify(error.details ?? {})}; try again later`,
      );
      return 3;
    }
    console.error(`${args.name} failed: ${error._tag}: ${error.message}`);
    if (error.details !== undefined) console.error(JSON.stringify(error.details));
    return 1;
  } finally {
    batches.close();
  }
};

quietAwsSdk();
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
