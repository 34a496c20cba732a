import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import {
  type OptionalCategory,
  usePreferences,
  useSavePreferences,
} from "../../queries/use-notifications";

const OPTIONAL: readonly OptionalCategory[] = ["season", "news", "experiences"];

/** Which categories of mail the owner gets: each saves as it is ticked; account mail always goes. */
export const NotificationPreferencesSection = () => {
  const { t } = useI18n();
  const preferences = usePreferences();
  const save = useSavePreferences();
  return (
    <section className="card" aria-labelledby="notice-preferences">
      <h2 id="notice-preferences">{t("notices.preferences")}</h2>
      <QueryContent query={preferences}>
        {(prefs) => (
          <fieldset className="stack">
            <legend className="visually-hidden">{t("notices.preferences")}</legend>
            <label className="checkbox">
              <input type="checkbox" checked disabled /> {t("notices.category.account")}
            </label>
            {OPTIONAL.map((category) => (
              <label key={category} className="checkbox">
                <input
                  type="checkbox"
                  checked={prefs[category]}
                  disabled={save.isPending}
                  onChange={(e) => save.mutate({ [category]: e.target.checked })}
                />{" "}
                {t(`notices.category.${category}`)}
              </label>
            ))}
            {save.isSuccess && (
              <p className="success" role="status">
                {t("notices.saved")}
              </p>
            )}
            <ErrorMessage error={save.error} />
          </fieldset>
        )}
      </QueryContent>
    </section>
  );
};

/** `/settings/notifications`: where the mails' "notification settings" link lands. */
export const NotificationPreferencesPage = () => {
  const { t } = useI18n();
  return (
    <section className="stack">
      <h1>{t("notices.preferencesTitle")}</h1>
      <NotificationPreferencesSection />
    </section>
  );
};
