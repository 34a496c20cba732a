import { useMutation } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { call } from "../../api/client";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";

/**
 * `/unsubscribe?token=`: the mail's footer link. It asks before acting (a link scanner that opens
 * it must not unsubscribe anyone); mail providers use the API's one-click POST directly.
 */
export const UnsubscribePage = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const unsubscribe = useMutation({
    mutationFn: () => call(api.POST("/unsubscribe", { params: { query: { token } } })),
  });
  return (
    <section className="stack narrow">
      <h1>{t("notices.unsubscribeTitle")}</h1>
      {unsubscribe.isSuccess ? (
        <p role="status" className="card">
          {t("notices.unsubscribed", {
            category: t(`notices.category.${unsubscribe.data.category}`),
          })}
        </p>
      ) : (
        <>
          <p>{t("notices.unsubscribeConfirm")}</p>
          <button
            type="button"
            disabled={token === "" || unsubscribe.isPending}
            onClick={() => unsubscribe.mutate()}
          >
            {t("notices.unsubscribe")}
          </button>
          <ErrorMessage error={unsubscribe.error} />
        </>
      )}
    </section>
  );
};
