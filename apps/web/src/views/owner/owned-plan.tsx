import { Link } from "react-router";
import type { Ownership } from "../../api/types";
import { QueryContent } from "../../components/query-content";
import { formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { usePlan } from "../../queries/use-plan";
import { labelOf } from "../../vocabulary";
import { UpdatesTimeline } from "../updates";
import { CancelOwnership } from "./cancel-ownership";
import { MyAllocation } from "./my-allocation";
import { MyShipments } from "./my-shipments";

/** One ownership: its plan, what it cost, and while active its harvest, parcels and news. */
export const OwnedPlan = ({ ownership }: { ownership: Ownership }) => {
  const { t, lang } = useI18n();
  const plan = usePlan(ownership.planId);
  const active = ownership.status === "active";
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
            {!active && <p className="badge status-cancelled">{t("harvest.cancelledLabel")}</p>}
            {active &&
              plan.status === "open" &&
              Date.now() < Date.parse(plan.cancellationDeadline) && (
                <CancelOwnership ownership={ownership} plan={plan} />
              )}
            {active && (
              <>
                <MyAllocation plan={plan} ownershipId={ownership.id} />
                <MyShipments plan={plan} />
                <UpdatesTimeline planId={plan.id} />
              </>
            )}
          </>
        )}
      </QueryContent>
    </li>
  );
};
