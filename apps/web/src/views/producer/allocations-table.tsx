import type { Plan } from "../../api/types";
import { DataTable } from "../../components/data-table";
import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useAllocations } from "../../queries/use-allocations";

/** Each ownership's allocation, refund or credit and statement, once the batch has run. */
export const Allocations = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const allocations = useAllocations(plan.id);
  return (
    <section className="card">
      <h2>{t("producer.allocations")}</h2>
      <QueryContent query={allocations}>
        {(rows) => (
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
            {rows.map((a) => (
              <tr key={a.ownershipId}>
                <th scope="row" className={a.ownerName === null ? "id" : undefined}>
                  {a.ownerName ?? a.ownerId}
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
      </QueryContent>
    </section>
  );
};
