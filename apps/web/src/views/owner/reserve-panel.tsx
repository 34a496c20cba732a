import { useRef, useState } from "react";
import { Link } from "react-router";
import { call } from "../../api/client";
import { type Problem, problemFromError } from "../../api/problem";
import type { Ownership, Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ProblemMessage } from "../../components/problem-message";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { isRetryable, newIdempotencyKey } from "../../idempotency";

type Outcome =
  | { readonly kind: "idle" }
  | { readonly kind: "reserved"; readonly ownership: Ownership }
  | { readonly kind: "soldOut" }
  | { readonly kind: "ownerLimit" }
  | { readonly kind: "waitlisted"; readonly position: number }
  | { readonly kind: "failed"; readonly problem: Problem };

/**
 * Reserves `shares` of `plan`. Each attempt carries its own Idempotency-Key; a retry after a lost
 * answer (network, 5xx) sends the same key, so the API charges once. Sold out offers the waitlist.
 */
export const ReservePanel = ({
  plan,
  shares,
  shippingRegion,
  totalYen,
  onReserved,
}: {
  plan: Plan;
  shares: number;
  shippingRegion: string;
  totalYen: number | undefined;
  onReserved?: (ownership: Ownership) => void;
}) => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [pending, setPending] = useState(false);
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);

  if (session?.role !== "owner")
    return (
      <p className="notice">
        <Link to={`/sign-in?next=/plans/${plan.id}`}>{t("reserve.signInFirst")}</Link>
      </p>
    );

  const reserve = async () => {
    const what = `${shares}:${shippingRegion}`;
    // Same inputs after a lost answer: same key. Anything else is a new attempt.
    if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
    setPending(true);
    try {
      const ownership = await call(
        api.POST("/plans/{id}/reservations", {
          params: { path: { id: plan.id }, header: { "idempotency-key": attempt.current.key } },
          body: { shares, shippingRegion },
        }),
      );
      attempt.current = undefined;
      setOutcome({ kind: "reserved", ownership });
      onReserved?.(ownership);
    } catch (error) {
      const problem = problemFromError(error);
      if (!isRetryable(problem.status)) attempt.current = undefined;
      if (problem.code === "PLAN.SOLD_OUT") setOutcome({ kind: "soldOut" });
      else if (problem.code === "PLAN.OWNER_LIMIT") setOutcome({ kind: "ownerLimit" });
      else setOutcome({ kind: "failed", problem });
    } finally {
      setPending(false);
    }
  };

  const joinWaitlist = async () => {
    setPending(true);
    try {
      const place = await call(
        api.POST("/plans/{id}/waitlist", { params: { path: { id: plan.id } }, body: { shares } }),
      );
      setOutcome({ kind: "waitlisted", position: place.position });
    } catch (error) {
      setOutcome({ kind: "failed", problem: problemFromError(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="reserve">
      <button
        type="button"
        className="primary"
        disabled={pending || plan.status !== "open"}
        onClick={() => void reserve()}
      >
        {pending
          ? t("reserve.submitting")
          : t("reserve.submit", {
              total: totalYen === undefined ? "" : formatYen(lang, totalYen),
            })}
      </button>
      <div aria-live="polite">
        {outcome.kind === "reserved" && (
          <p className="success">
            {t("reserve.done", { shares: outcome.ownership.shares })}{" "}
            <Link to="/me">{t("reserve.goMyHarvest")}</Link>
          </p>
        )}
        {outcome.kind === "soldOut" && (
          <div className="problem" role="alert">
            <p>{t("reserve.soldOut")}</p>
            <button type="button" disabled={pending} onClick={() => void joinWaitlist()}>
              {t("reserve.joinWaitlist", { shares })}
            </button>
          </div>
        )}
        {outcome.kind === "ownerLimit" && (
          <p className="problem" role="alert">
            {t("reserve.ownerLimit", { max: plan.maxSharesPerOwner })}
          </p>
        )}
        {outcome.kind === "waitlisted" && (
          <p className="success">{t("reserve.waitlisted", { position: outcome.position })}</p>
        )}
        {outcome.kind === "failed" && <ProblemMessage problem={outcome.problem} />}
      </div>
    </div>
  );
};
