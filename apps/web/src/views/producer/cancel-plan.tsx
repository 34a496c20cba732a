import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { Field } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { useRefundProgress } from "../../queries/use-payments";

/** What cancelling refunds, read when the dialog opens: active owners and what they paid. */
const WhatOwnersGetBack = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const progress = useRefundProgress(plan.id);
  return (
    <QueryContent query={progress}>
      {(p) => (
        <p data-testid="cancel-refund-summary">
          <strong>
            {t("producerPaths.cancelRefunds", {
              owners: p.owners,
              total: formatYen(lang, p.pendingYen + p.refundedYen),
            })}
          </strong>
        </p>
      )}
    </QueryContent>
  );
};

/**
 * "Cancel this plan" for its producer and admins: asks first, saying what every owner gets back
 * (each is refunded in full), and takes the reason the owners will read. Only open or closed
 * plans are offered it (later ones have allocated or shipped).
 */
export const CancelPlanAction = ({
  plan,
  onDone,
}: {
  plan: Plan;
  onDone: () => Promise<unknown>;
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const titleId = useId();
  const cancel = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/cancel", {
          params: { path: { id: plan.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: () => {
      setAsking(false);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.refundProgress(plan.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.planMoney(plan.id) }),
        onDone(),
      ]);
    },
  });
  if (!asking)
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t("console.plans.cancel")}
      </button>
    );
  return (
    <div role="alertdialog" aria-labelledby={titleId} className="confirm">
      <p id={titleId}>
        <strong>{t("console.plans.cancelTitle", { title: plan.title })}</strong>
      </p>
      <WhatOwnersGetBack plan={plan} />
      <p>{t("console.plans.cancelWhat", { sold: plan.sharesSold })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate();
        }}
      >
        <Field
          label={t("console.plans.cancelReason")}
          value={reason}
          onChange={setReason}
          required
        />
        <button
          type="submit"
          className="danger"
          disabled={cancel.isPending || reason.trim() === ""}
        >
          {t("console.plans.cancelConfirm")}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t("console.plans.keep")}
        </button>
      </form>
      <ErrorMessage error={cancel.error} />
    </div>
  );
};
