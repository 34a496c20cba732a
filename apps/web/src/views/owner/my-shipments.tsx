import type { Plan } from "../../api/types";
import { QueryContent } from "../../components/query-content";
import { formatDate } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useShipments } from "../../queries/use-shipments";

/** The owner's parcels of a plan by ship date, and any units the schedule could not fit. */
export const MyShipments = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const shipments = useShipments(plan.id);
  return (
    <section>
      <h3>{t("harvest.shipments")}</h3>
      <QueryContent query={shipments}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t("harvest.noShipments")}</p>
          ) : (
            <ul className="list">
              {page.items.flatMap((shipment) => [
                ...shipment.parcels.map((parcel) => (
                  <li key={`${shipment.id}-${parcel.shipOn}`}>
                    {t("harvest.parcel", {
                      date: formatDate(lang, parcel.shipOn),
                      boxes: parcel.boxes,
                    })}
                  </li>
                )),
                ...(shipment.unshipped
                  ? [
                      <li key={`${shipment.id}-unshipped`} className="problem">
                        {t("harvest.unshipped", {
                          units: shipment.unshipped.units,
                          unit: plan.unitLabel,
                          reason: shipment.unshipped.reason,
                        })}
                      </li>,
                    ]
                  : []),
              ])}
            </ul>
          )
        }
      </QueryContent>
    </section>
  );
};
