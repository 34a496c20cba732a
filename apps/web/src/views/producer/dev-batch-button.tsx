import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { queryKeys } from "../../queries/query-keys";

/** Local only: runs a batch now with a dev-login admin token, as the scheduler would later. */
export const DevBatchButton = ({
  plan,
  batch,
  label,
}: {
  plan: Plan;
  batch: "allocate-harvests" | "schedule-shipments" | "refund-cancelled-plans" | "deliver-parcels";
  label: string;
}) => {
  const { t } = useI18n();
  const { api, devLogin } = useApp();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async () => {
      const adminToken = await devLogin("admin-local-dev", "admin", "local dev");
      return call(
        api.POST("/admin/batches/{name}", {
          params: { path: { name: batch } },
          body: { planId: plan.id },
          headers: { authorization: `Bearer ${adminToken}` },
        }),
      );
    },
    // What these batches change: the plan's status, its lots, allocations and shipments, and the
    // money (refunds, credits) in the producer's summary.
    onSuccess: () =>
      Promise.all([
        invalidatePlan(queryClient, plan.id),
        ...[
          queryKeys.harvests,
          queryKeys.allocations,
          queryKeys.shipments,
          queryKeys.refundProgress,
          queryKeys.planMoney,
        ].map((key) => queryClient.invalidateQueries({ queryKey: key(plan.id) })),
        queryClient.invalidateQueries({ queryKey: queryKeys.producerSummary() }),
      ]),
  });
  const report = run.data;
  const counts = report
    ? Object.entries(report.counts)
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${what} ${n}`)
        .join(", ")
    : "";
  return (
    <div className="dev-action">
      <button type="button" className="dev" disabled={run.isPending} onClick={() => run.mutate()}>
        {label}
      </button>
      {report && (
        <p className="success" role="status">
          {t("producer.batchDone", { counts: counts || "-" })}
        </p>
      )}
      <ErrorMessage error={run.error} />
    </div>
  );
};
