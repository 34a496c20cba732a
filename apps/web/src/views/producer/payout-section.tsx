import { useMutation } from "@tanstack/react-query";
import { call } from "../../api/client";
import { browser } from "../../api/payments";
import { problemFromError } from "../../api/problem";
import { useApp } from "../../app-context";
import { ProblemMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { usePayoutAccount } from "../../queries/use-payments";

/**
 * The producer's payout account at the processor: where onboarding stands, the button that starts
 * or continues it, and the processor's own dashboard (payouts, statements) once there is an
 * account. Both links are one-time URLs the API makes on demand; the browser leaves for them.
 */
export const PayoutSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const account = usePayoutAccount();
  const open = useMutation({
    mutationFn: (which: "onboarding" | "dashboard") =>
      call(
        which === "onboarding"
          ? api.POST("/producers/me/payout-account/onboarding")
          : api.POST("/producers/me/payout-account/dashboard"),
      ),
    onSuccess: ({ url }) => browser.assign(url),
  });
  const flag = (on: boolean) => (on ? t("payout.yes") : t("payout.no"));
  return (
    <section className="card payout" data-testid="payout-section">
      <h2>{t("payout.title")}</h2>
      <QueryContent query={account}>
        {(a) => {
          const ready = a.chargesEnabled && a.payoutsEnabled && a.detailsSubmitted;
          const state =
            a.accountId === null
              ? t("payout.none")
              : ready
                ? t("payout.ready")
                : a.chargesEnabled
                  ? t("payout.payoutsPending")
                  : t("payout.incomplete");
          return (
            <>
              <p className={ready ? "success" : "notice"}>{state}</p>
              {a.accountId !== null && (
                <dl className="stats">
                  <div>
                    <dt>{t("payout.charges")}</dt>
                    <dd>{flag(a.chargesEnabled)}</dd>
                  </div>
                  <div>
                    <dt>{t("payout.payouts")}</dt>
                    <dd>{flag(a.payoutsEnabled)}</dd>
                  </div>
                  <div>
                    <dt>{t("payout.details")}</dt>
                    <dd>{flag(a.detailsSubmitted)}</dd>
                  </div>
                </dl>
              )}
              <div className="actions">
                {!ready && (
                  <button
                    type="button"
                    className="primary"
                    disabled={open.isPending || open.isSuccess}
                    onClick={() => open.mutate("onboarding")}
                  >
                    {open.isPending || open.isSuccess
                      ? t("payout.opening")
                      : a.accountId === null
                        ? t("payout.start")
                        : t("payout.continue")}
                  </button>
                )}
                {a.accountId !== null && (
                  <button
                    type="button"
                    disabled={open.isPending || open.isSuccess}
                    onClick={() => open.mutate("dashboard")}
                  >
                    {t("payout.dashboard")}
                  </button>
                )}
              </div>
              {open.error !== null && <ProblemMessage problem={problemFromError(open.error)} />}
            </>
          );
        }}
      </QueryContent>
    </section>
  );
};
