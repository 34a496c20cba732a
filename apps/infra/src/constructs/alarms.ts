import { Duration } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Operation, type Table } from "aws-cdk-lib/aws-dynamodb";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import type { ILogGroup } from "aws-cdk-lib/aws-logs";
import { Topic } from "aws-cdk-lib/aws-sns";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { PAYMENT_METRICS, paymentMetric, webhookResponses } from "./payment-metrics.ts";

export interface OwnersAlarmsProps {
  readonly prefix: string;
  readonly httpApi: HttpApi;
  readonly apiFunction: LambdaFunction;
  readonly batchFunctions: ReadonlyMap<string, LambdaFunction>;
  readonly oneOffFunction: LambdaFunction;
  readonly table: Table;
  readonly deadLetterQueue: IQueue;
  readonly apiP99LatencyMs: number;
  /** The API's access log: webhook answers are counted from it. */
  readonly apiAccessLogs: ILogGroup;
  /** The Stage dimension of the payment metrics (the functions' OWNERS_STAGE). */
  readonly stage: string;
}

/** Webhook 4xx answers in 5 minutes that page: a wrong webhook secret fails every event. */
export const WEBHOOK_4XX_THRESHOLD = 10;
/** Webhook 5xx answers in 5 minutes that page (the processor retries, payments wait). */
export const WEBHOOK_5XX_THRESHOLD = 3;

const FIVE_MINUTES = Duration.minutes(5);

/** Operations the adapters send, whose throttling is summed into one alarm. */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.SCAN,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * What pages someone: every alarm goes to one SNS topic (OK too, so a recovery is seen). The
 * topic is where Slack is wired (AWS Chatbot subscribes to it; see the README).
 */
export class OwnersAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OwnersAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, "Topic", {
      topicName: `${props.prefix}-alarms`,
      displayName: `OWNERS ${props.prefix} alarms`,
      enforceSSL: true,
    });
    const action = new SnsAction(this.topic);
    const alarm = (
      id: string,
      metric: IMetric,
      threshold: number,
      description: string,
      evaluationPeriods = 1,
    ): Alarm => {
      const made = new Alarm(this, id, {
        alarmName: `${props.prefix}-${id}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic (or no batch run) is not a failure.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      made.addAlarmAction(action);
      made.addOkAction(action);
      this.alarms.push(made);
      return made;
    };

    const api = props.httpApi;
    alarm(
      "api-5xx-rate",
      new MathExpression({
        label: "5xx %",
        expression: "IF(requests >= 20, 100 * errors / requests, 0)",
        usingMetrics: {
          errors: api.metricServerError({ period: FIVE_MINUTES, statistic: "Sum" }),
          requests: api.metricCount({ period: FIVE_MINUTES, statistic: "Sum" }),
        },
        period: FIVE_MINUTES,
      }),
      1,
      "More than 1% of API requests answered 5xx over 5 minutes (with at least 20 requests)",
    );
    alarm(
      "api-p99-latency",
      api.metricLatency({ period: FIVE_MINUTES, statistic: "p99" }),
      props.apiP99LatencyMs,
      `API p99 latency at or above ${props.apiP99LatencyMs} ms for 15 minutes`,
      3,
    );
    alarm(
      "api-function-errors",
      props.apiFunction.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }),
      5,
      "The API function threw (not an HTTP error: a crash or a timeout) 5+ times in 5 minutes",
    );
    alarm(
      "api-function-throttles",
      props.apiFunction.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }),
      1,
      "The API function was throttled: the account's concurrency is exhausted",
    );
    const batches: [string, LambdaFunction][] = [
      ...props.batchFunctions.entries(),
      ["one-off", props.oneOffFunction],
    ];
    for (const [name, fn] of batches) {
      alarm(
        `batch-${name}-failures`,
        fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }),
        1,
        `The ${name} batch failed (it is retried from its checkpoint; failures for good go to the DLQ)`,
      );
      alarm(
        `batch-${name}-throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }),
        1,
        `The ${name} batch was throttled: a run is still going when the next one is due`,
      );
    }
    alarm(
      "table-throttled-requests",
      props.table.metricThrottledRequestsForOperations({
        operations: TABLE_OPERATIONS,
        period: FIVE_MINUTES,
      }),
      1,
      "DynamoDB throttled requests (on-demand still throttles a hot partition)",
    );
    // Money (issue 14): the processor's webhooks, reconciliation and refunds.
    alarm(
      "payments-webhook-4xx",
      webhookResponses(this, "Webhook4xx", props.apiAccessLogs, props.prefix, "4"),
      WEBHOOK_4XX_THRESHOLD,
      `${WEBHOOK_4XX_THRESHOLD}+ webhook calls refused (4xx) in 5 minutes: a wrong webhook secret, or someone probing`,
    );
    alarm(
      "payments-webhook-5xx",
      webhookResponses(this, "Webhook5xx", props.apiAccessLogs, props.prefix, "5"),
      WEBHOOK_5XX_THRESHOLD,
      `${WEBHOOK_5XX_THRESHOLD}+ webhook events failed (5xx) in 5 minutes: the processor retries, payments wait`,
    );
    alarm(
      "payments-reconciliation-mismatch",
      paymentMetric(props.stage, PAYMENT_METRICS.reconciliationMismatch, Duration.hours(1)),
      1,
      "reconcile-payments found the ledger and the processor disagreeing (GET /admin/reconciliation lists them)",
    );
    alarm(
      "payments-refund-failed",
      paymentMetric(props.stage, PAYMENT_METRICS.refundFailed, Duration.minutes(15)),
      1,
      "A refund was declined or could not be sent (it is retried; the owner is still owed it)",
    );
    alarm(
      "batch-dlq-depth",
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: "Maximum",
      }),
      1,
      "A batch invocation failed for good: read the message in the dead-letter queue",
    );
  }
}
