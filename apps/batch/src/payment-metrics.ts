/** What the stack's payment alarms watch (apps/infra constructs/payment-metrics.ts). */
export const PAYMENT_METRICS = {
  namespace: "Owners/Payments",
  reconciliationMismatch: "ReconciliationMismatch",
  refundFailed: "RefundFailed",
} as const;

/**
 * The CloudWatch embedded-metric document of one batch invocation's payment troubles, or none: a
 * plan whose ledger and processor disagree (reconcile-payments' `planMismatches`) and refunds the
 * processor declined (`refundsFailed` of the refund batches, `refundFailures` of shortfall
 * settlement). Logged as a JSON line, Lambda's log agent turns it into metrics, so the alarms need
 * no metric filter and no PutMetricData call.
 */
export const paymentMetricsOf = (
  batch: string,
  counts: Readonly<Record<string, number>>,
  stage: string,
  at: number,
): Record<string, unknown> | undefined => {
  const values: [string, number][] = [
    [
      PAYMENT_METRICS.reconciliationMismatch,
      batch === "reconcile-payments" ? (counts.planMismatches ?? 0) : 0,
    ],
    [PAYMENT_METRICS.refundFailed, (counts.refundsFailed ?? 0) + (counts.refundFailures ?? 0)],
  ];
  const seen = values.filter(([, n]) => n > 0);
  if (seen.length === 0) return undefined;
  return {
    _aws: {
      Timestamp: at,
      CloudWatchMetrics: [
        {
          Namespace: PAYMENT_METRICS.namespace,
          Dimensions: [["Stage"]],
          Metrics: seen.map(([name]) => ({ Name: name, Unit: "Count" })),
        },
      ],
    },
    Stage: stage,
    ...Object.fromEntries(seen),
  };
};
