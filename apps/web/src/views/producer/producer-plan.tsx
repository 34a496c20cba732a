import { useState } from "react";
import { Link, useParams } from "react-router";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { Load } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../use-action";
import { useLoad } from "../../use-load";
import { ExperiencesSection } from "../experiences";
import { PlanFacts } from "../owner/plan-page";
import { UpdatesTimeline } from "../updates";
import { Allocations } from "./allocations-table";
import { DevBatchButton } from "./dev-batch-button";
import { HarvestForm } from "./harvest-form";
import { HarvestLots } from "./harvest-lots";
import { PlanPhotos } from "./plan-photos";
import { PostUpdate } from "./post-update";
import { Shipments } from "./shipments-table";

const ManagedPlan = ({ plan, reload }: { plan: Plan; reload: () => void }) => {
  const { t } = useI18n();
  const { api, config } = useApp();
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((k) => k + 1);
  const transition = useAction(async (action: "publish" | "close") => {
    await call(
      api.POST(action === "publish" ? "/plans/{id}/publish" : "/plans/{id}/close", {
        params: { path: { id: plan.id } },
      }),
    );
    reload();
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
            disabled={transition.pending}
            onClick={() => void transition.start("publish")}
          >
            {t("producer.publish")}
          </button>
        )}
        {plan.status === "open" && (
          <button
            type="button"
            disabled={transition.pending}
            onClick={() => void transition.start("close")}
          >
            {t("producer.closeSales")}
          </button>
        )}
      </div>
      {transition.problem && <ProblemMessage problem={transition.problem} />}
      <PlanFacts plan={plan} />
      <PlanPhotos plan={plan} onAdded={reload} />
      {afterSales && (
        <>
          <HarvestForm plan={plan} onRecorded={refresh} />
          {config.auth === "dev" && (
            <section className="card dev-zone">
              <p className="muted">{t("producer.runAllocationNote")}</p>
              <DevBatchButton
                plan={plan}
                batch="allocate-harvests"
                label={t("producer.runAllocation")}
                onDone={() => {
                  refresh();
                  reload();
                }}
              />
              <DevBatchButton
                plan={plan}
                batch="schedule-shipments"
                label={t("producer.runShipping")}
                onDone={refresh}
              />
            </section>
          )}
        </>
      )}
      {afterSales && <HarvestLots plan={plan} refreshKey={refreshKey} />}
      {plan.status !== "draft" && <Allocations plan={plan} refreshKey={refreshKey} />}
      {plan.status !== "draft" && <Shipments plan={plan} refreshKey={refreshKey} />}
      <PostUpdate plan={plan} onPosted={refresh} />
      <UpdatesTimeline planId={plan.id} refreshKey={refreshKey} />
      <ExperiencesSection planId={plan.id} producerView />
    </article>
  );
};

export const ProducerPlanPage = () => {
  const { id = "" } = useParams();
  const { api } = useApp();
  const [loaded, reload] = useLoad(
    () => call(api.GET("/plans/{id}", { params: { path: { id } } })),
    [api, id],
  );
  return <Load loaded={loaded}>{(plan) => <ManagedPlan plan={plan} reload={reload} />}</Load>;
};
