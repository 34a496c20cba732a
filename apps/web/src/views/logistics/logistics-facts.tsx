import type { Plan } from "../../api/types";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { DELIVERY_SLOTS } from "./options";

/** How the plan's boxes travel, as owners read it before they buy: temperature, surcharge, slots. */
export const LogisticsFacts = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const logistics = plan.logistics;
  if (logistics === undefined) return null;
  return (
    <dl className="facts" data-testid="logistics-facts">
      <dt>{t("logistics.shipFrom")}</dt>
      <dd>{logistics.shipFromPrefecture}</dd>
      <dt>{t("logistics.temperature")}</dt>
      <dd data-testid="logistics-temperature">
        {t(`logistics.temperature.${logistics.temperature}`)}
        {logistics.surchargeYenPerBox > 0 &&
          ` ${t("logistics.surchargePerBox", { amount: formatYen(lang, logistics.surchargeYenPerBox) })}`}
      </dd>
      <dt>{t("logistics.slots")}</dt>
      <dd data-testid="logistics-slots">
        {logistics.slotsAllowed
          ? DELIVERY_SLOTS.map((slot) => t(`logistics.slot.${slot}`)).join(" / ")
          : t("logistics.noSlots")}
      </dd>
    </dl>
  );
};
