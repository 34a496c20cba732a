import type { components } from "../api/generated/schema";
import { formatDate } from "../format";
import { useI18n } from "../i18n/i18n";

export type ParcelItem = components["schemas"]["Parcel"];

const CARRIER_KEYS = {
  yamato: "parcels.carrier.yamato",
  sagawa: "parcels.carrier.sagawa",
  japanpost: "parcels.carrier.japanpost",
  other: "parcels.carrier.other",
} as const;

/** Where a parcel is, its carrier and tracking number, and the carrier's tracking page. */
export const ParcelStatus = ({ parcel }: { parcel: ParcelItem }) => {
  const { t, lang } = useI18n();
  const { progress } = parcel;
  return (
    <span className="parcel-status" data-testid={`parcel-${parcel.id}`}>
      <span className={`badge parcel-${progress.state}`}>
        {t(`parcels.state.${progress.state}`)}
      </span>{" "}
      {progress.carrier !== undefined && (
        <>
          {t(CARRIER_KEYS[progress.carrier])} {progress.trackingNumber}{" "}
        </>
      )}
      {parcel.trackingUrl !== undefined && (
        <a href={parcel.trackingUrl} target="_blank" rel="noreferrer">
          {t("parcels.track")}
        </a>
      )}
      {progress.deliveredAt !== undefined && (
        <span className="muted">
          {" "}
          {t(progress.confirmedBy === "auto" ? "parcels.deliveredAuto" : "parcels.deliveredOn", {
            date: formatDate(lang, progress.deliveredAt.slice(0, 10)),
          })}
        </span>
      )}
    </span>
  );
};
