import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useApp } from "../../app-context";
import { useI18n } from "../../i18n/i18n";
import { DataRightsSection } from "./data-rights-section";

/**
 * A stand-in `/settings` page holding the data rights section, for every signed-in role; lane E's
 * settings page (profile, addresses, language, notifications) replaces it at the merge and
 * places the section itself.
 */
export const SettingsPage = () => {
  const { t } = useI18n();
  const { session } = useApp();
  const { pathname } = useLocation();
  // Deleting signs the person out: the farewell must outlive the section it came from.
  const [closed, setClosed] = useState(false);
  return (
    <>
      <h1>{t("settings.title")}</h1>
      {closed ? (
        <p role="status" className="card">
          {t("rights.deleted")}
        </p>
      ) : session === undefined ? (
        <section className="card narrow">
          <p>{t("signIn.required")}</p>
          <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`}>{t("nav.signIn")}</Link>
        </section>
      ) : (
        <DataRightsSection onDeleted={() => setClosed(true)} />
      )}
    </>
  );
};
