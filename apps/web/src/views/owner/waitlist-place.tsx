import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

/** The owner's place-in-line query: the reserve panel refreshes it after joining. */
export const useMyWaitlistPlace = (planId: string, enabled: boolean) => {
  const { api } = useApp();
  return useQuery({
    queryKey: queryKeys.myWaitlistPlace(planId),
    queryFn: () => call(api.GET("/plans/{id}/waitlist/mine", { params: { path: { id: planId } } })),
    enabled,
  });
};

/**
 * Where the signed-in owner stands in a sold-out plan's line: its number while waiting (with a
 * way out, after a confirmation), or a pointer to the offer on its own page once offered.
 * Nothing at all when it is not in line.
 */
export const WaitlistPlace = ({ planId }: { planId: string }) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const place = useMyWaitlistPlace(planId, true);
  const leave = useMutation({
    mutationFn: () =>
      call(api.DELETE("/plans/{id}/waitlist", { params: { path: { id: planId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myWaitlistPlace(planId) }),
  });
  const data = place.data;
  if (data?.status === "offered")
    return (
      <p className="success" data-testid="waitlist-place">
        {t("waitlistPlace.offered", {
          shares: data.offer?.shares ?? data.shares ?? 0,
          expiresAt: data.offer === null ? "" : formatDateTime(lang, data.offer.expiresAt),
        })}{" "}
        <Link to="/me">{t("waitlistPlace.toOffer")}</Link>
      </p>
    );
  if (data?.status !== "waiting")
    return leave.isSuccess ? <p className="success">{t("waitlistPlace.left")}</p> : null;
  const confirmThenLeave = () => {
    if (window.confirm(t("waitlistPlace.confirmLeave"))) leave.mutate();
  };
  return (
    <div className="notice" data-testid="waitlist-place">
      <p>
        {t("waitlistPlace.waiting", { position: data.position ?? 0, shares: data.shares ?? 0 })}
      </p>
      <button type="button" disabled={leave.isPending} onClick={confirmThenLeave}>
        {t("waitlistPlace.leave")}
      </button>
      <ErrorMessage error={leave.error} />
    </div>
  );
};
