import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Ownership, Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { formatDateTime, formatYen } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { queryKeys } from "../../queries/query-keys";

/** Cancels an ownership (full refund) once the owner confirms, until the plan's deadline. */
export const CancelOwnership = ({
  ownership,
  plan,
}: {
  ownership: Pick<Ownership, "id" | "shares" | "totalYen">;
  plan: Plan;
}) => {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      call(api.DELETE("/ownerships/{id}", { params: { path: { id: ownership.id } } })),
    // The ownership is cancelled and its shares are on sale again; its experience bookings went
    // with it (their seats are free again).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.myOwnerships() }),
        invalidatePlan(queryClient, plan.id),
        queryClient.invalidateQueries({ queryKey: queryKeys.myBookings() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.experiences(plan.id) }),
      ]),
  });
  const confirmThenCancel = () => {
    const total = formatYen(lang, ownership.totalYen);
    if (window.confirm(t("harvest.confirmCancel", { shares: ownership.shares, total })))
      cancel.mutate();
  };
  return (
    <>
      <p>
        <button type="button" disabled={cancel.isPending} onClick={confirmThenCancel}>
          {t("harvest.cancelOwnership")}
        </button>
        <span className="muted">
          {" "}
          {t("plan.cancellationDeadlineText", {
            date: formatDateTime(lang, plan.cancellationDeadline),
          })}
        </span>
      </p>
      <ErrorMessage error={cancel.error} />
    </>
  );
};
