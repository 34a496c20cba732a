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
import { Topic } from "aws-cdk-lib/aws-sns";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

export interface OwnersAlarmsProps {
  readonly prefix: string;
  readonly httpApi: HttpApi;
  readonly apiFunction: LambdaFunction;
  readonly batchFunctions: ReadonlyMap<string, LambdaFunction>;
  readonly oneOffFunction: LambdaFunction;
  readonly table: Table;
  readonly deadLetterQueue: IQueue;
  readonly apiP99LatencyMs: number;
}

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
