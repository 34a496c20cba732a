import { QueryContent } from "../../components/query-content";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { useRefundProgress } from "../../queries/use-payments";

/**
 * A cancelled plan's refunds in owners: how many of its owners the refund batch has refunded, and
 * the yen back and still to go. Followed (read again) until every owner is refunded.
 */
export const CancellationRefunds = ({ planId }: { planId: string }) => {
  const { t, lang } = useI18n();
  const progress = useRefundProgress(planId, { follow: true });
  return (
    <QueryContent query={progress}>
      {(p) => (
        <div className="refund-progress" data-testid={`refund-progress-${planId}`}>
          <p role="status">
            <strong>
              {t("producerPaths.refundedOwners", { refunded: p.refunded, owners: p.owners })}
            </strong>
          </p>
          <progress max={Math.max(p.owners, 1)} value={p.owners === 0 ? 1 : p.refunded} />
          <p className="muted">
            {t("producerPaths.refundedYen", {
              refunded: formatYen(lang, p.refundedYen),
              pending: formatYen(lang, p.pendingYen),
            })}
          </p>
        </div>
      )}
    </QueryContent>
  );
};
