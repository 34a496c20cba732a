import { type AppError, type BatchName, type BatchRunReport, parseBatchInput } from "@owners/app";
import type { Logger } from "@owners/logging";
import * as E from "fp-ts/lib/Either.js";
import type { RunBatch } from "./composition.ts";
import { paymentMetricsOf } from "./payment-metrics.ts";

/** What EventBridge Scheduler sends (the Scheduler port's BatchInvocation): `{ batch, input? }`. */
export interface SchedulerEvent {
  readonly batch?: string;
  readonly input?: Readonly<Record<string, unknown>>;
}

/** The part of Lambda's context a batch needs. */
export interface LambdaContextLike {
  readonly awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

export type BatchHandlerResult =
  | (BatchRunReport & { readonly status: BatchRunReport["outcome"] })
  | {
      readonly status: "lease-held";
      readonly batch: string;
      readonly details?: Readonly<Record<string, unknown>>;
    };

export type BatchHandler = (
  event: SchedulerEvent | undefined,
  context: LambdaContextLike,
) => Promise<BatchHandlerResult>;

export interface HandlerOptions {
  readonly safetyMarginMs: number;
  readonly leaseMs: number;
  /**
   * The shared logger (@owners/logging): one line per invocation, naming the batch, its run and
   * the Lambda request; codes and counts only, never an error's message (it may quote a person).
   */
  readonly logger: Logger;
  /** The stage the payment metrics are counted under (OWNERS_STAGE); "local" by default. */
  readonly stage?: string;
}

/** A failed run: thrown so that Lambda records the failure and the scheduler retries. */
export class BatchFailure extends Error {
  constructor(readonly error: AppError) {
    super(`${error._tag}: ${error.message}`);
    this.name = "BatchFailure";
  }
}

/**
 * The Lambda handler of one batch (or, without `batch`, of the one the event names). It runs the
 * batch until done or until less than the safety margin of the Lambda's time is left, and returns
 * the report; the next invocation resumes a paused run. Another invocation already running the
 * same batch on the same scope is not a failure: this one backs off and says so (a retry would
 * only back off again). Any other failure is thrown, for Lambda's and the scheduler's retries,
 * which resume from the checkpoint.
 */
export const makeBatchHandler =
  (run: RunBatch, options: HandlerOptions) =>
  (batch?: BatchName): BatchHandler =>
  async (event, context) => {
    const name = batch ?? event?.batch ?? "";
    const log = options.logger.child({ batch: name, requestId: context.awsRequestId });
    if (batch !== undefined && event?.batch !== undefined && event.batch !== batch)
      throw new Error(`the ${batch} handler was invoked for ${event.batch}`);
    const input = parseBatchInput(event?.input);
    if (E.isLeft(input)) throw new BatchFailure(input.left);
    const started = Date.now();
    const result = await run(name, input.right, {
      owner: context.awsRequestId,
      remainingTimeMs: () => context.getRemainingTimeInMillis(),
      safetyMarginMs: options.safetyMarginMs,
      leaseMs: options.leaseMs,
    })();
    const ms = Date.now() - started;
    if (E.isLeft(result)) {
      if (result.left._tag === "BATCH.LEASE_HELD") {
        log.info({ status: "lease-held", ms, details: result.left.details }, "batch");
        return {
          status: "lease-held",
          batch: name,
          ...(result.left.details === undefined ? {} : { details: result.left.details }),
        };
      }
      log.error({ status: "failed", ms, error: result.left._tag }, "batch");
      throw new BatchFailure(result.left);
    }
    const report = result.right;
    log.info(
      {
        runId: report.runId,
        status: report.outcome,
        ms,
        scope: report.scope,
        chunks: report.chunksThisInvocation,
        counts: report.counts,
        problems: report.problems.length,
      },
      "batch",
    );
    const metrics = paymentMetricsOf(name, report.counts, options.stage ?? "local", Date.now());
    if (metrics !== undefined) log.info(metrics, "payment-metrics");
    return { status: report.outcome, ...report };
  };
