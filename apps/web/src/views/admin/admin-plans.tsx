import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { call } from "../../api/client";
import type { Plan, PlanStatus } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { consoleKeys, useConsolePlans } from "../../queries/use-console";
import { usePlanMoney } from "../../queries/use-payments";
import { CancelPlanAction } from "../producer/cancel-plan";
import { CancellationRefunds } from "../producer/refund-progress";

const STATUSES: readonly PlanStatus[] = [
  "open",
  "closed",
  "allocated",
  "shipped",
  "completed",
  "cancelled",
  "draft",
];

/** A cancelled plan's refunds as the refund batch works through its owners. */
const RefundProgress = ({ planId }: { planId: string }) => {
  const { t, lang } = useI18n();
  const money = usePlanMoney(planId);
  return (
    <QueryContent query={money}>
      {(m) => (
        <div data-testid={`refunds-${planId}`}>
          <strong>{t("console.plans.refunds")}</strong>
          <p>
            {t("console.plans.refundProgress", {
              succeeded: m.refunds.succeeded,
              pending: m.refunds.pending,
              failed: m.refunds.failed,
              refunded: formatYen(lang, m.refundedYen),
            })}
          </p>
          <CancellationRefunds planId={planId} />
          {m.sharesToRelease !== undefined && m.sharesToRelease > 0 && (
            <p className="muted">{t("console.plans.toRelease", { shares: m.sharesToRelease })}</p>
          )}
        </div>
      )}
    </QueryContent>
  );
};

const PlanRow = ({ plan, refresh }: { plan: Plan; refresh: () => Promise<unknown> }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [done, setDone] = useState<string | undefined>(undefined);
  const close = useMutation({
    mutationFn: () => call(api.POST("/plans/{id}/close", { params: { path: { id: plan.id } } })),
    onSuccess: () => {
      setDone(t("console.plans.closedOk"));
      return refresh();
    },
  });
  return (
    <tr data-testid={`console-plan-${plan.id}`}>
      <td>
        <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
      </td>
      <td>{t(`status.${plan.status}`)}</td>
      <td>
        {plan.sharesSold} / {plan.totalShares}
      </td>
      <td>
        {plan.status === "open" && (
          <button type="button" disabled={close.isPending} onClick={() => close.mutate()}>
            {t("console.plans.close")}
          </button>
        )}
        {(plan.status === "open" || plan.status === "closed") && (
          <CancelPlanAction
            plan={plan}
            onDone={() => {
              setDone(t("console.plans.cancelledOk"));
              return refresh();
            }}
          />
        )}
        {plan.status === "cancelled" && <RefundProgress planId={plan.id} />}
        {done !== undefined && (
          <p className="success" role="status">
            {done}
          </p>
        )}
        <ErrorMessage error={close.error} />
      </td>
    </tr>
  );
};

/** `/admin/plans`: plans by status; close, cancel (after a confirmation), refund progress. */
export const AdminPlansPage = () => {
  const { t } = useI18n();
  const [status, setStatus] = useState<PlanStatus>("open");
  const plans = useConsolePlans(status);
  const queryClient = useQueryClient();
  const selectId = useId();
  const refresh = (planId: string) => () =>
    Promise.all([
      invalidatePlan(queryClient, planId),
      queryClient.invalidateQueries({ queryKey: consoleKeys.all() }),
    ]);
  return (
    <section className="card">
      <h2>{t("console.plans.title")}</h2>
      <div className="field">
        <label htmlFor={selectId}>{t("console.plans.status")}</label>
        <select
          id={selectId}
          value={status}
          onChange={(e) => setStatus(e.target.value as PlanStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <QueryContent query={plans}>
        {(data) => (
          <>
            <DataTable
              testId="console-plans"
              columns={[
                t("console.plans.plan"),
                t("console.plans.status"),
                t("console.plans.sold"),
                t("console.plans.actions"),
              ]}
              empty={t("console.plans.empty")}
            >
              {data.pages
                .flatMap((page) => page.items)
                .map((plan) => (
                  <PlanRow key={plan.id} plan={plan} refresh={refresh(plan.id)} />
                ))}
            </DataTable>
            {plans.hasNextPage && (
              <button type="button" onClick={() => plans.fetchNextPage()}>
                {t("console.plans.more")}
              </button>
            )}
          </>
        )}
      </QueryContent>
    </section>
  );
};
