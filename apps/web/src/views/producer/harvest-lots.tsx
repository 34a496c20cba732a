import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { Load } from "../../components/loading";
import { useI18n } from "../../i18n/i18n";
import { useLoad } from "../../use-load";

/** The lots recorded so far, each allocated or still waiting for the batch. */
export const HarvestLots = ({ plan, refreshKey }: { plan: Plan; refreshKey: number }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () => call(api.GET("/plans/{id}/harvests", { params: { path: { id: plan.id } } })),
    [api, plan.id, refreshKey],
  );
  return (
    <section className="card">
      <h2>{t("producer.lots")}</h2>
      <Load loaded={loaded}>
        {({ items }) => (
          <DataTable
            testId="harvest-lots"
            empty={t("producer.lotsEmpty")}
            columns={[
              t("producer.quantity", { unit: plan.unitLabel }),
              t("producer.grade"),
              t("producer.readyOn"),
              t("producer.bestBefore"),
              t("producer.status"),
            ]}
          >
            {items.map((lot) => (
              <tr key={lot.id}>
                <td className="num">{lot.quantity}</td>
                <td>{t(`grade.${lot.grade}`)}</td>
                <td>{lot.readyOn}</td>
                <td>{lot.bestBefore}</td>
                <td>{t(lot.allocated ? "producer.lotAllocated" : "producer.lotPending")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Load>
    </section>
  );
};
