import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { PayoutSection } from "./payout-section";
import { ProducerProfileEditor } from "./producer-profile-editor";
import { SharesChart } from "./shares-chart";

/** Shares over time, money (revenue, fee, payout), owners and repeat owners, every plan. */
export const ProducerDashboard = () => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const producerId = session?.sub ?? "";
  const summary = useQuery({
    queryKey: queryKeys.producerSummary(),
    queryFn: () => call(api.GET("/producers/me/summary")),
  });
  const plans = useQuery({
    queryKey: queryKeys.producerPlans(producerId),
    queryFn: () => call(api.GET("/plans", { params: { query: { producerId, limit: 100 } } })),
  });
  const yen = (amount: number) => formatYen(lang, amount);
  const money = new Map(summary.data?.plans.map((p) => [p.planId, p] as const));
  /** A plan's money once the summary is ready (¥0 if it has none); "-" while loading or failed. */
  const planYen = (planId: string, field: "revenueYen" | "payoutYen") =>
    summary.data === undefined ? "-" : yen(money.get(planId)?.[field] ?? 0);
  return (
    <section>
      <h1>{t("producer.dashboard")}</h1>
      <PayoutSection />
      <ProducerProfileEditor />
      <QueryContent query={summary}>
        {(s) => (
          <>
            <dl className="stats">
              <div>
                <dt>{t("producer.sharesSold")}</dt>
                <dd data-testid="stat-shares">{s.sharesSold}</dd>
              </div>
              <div>
                <dt>{t("producer.revenue")}</dt>
                <dd>{yen(s.revenueYen)}</dd>
              </div>
              <div>
                <dt>{t("producer.fee")}</dt>
                <dd>{yen(s.feesYen)}</dd>
              </div>
              <div>
                <dt>{t("producer.payout")}</dt>
                <dd>{yen(s.payoutYen)}</dd>
              </div>
              <div>
                <dt>{t("producer.refunds")}</dt>
                <dd>{yen(s.refundsYen)}</dd>
              </div>
              <div>
                <dt>{t("producer.credits")}</dt>
                <dd>{yen(s.creditsYen)}</dd>
              </div>
              <div>
                <dt>{t("producer.owners")}</dt>
                <dd>{s.owners}</dd>
              </div>
              <div>
                <dt>{t("producer.repeatOwners")}</dt>
                <dd>
                  {t("producer.repeatRate", {
                    count: s.repeatOwners,
                    rate: Math.round(s.repeatOwnerRate * 100),
                  })}
                </dd>
              </div>
            </dl>
            <section className="card">
              <h2>{t("producer.salesChart")}</h2>
              <SharesChart days={s.sharesSoldByDay} />
            </section>
          </>
        )}
      </QueryContent>
      <section className="card">
        <h2>{t("producer.plans")}</h2>
        <p>
          <Link to="/producer/plans/new" className="button primary">
            {t("nav.newPlan")}
          </Link>
        </p>
        <QueryContent query={plans}>
          {(page) => (
            <DataTable
              testId="producer-plans"
              empty={t("producer.noPlans")}
              columns={[
                t("producer.plans"),
                t("producer.status"),
                t("producer.revenue"),
                t("producer.payout"),
                t("plan.sharesRemaining"),
              ]}
            >
              {page.items.map((plan) => (
                <tr key={plan.id}>
                  <th scope="row">
                    <Link to={`/producer/plans/${plan.id}`}>{plan.title}</Link>
                  </th>
                  <td>
                    <span className={`badge status-${plan.status}`}>
                      {t(`status.${plan.status}`)}
                    </span>
                  </td>
                  <td className="num">{planYen(plan.id, "revenueYen")}</td>
                  <td className="num">{planYen(plan.id, "payoutYen")}</td>
                  <td>
                    {t("plan.sharesOf", {
                      remaining: plan.sharesRemaining,
                      total: plan.totalShares,
                    })}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryContent>
      </section>
    </section>
  );
};
