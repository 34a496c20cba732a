import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { queryKeys } from "../../queries/query-keys";
import { usePlan } from "../../queries/use-plan";
import { ExperiencesSection } from "../experiences";
import { PlanLogisticsSection } from "../logistics/plan-logistics-form";
import { PlanFacts } from "../owner/plan-page";
import { PlanHistory } from "../privacy/audit-trail";
import { SeasonReportForm } from "../season/season-report-form";
import { UpdatesTimeline } from "../updates";
import { Allocations } from "./allocations-table";
import { CancelPlanAction } from "./cancel-plan";
import { CompleteHarvestButton } from "./complete-harvest-button";
import { DevBatchButton } from "./dev-batch-button";
import { HarvestForm } from "./harvest-form";
import { HarvestLots } from "./harvest-lots";
import { MoneyStatement } from "./money-statement";
import { ProducerParcels } from "./parcels-table";
import { PlanPhotos } from "./plan-photos";
import { PostUpdate } from "./post-update";
import { CancellationRefunds } from "./refund-progress";
import { Shipments } from "./shipments-table";

const ManagedPlan = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api, config } = useApp();
  const queryClient = useQueryClient();
  const transition = useMutation({
    mutationFn: (action: "publish" | "close") =>
      call(
        api.POST(action === "publish" ? "/plans/{id}/publish" : "/plans/{id}/close", {
          params: { path: { id: plan.id } },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        invalidatePlan(queryClient, plan.id),
        queryClient.invalidateQueries({ queryKey: queryKeys.producerSummary() }),
      ]),
  });
  const afterSales =
    plan.status !== "draft" && plan.status !== "open" && plan.status !== "cancelled";
  return (
    <article className="plan-page">
      <h1>{plan.title}</h1>
      <p className="tags">
        <span className={`badge status-${plan.status}`} data-testid="plan-status">
          {t(`status.${plan.status}`)}
        </span>{" "}
        <Link to={`/plans/${plan.id}`}>{plan.id}</Link>
      </p>
      <div className="actions">
        <Link className="button" to={`/producer/plans/${plan.id}/edit`}>
          {t("producer.edit")}
        </Link>
        {plan.status === "draft" && (
          <button
            type="button"
            className="primary"
            disabled={transition.isPending}
            onClick={() => transition.mutate("publish")}
          >
            {t("producer.publish")}
          </button>
        )}
        {plan.status === "open" && (
          <button
            type="button"
            disabled={transition.isPending}
            onClick={() => transition.mutate("close")}
          >
            {t("producer.closeSales")}
          </button>
        )}
        {(plan.status === "open" || plan.status === "closed") && (
          <CancelPlanAction
            plan={plan}
            onDone={() =>
              Promise.all([
                invalidatePlan(queryClient, plan.id),
                queryClient.invalidateQueries({ queryKey: queryKeys.producerSummary() }),
              ])
            }
          />
        )}
      </div>
      <ErrorMessage error={transition.error} />
      {plan.status === "cancelled" && (
        <section className="card" data-testid="cancellation-refunds">
          <h2>{t("producerPaths.refundsTitle")}</h2>
          <CancellationRefunds planId={plan.id} />
          {config.auth === "dev" && (
            <DevBatchButton
              plan={plan}
              batch="refund-cancelled-plans"
              label={t("producerPaths.runRefunds")}
            />
          )}
        </section>
      )}
      {(plan.status === "allocated" ||
        plan.status === "shipped" ||
        plan.status === "completed") && <SeasonReportForm plan={plan} />}
      <PlanFacts plan={plan} />
      <PlanLogisticsSection plan={plan} />
      <PlanPhotos plan={plan} />
      {afterSales && (
        <>
          <HarvestForm plan={plan} />
          <CompleteHarvestButton plan={plan} />
          {config.auth === "dev" && (
            <section className="card dev-zone">
              <p className="muted">{t("producer.runAllocationNote")}</p>
              <DevBatchButton
                plan={plan}
                batch="allocate-harvests"
                label={t("producer.runAllocation")}
              />
              <DevBatchButton
                plan={plan}
                batch="schedule-shipments"
                label={t("producer.runShipping")}
              />
            </section>
          )}
        </>
      )}
      {afterSales && <HarvestLots plan={plan} />}
      {plan.status !== "draft" && <MoneyStatement planId={plan.id} />}
      <PlanHistory planId={plan.id} />
      {plan.status !== "draft" && <Allocations plan={plan} />}
      {plan.status !== "draft" && <Shipments plan={plan} />}
      {["allocated", "shipped", "completed"].includes(plan.status) && (
        <>
          <ProducerParcels plan={plan} />
          {config.auth === "dev" && (
            <section className="card dev-zone">
              <DevBatchButton
                plan={plan}
                batch="deliver-parcels"
                label={t("parcels.runDelivery")}
              />
            </section>
          )}
        </>
      )}
      <PostUpdate plan={plan} />
      <UpdatesTimeline planId={plan.id} />
      <ExperiencesSection
        planId={plan.id}
        producerView
        seatsPerOwner={plan.experienceSeatsPerOwner}
      />
    </article>
  );
};

export const ProducerPlanPage = () => {
  const { id = "" } = useParams();
  const plan = usePlan(id);
  return <QueryContent query={plan}>{(loaded) => <ManagedPlan plan={loaded} />}</QueryContent>;
};
