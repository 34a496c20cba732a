import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { queryKeys } from "../../queries/query-keys";

/**
 * The producer declares the harvest complete: no lot after it, and the shortfall is settled once
 * from the final allocation (refunds and credit written and paid). Also done when the delivery
 * window ends; a repeat changes nothing.
 */
export const CompleteHarvestButton = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const complete = useMutation({
    mutationFn: () =>
      call(api.POST("/plans/{id}/harvest-complete", { params: { path: { id: plan.id } } })),
    onSuccess: () =>
      Promise.all([
        invalidatePlan(queryClient, plan.id),
        ...[queryKeys.harvests, queryKeys.allocations].map((key) =>
          queryClient.invalidateQueries({ queryKey: key(plan.id) }),
        ),
        queryClient.invalidateQueries({ queryKey: queryKeys.planMoney(plan.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.producerSummary() }),
      ]),
  });
  return (
    <section className="card">
      <p className="muted">{t("producer.completeHarvestNote")}</p>
      <button type="button" disabled={complete.isPending} onClick={() => complete.mutate()}>
        {t("producer.completeHarvest")}
      </button>
      {complete.data && (
        <p className="success" role="status">
          {t("producer.harvestCompleted", { refunds: complete.data.refundsPaid })}
        </p>
      )}
      <ErrorMessage error={complete.error} />
    </section>
  );
};
