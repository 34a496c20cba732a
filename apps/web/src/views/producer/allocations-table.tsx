import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { Load } from "../../components/loading";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useLoad } from "../../use-load";

/** Each ownership's allocation, refund or credit and statement, once the batch has run. */
export const Allocations = ({ plan, refreshKey }: { plan: Plan; refreshKey: number }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () =>
      call(
        api.GET("/plans/{id}/allocations", {
          params: { path: { id: plan.id }, query: { limit: 100 } },
        }),
      ),
    [api, plan.id, refreshKey],
  );
  return (
    <section className="card">
      <h2>{t("producer.allocations")}</h2>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            testId="allocations"
            empty={t("producer.allocationsBefore")}
            emptyTestId="allocations-before"
            columns={[
              t("producer.owner"),
              t("quote.shares"),
              t("harvest.entitled"),
              t("harvest.received"),
              t("harvest.missing"),
              t("harvest.refund"),
              t("harvest.credit"),
              t("harvest.statement"),
            ]}
          >
            {page.items.map((a) => (
              <tr key={a.ownershipId}>
                <th scope="row" className="id">
                  {a.ownerId}
                </th>
                <td className="num">{a.shares}</td>
                <td className="num">{a.entitledUnits}</td>
                <td className="num">{a.allocatedUnits}</td>
                <td className="num">{a.missingUnits}</td>
                <td className="num">{formatYen(lang, a.refundYen)}</td>
                <td className="num">{formatYen(lang, a.creditYen)}</td>
                <td className="statement">{a.statement.join(" ")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Load>
    </section>
  );
};
