import { Duration } from "aws-cdk-lib";
import { Metric } from "aws-cdk-lib/aws-cloudwatch";
import { FilterPattern, type ILogGroup, MetricFilter } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { WEBHOOK_ROUTE_KEYS } from "./api.ts";

/**
 * The metrics the payment code writes as CloudWatch embedded metric format (EMF) log lines: one
 * JSON line `{"_aws":{"Timestamp":<ms>,"CloudWatchMetrics":[{"Namespace":"Owners/Payments",
 * "Dimensions":[["Stage"]],"Metrics":[{"Name":"ReconciliationMismatch","Unit":"Count"}]}]},
 * "Stage":"<OWNERS_STAGE>","ReconciliationMismatch":1}` per event. Lambda's log agent turns it into
 * the metric; the Stage dimension (the function's OWNERS_STAGE) keeps stages sharing an account apart.
 */
export const PAYMENT_METRICS = {
  namespace: "Owners/Payments",
  stageDimension: "Stage",
  /** reconcile-payments: the ledger and the processor disagree about one plan (count of plans). */
  reconciliationMismatch: "ReconciliationMismatch",
  /** A refund the processor declined or that could not be sent (owner or plan cancellation). */
  refundFailed: "RefundFailed",
} as const;

/** One EMF metric of a stage, summed over `period`. */
export const paymentMetric = (stage: string, metricName: string, period: Duration): Metric =>
  new Metric({
    namespace: PAYMENT_METRICS.namespace,
    metricName,
    dimensionsMap: { [PAYMENT_METRICS.stageDimension]: stage },
    statistic: "Sum",
    period,
  });

/** The access log lines of the webhook routes whose status starts with `statusDigit`. */
export const webhookStatusPattern = (statusDigit: "4" | "5") =>
  FilterPattern.all(
    FilterPattern.any(
      ...WEBHOOK_ROUTE_KEYS.map((key) => FilterPattern.stringValue("$.routeKey", "=", key)),
    ),
    FilterPattern.stringValue("$.status", "=", `${statusDigit}*`),
  );

/**
 * Webhook answers by class, counted from the API's access log (API Gateway's own metrics are per
 * API, not per route). A 4xx is a bad signature (a wrong webhook secret after a rotation fails
 * every event) or a malformed body; a 5xx an event the app could not act on (the processor retries).
 */
export const webhookResponses = (
  scope: Construct,
  id: string,
  accessLogs: ILogGroup,
  prefix: string,
  statusDigit: "4" | "5",
  period: Duration = Duration.minutes(5),
): Metric => {
  const filter = new MetricFilter(scope, id, {
    logGroup: accessLogs,
    filterPattern: webhookStatusPattern(statusDigit),
    metricNamespace: PAYMENT_METRICS.namespace,
    // The log group is the stage's own; the name keeps stages sharing an account apart.
    metricName: `${prefix}-webhook-${statusDigit}xx`,
    metricValue: "1",
  });
  return filter.metric({ statistic: "Sum", period });
};
