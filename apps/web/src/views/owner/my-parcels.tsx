import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { parcelMoved, useParcels } from "../../queries/use-parcels";
import { type ParcelItem, ParcelStatus } from "../parcel-status";

const ConfirmDelivery = ({ plan, parcel }: { plan: Plan; parcel: ParcelItem }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/parcels/{parcelId}/delivery-confirmation", {
          params: { path: { id: plan.id, parcelId: parcel.id } },
        }),
      ),
    onSuccess: () => parcelMoved(queryClient, plan.id),
  });
  return (
    <>
      <button type="button" disabled={confirm.isPending} onClick={() => confirm.mutate()}>
        {t("parcels.confirm")}
      </button>
      <ErrorMessage error={confirm.error} />
    </>
  );
};

/** The owner's parcels: where each is, the tracking link, and 「届きました」 once it left. */
export const MyParcels = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const parcels = useParcels(plan.id);
  return (
    <section>
      <h3>{t("parcels.mine")}</h3>
      <QueryContent query={parcels}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t("parcels.none")}</p>
          ) : (
            <ul className="list" data-testid="my-parcels">
              {list.items.map((parcel) => (
                <li key={parcel.id}>
                  {t("harvest.parcel", {
                    date: formatDate(lang, parcel.shipOn),
                    boxes: parcel.boxes,
                  })}{" "}
                  <ParcelStatus parcel={parcel} />{" "}
                  {parcel.progress.state === "shipped" && (
                    <ConfirmDelivery plan={plan} parcel={parcel} />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryContent>
    </section>
  );
};
