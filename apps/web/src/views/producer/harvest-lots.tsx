import { useQuery } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

/** The lots recorded so far, each allocated or still waiting for the batch. */
export const HarvestLots = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const lots = useQuery({
    queryKey: queryKeys.harvests(plan.id),
    queryFn: () => call(api.GET("/plans/{id}/harvests", { params: { path: { id: plan.id } } })),
  });
  return (
    <section className="card">
      <h2>{t("producer.lots")}</h2>
      <QueryContent query={lots}>
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
      </QueryContent>
    </section>
  );
};
