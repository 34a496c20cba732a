import { describe, expect, it } from "vitest";
import { paymentMetricsOf } from "./payment-metrics.ts";

describe("paymentMetricsOf", () => {
  it("counts reconciliation mismatches and declined refunds as embedded metrics, per stage", () => {
    expect(
      paymentMetricsOf("reconcile-payments", { planMismatches: 2, refundsFailed: 1 }, "staging", 7),
    ).toEqual({
      _aws: {
        Timestamp: 7,
        CloudWatchMetrics: [
          {
            Namespace: "Owners/Payments",
            Dimensions: [["Stage"]],
            Metrics: [
              { Name: "ReconciliationMismatch", Unit: "Count" },
              { Name: "RefundFailed", Unit: "Count" },
            ],
          },
        ],
      },
      Stage: "staging",
      ReconciliationMismatch: 2,
      RefundFailed: 1,
    });
    expect(
      paymentMetricsOf("allocate-harvests", { refundFailures: 3, planMismatches: 9 }, "prod", 1),
    ).toMatchObject({
      RefundFailed: 3,
      _aws: { CloudWatchMetrics: [{ Metrics: [{ Name: "RefundFailed" }] }] },
    });
  });

  it("writes nothing when nothing went wrong", () => {
    expect(
      paymentMetricsOf("reconcile-payments", { plansReconciled: 4 }, "prod", 1),
    ).toBeUndefined();
    expect(paymentMetricsOf("close-sales", { closed: 2 }, "prod", 1)).toBeUndefined();
  });
});
