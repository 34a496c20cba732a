import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import { ApiError } from "../../api/problem";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { formatDateTime } from "../../format";
import { useI18n } from "../../i18n/i18n";
import { saveBlob } from "../producer/download";

interface Blocker {
  readonly reason: "CANCELLATION_CLOSED" | "LIVE_PLAN";
  readonly planId: string;
  readonly ownershipId?: string;
  readonly planStatus: string;
  readonly cancellationDeadline?: string;
}

/** The reasons a 409 ACCOUNT.DELETION_BLOCKED carries (problem details), if that is the error. */
const blockersOf = (error: unknown): readonly Blocker[] | undefined => {
  if (!(error instanceof ApiError) || error.problem.code !== "ACCOUNT.DELETION_BLOCKED")
    return undefined;
  const details = (error.problem as { details?: { blockers?: Blocker[] } }).details;
  return details?.blockers ?? [];
};

/**
 * The person's data rights (APPI), for the settings page: download everything held about it as
 * JSON, and delete the account after a confirmation saying what happens to its ownerships.
 */
export const DataRightsSection = ({ onDeleted }: { onDeleted?: () => void }) => {
  const { t, lang } = useI18n();
  const { api, session, setToken } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const exportData = useMutation({
    mutationFn: async () => {
      const data = await call(api.GET("/me/export"));
      saveBlob(
        new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }),
        `owners-export-${session?.sub ?? "me"}.json`,
      );
    },
  });
  const deleteAccount = useMutation({
    mutationFn: () => call(api.DELETE("/me")),
    onSuccess: () => {
      setDeleted(true);
      setConfirming(false);
      onDeleted?.();
      // The account is gone: so is the session (its token would only meet ACCOUNT.NOT_FOUND).
      setToken(undefined);
    },
  });
  if (deleted)
    return (
      <section aria-labelledby="data-rights" className="card">
        <h2 id="data-rights">{t("rights.title")}</h2>
        <p role="status">{t("rights.deleted")}</p>
      </section>
    );
  const blockers = blockersOf(deleteAccount.error);
  return (
    <section aria-labelledby="data-rights" className="card data-rights">
      <h2 id="data-rights">{t("rights.title")}</h2>
      <p>{t("rights.exportIntro")}</p>
      <p>
        <button type="button" disabled={exportData.isPending} onClick={() => exportData.mutate()}>
          {t("rights.export")}
        </button>{" "}
        {exportData.isSuccess && (
          <span role="status" className="muted">
            {t("rights.exported")}
          </span>
        )}
      </p>
      <ErrorMessage error={exportData.error} />
      <h3>{t("rights.deleteTitle")}</h3>
      <p>{t("rights.deleteIntro")}</p>
      {!confirming ? (
        <p>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t("rights.delete")}
          </button>
        </p>
      ) : (
        <div role="alertdialog" aria-labelledby="confirm-delete" className="notice">
          <p id="confirm-delete">
            <strong>{t("rights.confirmTitle")}</strong>
          </p>
          <p>{t("rights.confirmText")}</p>
          <p>
            <button
              type="button"
              className="danger"
              disabled={deleteAccount.isPending}
              onClick={() => deleteAccount.mutate()}
            >
              {t("rights.confirmDelete")}
            </button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>
              {t("rights.keep")}
            </button>
          </p>
        </div>
      )}
      {blockers !== undefined ? (
        <div className="problem" role="alert">
          <p>{t("rights.blocked")}</p>
          <ul>
            {blockers.map((b) => (
              <li key={`${b.reason}-${b.ownershipId ?? b.planId}`}>
                {b.reason === "CANCELLATION_CLOSED"
                  ? t("rights.blocker.CANCELLATION_CLOSED", {
                      planId: b.planId,
                      ownershipId: b.ownershipId ?? "",
                      deadline:
                        b.cancellationDeadline === undefined
                          ? ""
                          : formatDateTime(lang, b.cancellationDeadline),
                    })
                  : t("rights.blocker.LIVE_PLAN", { planId: b.planId, status: b.planStatus })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage error={deleteAccount.error} />
      )}
    </section>
  );
};
