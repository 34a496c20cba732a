import { useState } from "react";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import {
  type NotificationPreferences,
  type OptionalCategory,
  usePreferences,
  useSavePreferences,
} from "../../queries/use-notifications";

const OPTIONAL: readonly OptionalCategory[] = ["season", "news", "experiences"];

/** The choices as ticked: shown at once, saved one change at a time. */
const PreferencesForm = ({ saved }: { saved: NotificationPreferences }) => {
  const { t } = useI18n();
  const save = useSavePreferences();
  const [choices, setChoices] = useState(saved);
  const change = (category: OptionalCategory, on: boolean) => {
    setChoices((c) => ({ ...c, [category]: on }));
    save.mutate(
      { [category]: on },
      { onError: () => setChoices((c) => ({ ...c, [category]: !on })) },
    );
  };
  return (
    <fieldset className="stack">
      <legend className="visually-hidden">{t("notices.preferences")}</legend>
      <label className="checkbox">
        <input type="checkbox" checked disabled /> {t("notices.category.account")}
      </label>
      {OPTIONAL.map((category) => (
        <label key={category} className="checkbox">
          <input
            type="checkbox"
            checked={choices[category]}
            onChange={(e) => change(category, e.target.checked)}
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
  );
};

/** Which categories of mail the owner gets: each saves as it is ticked; account mail always goes. */
export const NotificationPreferencesSection = () => {
  const { t } = useI18n();
  const preferences = usePreferences();
  return (
    <section className="card" aria-labelledby="notice-preferences">
      <h2 id="notice-preferences">{t("notices.preferences")}</h2>
      <QueryContent query={preferences}>
        {(prefs) => <PreferencesForm saved={prefs} />}
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
