import { Link } from "react-router";
import { isPaymentPending, type PaidOwnership, unpaidReason } from "../../api/payments";
import { QueryContent } from "../../components/query-content";
import { formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { usePlan } from "../../queries/use-plan";
import { labelOf } from "../../vocabulary";
import { DeliveryChoiceSection } from "../logistics/delivery-choice";
import { OwnershipHistory } from "../privacy/audit-trail";
import { UpdatesTimeline } from "../updates";
import { CancelOwnership } from "./cancel-ownership";
import { MyAllocation } from "./my-allocation";
import { MyParcels } from "./my-parcels";
import { MyShipments } from "./my-shipments";

/** Where a payment stands: awaited (with the way back to checkout), or why it never came. */
const PaymentState = ({ ownership }: { ownership: PaidOwnership }) => {
  const { t, lang } = useI18n();
  const unpaid = unpaidReason(ownership);
  if (unpaid !== undefined)
    return (
      <div className="problem" role="alert">
        <p className="badge status-cancelled">{t("harvest.unpaidLabel")}</p>
        <p>{t(unpaid === "expired" ? "harvest.paymentExpired" : "harvest.paymentFailed")}</p>
      </div>
    );
  if (!isPaymentPending(ownership)) return null;
  const payment = ownership.payment;
  return (
    <div className="notice" aria-live="polite">
      <p className="badge status-pending">{t("harvest.paymentPending")}</p>
      {payment?.checkoutUrl && (
        <p>
          <a className="button primary" href={payment.checkoutUrl}>
            {t("harvest.payNow")}
          </a>
        </p>
      )}
      {payment !== undefined && payment !== null && (
        <p className="muted">
          {t("harvest.payBy", { date: formatDateTime(lang, payment.expiresAt) })}
        </p>
      )}
      <p className="muted">{t("harvest.paymentWaiting")}</p>
    </div>
  );
};

/** One ownership: its plan, what it cost, and while active its harvest, parcels and news. */
export const OwnedPlan = ({ ownership }: { ownership: PaidOwnership }) => {
  const { t, lang } = useI18n();
  const plan = usePlan(ownership.planId);
  const active = ownership.status === "active";
  const cancelled = ownership.status === "cancelled";
  return (
    <li className="card owned-plan">
      <QueryContent query={plan}>
        {(plan) => (
          <>
            <h2>
              <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
            </h2>
            <p>
              <span className={`badge status-${plan.status}`}>{t(`status.${plan.status}`)}</span>{" "}
              {t("harvest.ownership", {
                shares: ownership.shares,
                total: formatYen(lang, ownership.totalYen),
              })}{" "}
              · {labelOf(t, "region", ownership.shippingRegion)}
            </p>
            <p className="muted">
              {t("harvest.reservedAt", { date: formatDateTime(lang, ownership.reservedAt) })}
            </p>
            <PaymentState ownership={ownership} />
            {cancelled && <p className="badge status-cancelled">{t("harvest.cancelledLabel")}</p>}
            {active && (ownership.creditAppliedYen ?? 0) > 0 && (
              <p className="muted">
                {t("harvest.creditApplied", {
                  amount: formatYen(lang, ownership.creditAppliedYen ?? 0),
                })}
              </p>
            )}
            {active &&
              plan.status === "open" &&
              Date.now() < Date.parse(plan.cancellationDeadline) && (
                <CancelOwnership ownership={ownership} plan={plan} />
              )}
            {active && (
              <>
                <MyAllocation plan={plan} ownershipId={ownership.id} />
                <MyShipments plan={plan} />
                {["allocated", "shipped", "completed"].includes(plan.status) && (
                  <MyParcels plan={plan} />
                )}
                {plan.status !== "cancelled" &&
                  plan.status !== "shipped" &&
                  plan.status !== "completed" && (
                    <DeliveryChoiceSection ownershipId={ownership.id} />
                  )}
                <UpdatesTimeline planId={plan.id} />
              </>
            )}
            <OwnershipHistory ownershipId={ownership.id} />
          </>
        )}
      </QueryContent>
    </li>
  );
};
