import { useI18n } from "../i18n/i18n";

export const Spinner = () => {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("common.loading")}
    </p>
  );
};
