import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { usePlanMoney } from "../../queries/use-payments";

/**
 * A plan's money as the ledger has it: what owners were charged and refunded, the platform's fee,
 * the producer's payout (charged − refunded = payout + fees), store credit issued and spent, and
 * what still awaits payment.
 */
export const MoneyStatement = ({ planId }: { planId: string }) => {
  const { t, lang } = useI18n();
  const money = usePlanMoney(planId);
  const yen = (amount: number) => formatYen(lang, amount);
  return (
    <section className="card money" data-testid="money-statement">
      <h2>{t("money.title")}</h2>
      <QueryContent query={money}>
        {(m) => (
          <>
            <dl className="stats">
              {(
                [
                  ["money.charged", m.chargedYen],
                  ["money.refunded", m.refundedYen],
                  ["money.fees", m.feesYen],
                  ["money.payout", m.payoutYen],
                  ["money.creditIssued", m.creditIssuedYen],
                  ["money.creditSpent", m.creditSpentYen],
                  ["money.pending", m.pendingYen],
                ] as const
              ).map(([label, amount]) => (
                <div key={label}>
                  <dt>{t(label)}</dt>
                  <dd>{yen(amount)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">{t("money.balanced")}</p>
          </>
        )}
      </QueryContent>
    </section>
  );
};
