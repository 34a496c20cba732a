import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { call } from "../../api/client";
import { browser, type PaidOwnership } from "../../api/payments";
import { type Problem, problemFromError } from "../../api/problem";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ProblemMessage } from "../../components/problem-message";
import { formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { isRetryable, newIdempotencyKey } from "../../idempotency";
import { invalidatePlan } from "../../queries/plan-changed";
import { queryKeys } from "../../queries/query-keys";
import { useMyCredits } from "../../queries/use-payments";

type Outcome =
  | { readonly kind: "idle" }
  | { readonly kind: "reserved"; readonly ownership: PaidOwnership }
  | { readonly kind: "checkout" }
  | { readonly kind: "soldOut" }
  | { readonly kind: "ownerLimit" }
  | { readonly kind: "waitlisted"; readonly position: number }
  | { readonly kind: "failed"; readonly problem: Problem };

/**
 * Reserves `shares` of `plan`, then sends the owner to the processor's checkout page (it comes back
 * to "my harvest", which follows the payment). Each attempt carries its own Idempotency-Key; a
 * retry after a lost answer (network, 5xx) sends the same key, so the API holds and charges once.
 * The owner's store credit with this producer is used unless it unticks the box. Sold out offers
 * the waitlist.
 */
export const ReservePanel = ({
  plan,
  shares,
  shippingRegion,
  totalYen,
}: {
  plan: Plan;
  shares: number;
  shippingRegion: string;
  totalYen: number | undefined;
}) => {
  const { t, lang } = useI18n();
  const { api, session } = useApp();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [useCredit, setUseCredit] = useState(true);
  const credits = useMyCredits(session?.role === "owner");
  const creditYen =
    credits.data?.credits.find((c) => c.producerId === plan.producerId)?.balanceYen ?? 0;
  const attempt = useRef<{ key: string; what: string } | undefined>(undefined);
  const reservation = useMutation({
    mutationFn: async (key: string) => {
      // `useCredit` (issue 14, not in the generated type yet) is sent only with credit to spend:
      // the API's default is to use it, and without credit there is nothing to choose.
      const body =
        creditYen > 0 ? { shares, shippingRegion, useCredit } : { shares, shippingRegion };
      const reserved = await call(
        api.POST("/plans/{id}/reservations", {
          params: { path: { id: plan.id }, header: { "idempotency-key": key } },
          body,
        }),
      );
      return reserved;
    },
    // Shares sold (the plan, its quotes, the lists) and the owner's own ownerships changed.
    onSuccess: () =>
      Promise.all([
        invalidatePlan(queryClient, plan.id),
        queryClient.invalidateQueries({ queryKey: queryKeys.myOwnerships() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myCredits() }),
      ]),
  });
  const waitlist = useMutation({
    mutationFn: () =>
      call(
        api.POST("/plans/{id}/waitlist", { params: { path: { id: plan.id } }, body: { shares } }),
      ),
    // The plan page shows the owner's place in line (WaitlistPlace).
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.myWaitlistPlace(plan.id) }),
  });
  const pending = reservation.isPending || waitlist.isPending;

  if (session?.role !== "owner")
    return (
      <p className="notice">
        <Link to={`/sign-in?next=/plans/${plan.id}`}>{t("reserve.signInFirst")}</Link>
      </p>
    );

  const reserve = () => {
    const what = `${shares}:${shippingRegion}:${creditYen > 0 && useCredit}`;
    // Same inputs after a lost answer: same key. Anything else is a new attempt.
    if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
    reservation.mutate(attempt.current.key, {
      onSuccess: (ownership) => {
        attempt.current = undefined;
        const checkoutUrl = ownership.payment?.checkoutUrl;
        if (ownership.status === "pending_payment" && checkoutUrl) {
          setOutcome({ kind: "checkout" });
          browser.assign(checkoutUrl);
        } else setOutcome({ kind: "reserved", ownership });
      },
      onError: (error) => {
        const problem = problemFromError(error);
        if (!isRetryable(problem.status)) attempt.current = undefined;
        if (problem.code === "PLAN.SOLD_OUT") {
          setOutcome({ kind: "soldOut" });
          // The page still counted shares left: read the plan again (it shows the line then).
          void invalidatePlan(queryClient, plan.id);
        } else if (problem.code === "PLAN.OWNER_LIMIT") setOutcome({ kind: "ownerLimit" });
        else setOutcome({ kind: "failed", problem });
      },
    });
  };

  const joinWaitlist = () =>
    waitlist.mutate(undefined, {
      onSuccess: (place) => setOutcome({ kind: "waitlisted", position: place.position }),
      onError: (error) => setOutcome({ kind: "failed", problem: problemFromError(error) }),
    });

  return (
    <div className="reserve">
      {creditYen > 0 && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={useCredit}
            onChange={(event) => setUseCredit(event.target.checked)}
          />{" "}
          {t("reserve.useCredit", { amount: formatYen(lang, creditYen) })}
        </label>
      )}
      <button
        type="button"
        className="primary"
        disabled={pending || outcome.kind === "checkout" || plan.status !== "open"}
        onClick={reserve}
      >
        {pending
          ? t("reserve.submitting")
          : t("reserve.submit", {
              total: totalYen === undefined ? "" : formatYen(lang, totalYen),
            })}
      </button>
      <div aria-live="polite">
        {outcome.kind === "checkout" && <p className="success">{t("reserve.toCheckout")}</p>}
        {outcome.kind === "reserved" && (
          <p className="success">
            {outcome.ownership.status === "active" && (outcome.ownership.creditAppliedYen ?? 0) > 0
              ? t("reserve.paidWithCredit", { shares: outcome.ownership.shares })
              : t("reserve.done", { shares: outcome.ownership.shares })}{" "}
            <Link to="/me">{t("reserve.goMyHarvest")}</Link>
          </p>
        )}
        {outcome.kind === "soldOut" && (
          <div className="problem" role="alert">
            <p>{t("reserve.soldOut")}</p>
            <button type="button" disabled={pending} onClick={joinWaitlist}>
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
