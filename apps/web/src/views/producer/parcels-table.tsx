import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { components } from "../../api/generated/schema";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { DataTable } from "../../components/data-table";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { parcelMoved, useParcels } from "../../queries/use-parcels";
import { type ParcelItem, ParcelStatus } from "../parcel-status";

type Carrier = "yamato" | "sagawa" | "japanpost" | "other";
const CARRIERS: readonly Carrier[] = ["yamato", "sagawa", "japanpost", "other"];
type ImportReport = components["schemas"]["TrackingImportReport"];

/** One parcel's carrier and tracking number; sending it again with another number corrects it. */
const MarkShipped = ({ plan, parcel }: { plan: Plan; parcel: ParcelItem }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [carrier, setCarrier] = useState<Carrier>(parcel.progress.carrier ?? "yamato");
  const [tracking, setTracking] = useState(parcel.progress.trackingNumber ?? "");
  const mark = useMutation({
    mutationFn: () =>
      call(
        api.PUT("/plans/{id}/parcels/{parcelId}/shipment", {
          params: { path: { id: plan.id, parcelId: parcel.id } },
          body: { carrier, trackingNumber: tracking },
        }),
      ),
    onSuccess: () => parcelMoved(queryClient, plan.id),
  });
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        mark.mutate();
      }}
    >
      <select
        aria-label={t("parcels.carrierLabel")}
        value={carrier}
        onChange={(event) => setCarrier(event.target.value as Carrier)}
      >
        {CARRIERS.map((c) => (
          <option key={c} value={c}>
            {t(`parcels.carrier.${c}`)}
          </option>
        ))}
      </select>
      <input
        aria-label={t("parcels.trackingLabel")}
        value={tracking}
        onChange={(event) => setTracking(event.target.value)}
        required
      />
      <button type="submit" disabled={mark.isPending}>
        {parcel.progress.state === "scheduled" ? t("parcels.markShipped") : t("parcels.correct")}
      </button>
      <ErrorMessage error={mark.error} />
    </form>
  );
};

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** The carrier's file back (B2クラウド's issued slips, or parcel id,carrier,tracking number). */
const UploadTrackingFile = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File): Promise<ImportReport> =>
      call(
        api.POST("/plans/{id}/parcels/tracking-file", {
          params: { path: { id: plan.id } },
          body: { fileBase64: await toBase64(file) },
        }),
      ),
    onSuccess: () => parcelMoved(queryClient, plan.id),
  });
  const report = upload.data;
  return (
    <div className="tracking-upload">
      <label>
        {t("parcels.upload")}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) upload.mutate(file);
            event.target.value = "";
          }}
        />
      </label>
      <p className="muted">{t("parcels.uploadHint")}</p>
      <ErrorMessage error={upload.error} />
      {report !== undefined && (
        <div data-testid="tracking-report">
          <p>
            {t("parcels.report", {
              shipped: report.shipped,
              corrected: report.corrected,
              unchanged: report.unchanged,
              refused: report.refused,
            })}
          </p>
          <ul className="list">
            {report.rows
              .filter((row) => row.outcome === "refused")
              .map((row) => (
                <li key={row.row} className="problem">
                  {t("parcels.refusedRow", { row: row.row, message: row.message ?? "" })}
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
};

/** The producer's parcels of a plan: mark each shipped, or upload the carrier's file. */
export const ProducerParcels = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const parcels = useParcels(plan.id);
  const open = plan.status === "allocated" || plan.status === "shipped";
  return (
    <section className="card">
      <h2>{t("parcels.title")}</h2>
      {open && <UploadTrackingFile plan={plan} />}
      <QueryContent query={parcels}>
        {(list) => (
          <>
            <p data-testid="parcel-counts">
              {t("parcels.counts", {
                total: list.counts.total,
                shipped: list.counts.shipped,
                delivered: list.counts.delivered,
              })}
            </p>
            <DataTable testId="parcels" empty={t("parcels.none")} columns={[]}>
              {list.items.map((parcel) => (
                <tr key={parcel.id}>
                  <th scope="row" className="id">
                    {parcel.id}
                  </th>
                  <td>{parcel.ownerId}</td>
                  <td>
                    {t("harvest.parcel", {
                      date: formatDate(lang, parcel.shipOn),
                      boxes: parcel.boxes,
                    })}
                  </td>
                  <td>
                    <ParcelStatus parcel={parcel} />
                  </td>
                  <td>
                    {open && parcel.progress.state !== "delivered" && (
                      <MarkShipped plan={plan} parcel={parcel} />
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </QueryContent>
    </section>
  );
};
