import { useMutation } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useShipments } from "../../queries/use-shipments";
import { labelOf } from "../../vocabulary";
import { saveBlob } from "./download";

/** The scheduled shipments and the CSV for shipping labels. */
export const Shipments = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const shipments = useShipments(plan.id);
  // A download changes nothing on the server: a mutation only for its pending state and problem.
  const download = useMutation({
    mutationFn: async (format: "generic" | "b2" = "generic") => {
      const blob = await call(
        api.GET("/plans/{id}/shipments.csv", {
          params: { path: { id: plan.id }, query: { format } },
          parseAs: "blob",
        }),
      );
      saveBlob(blob as Blob, `${format === "b2" ? "b2" : "shipments"}-${plan.id}.csv`);
    },
  });
  return (
    <section className="card">
      <h2>{t("producer.shipments")}</h2>
      {/* A cancelled plan ships nothing: no label file to offer (the API refuses it too). */}
      {plan.status !== "cancelled" && (
        <button
          type="button"
          disabled={download.isPending}
          onClick={() => download.mutate("generic")}
        >
          {t("producer.downloadCsv")}
        </button>
      )}
      {plan.status !== "cancelled" && (
        <button type="button" disabled={download.isPending} onClick={() => download.mutate("b2")}>
          {t("logistics.downloadB2")}
        </button>
      )}
      <ErrorMessage error={download.error} />
      <QueryContent query={shipments}>
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
      </QueryContent>
    </section>
  );
};
