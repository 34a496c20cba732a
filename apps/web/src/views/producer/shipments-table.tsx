import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { Load } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../use-action";
import { useLoad } from "../../use-load";
import { labelOf } from "../../vocabulary";
import { saveBlob } from "./download";

/** The scheduled shipments and the CSV for shipping labels. */
export const Shipments = ({ plan, refreshKey }: { plan: Plan; refreshKey: number }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const [loaded] = useLoad(
    () =>
      call(
        api.GET("/plans/{id}/shipments", {
          params: { path: { id: plan.id }, query: { limit: 100 } },
        }),
      ),
    [api, plan.id, refreshKey],
  );
  const download = useAction(async () => {
    const blob = await call(
      api.GET("/plans/{id}/shipments.csv", { params: { path: { id: plan.id } }, parseAs: "blob" }),
    );
    saveBlob(blob as Blob, `shipments-${plan.id}.csv`);
  });
  return (
    <section className="card">
      <h2>{t("producer.shipments")}</h2>
      {/* A cancelled plan ships nothing: no label file to offer (the API refuses it too). */}
      {plan.status !== "cancelled" && (
        <button type="button" disabled={download.pending} onClick={() => void download.start()}>
          {t("producer.downloadCsv")}
        </button>
      )}
      {download.problem && <ProblemMessage problem={download.problem} />}
      <Load loaded={loaded}>
        {(page) => (
          <DataTable testId="shipments" empty={t("harvest.noShipments")} columns={[]}>
            {page.items.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="id">
                  {s.ownerId}
                </th>
                <td>{labelOf(t, "region", s.region)}</td>
                <td>
                  {s.units} {plan.unitLabel}
                </td>
                <td>
                  {s.parcels
                    .map((p) =>
                      t("harvest.parcel", { date: formatDate(lang, p.shipOn), boxes: p.boxes }),
                    )
                    .join(" / ")}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Load>
    </section>
  );
};
