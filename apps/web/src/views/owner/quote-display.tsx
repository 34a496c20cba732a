import type { Plan, PriceTier, Quote } from "../../api/types";
import { formatDate, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { isMessageKey } from "../../i18n/translate";
import { labelOf } from "../../vocabulary";

/** A quote line by line: which tier priced how many shares, then shipping and the total. */
export const QuoteDisplay = ({ quote }: { quote: Quote }) => {
  const { t, lang } = useI18n();
  const yen = (amount: number) => formatYen(lang, amount);
  return (
    <table className="quote" aria-label={t("quote.title")}>
      <tbody>
        {quote.lines.map((line) => {
          const reason = `quote.reason.${line.reason}`;
          return (
            <tr key={`${line.reason}-${line.unitPriceYen}`}>
              <th scope="row">{isMessageKey(reason) ? t(reason) : line.reason}</th>
              <td>{t("quote.line", { shares: line.shares, price: yen(line.unitPriceYen) })}</td>
              <td className="amount">{yen(line.shares * line.unitPriceYen)}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">{t("quote.subtotal")}</th>
          <td />
          <td className="amount">{yen(quote.sharesYen)}</td>
        </tr>
        <tr>
          <th scope="row">
            {t("quote.shipping", { region: labelOf(t, "region", quote.shippingRegion) })}
          </th>
          <td />
          <td className="amount">{yen(quote.shippingYen)}</td>
        </tr>
        {/* Chilled/frozen plans: the クール便 surcharge per box is charged with the shares. */}
        {quote.temperatureSurcharge && (
          <tr>
            <th scope="row">
              {t("quote.temperatureSurcharge", {
                temperature: labelOf(
                  t,
                  "logistics.temperature",
                  quote.temperatureSurcharge.temperature,
                ),
                boxes: quote.temperatureSurcharge.boxes,
                price: yen(quote.temperatureSurcharge.yenPerBox),
              })}
            </th>
            <td />
            <td className="amount">{yen(quote.temperatureSurcharge.yen)}</td>
          </tr>
        )}
        <tr className="total">
          <th scope="row">{t("quote.total")}</th>
          <td />
          <td className="amount" data-testid="quote-total">
            {yen(quote.totalYen)}
          </td>
        </tr>
      </tbody>
    </table>
  );
};

/** The producer's price list, so a buyer sees why a quote is what it is. */
export const PriceTiers = ({ plan }: { plan: Plan }) => {
  const { t, lang } = useI18n();
  const yen = (amount: number) => formatYen(lang, amount);
  const tierText = (tier: PriceTier) =>
    tier.kind === "earlyBird"
      ? t("quote.tier.earlyBird", { date: formatDate(lang, tier.until), price: yen(tier.priceYen) })
      : t("quote.tier.firstShares", { count: tier.count, price: yen(tier.priceYen) });
  return (
    <ul className="tiers" aria-label={t("quote.tiers")}>
      {plan.tiers.map((tier) => (
        <li key={tierText(tier)}>{tierText(tier)}</li>
      ))}
      <li>{t("quote.tier.base", { price: yen(plan.priceYen) })}</li>
    </ul>
  );
};
