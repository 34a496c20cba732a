import { Link } from "react-router";
import { DataTable } from "../../components/data-table";
import { QueryContent } from "../../components/query-content";
import { formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useDisputes, useMismatches } from "../../queries/use-console";

/** `/admin/disputes`: disputed payments, and plans whose ledger and processor disagree. */
export const AdminDisputesPage = () => {
  const { t, lang } = useI18n();
  const disputes = useDisputes();
  const mismatches = useMismatches();
  const yen = (amount: number) => formatYen(lang, amount);
  return (
    <>
      <section className="card">
        <h2>{t("console.disputes.title")}</h2>
        <QueryContent query={disputes}>
          {(page) => (
            <DataTable
              testId="console-disputes"
              columns={[
                t("console.disputes.ownership"),
                t("console.disputes.owner"),
                t("console.disputes.plan"),
                t("console.disputes.amount"),
                t("console.disputes.status"),
              ]}
              empty={t("console.disputes.empty")}
            >
              {page.items.map((d) => (
                <tr key={d.id}>
                  <td>{d.id}</td>
                  <td>{d.ownerId}</td>
                  <td>
                    <Link to={`/plans/${d.planId}`}>{d.planId}</Link>
                  </td>
                  <td>{yen(d.chargedYen ?? d.totalYen)}</td>
                  <td>{d.status}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryContent>
      </section>
      <section className="card">
        <h2>{t("console.mismatches.title")}</h2>
        <QueryContent query={mismatches}>
          {(found) => (
            <DataTable
              testId="console-mismatches"
              columns={[
                t("console.disputes.plan"),
                t("console.mismatches.ledger"),
                t("console.mismatches.processor"),
                t("console.mismatches.detectedAt"),
              ]}
              empty={t("console.mismatches.empty")}
            >
              {found.mismatches.map((m) => (
                <tr key={m.planId}>
                  <td>
                    <Link to={`/plans/${m.planId}`}>{m.planId}</Link>
                  </td>
                  <td>
                    {yen(m.ledger.chargedYen)} / {yen(m.ledger.refundedYen)}
                  </td>
                  <td>
                    {yen(m.processor.chargedYen)} / {yen(m.processor.refundedYen)}
                  </td>
                  <td>{formatDateTime(lang, m.detectedAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryContent>
      </section>
    </>
  );
};
