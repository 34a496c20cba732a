import { Link } from "react-router";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { Load } from "../../components/loading";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useLoad } from "../../use-load";
import { SharesChart } from "./shares-chart";

/** Shares over time, money (revenue, fee, payout), owners and repeat owners, every plan. */
export const ProducerDashboard = () => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const producerId = session?.sub ?? "";
  const [summary] = useLoad(() => call(api.GET("/producers/me/summary")), [api]);
  const [plans] = useLoad(
    () => call(api.GET("/plans", { params: { query: { producerId, limit: 100 } } })),
    [api, producerId],
  );
  const yen = (amount: number) => formatYen(lang, amount);
  const money = new Map(
    summary.state === "ready" ? summary.data.plans.map((p) => [p.planId, p] as const) : [],
  );
  return (
    <section>
      <h1>{t("producer.dashboard")}</h1>
      <Load loaded={summary}>
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
      </Load>
      <section className="card">
        <h2>{t("producer.plans")}</h2>
        <p>
          <Link to="/producer/plans/new" className="button primary">
            {t("nav.newPlan")}
          </Link>
        </p>
        <Load loaded={plans}>
          {(page) =>
            page.items.length === 0 ? (
              <p>{t("producer.noPlans")}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("producer.plans")}</th>
                      <th scope="col">{t("producer.status")}</th>
                      <th scope="col">{t("producer.revenue")}</th>
                      <th scope="col">{t("producer.payout")}</th>
                      <th scope="col">{t("plan.sharesRemaining")}</th>
                    </tr>
                  </thead>
                  <tbody>
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
                        <td className="num">{yen(money.get(plan.id)?.revenueYen ?? 0)}</td>
                        <td className="num">{yen(money.get(plan.id)?.payoutYen ?? 0)}</td>
                        <td>
                          {t("plan.sharesOf", {
                            remaining: plan.sharesRemaining,
                            total: plan.totalShares,
                          })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Load>
      </section>
    </section>
  );
};
