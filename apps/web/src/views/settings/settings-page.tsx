import { type ComponentType, useState } from "react";
import { Link, useLocation } from "react-router";
import { useApp } from "../../app-context";
import { useI18n } from "../../i18n/i18n";
import { NotificationPreferencesSection } from "../notices/preferences-section";
import { DataRightsSection } from "../privacy/data-rights-section";
import { AddressesSection } from "./addresses-section";
import { ProfileSection } from "./profile-section";

/** A section of `/settings`, and the roles it is for (the API answers the others 403). */
export interface SettingsSection {
  readonly key: string;
  readonly Section: ComponentType;
}

/** The owner's sections; other areas add theirs here (one line each). */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { key: "profile", Section: ProfileSection },
  { key: "addresses", Section: AddressesSection },
  { key: "notification-preferences", Section: NotificationPreferencesSection },
];

/**
 * `/settings`, section by section: the owner's profile and addresses, then everyone's data rights
 * (export, account deletion). Deleting signs the person out, so the farewell is kept here, in the
 * page, rather than in the section that disappears with the session.
 */
export const SettingsPage = ({
  sections = SETTINGS_SECTIONS,
}: {
  sections?: readonly SettingsSection[];
}) => {
  const { t } = useI18n();
  const { session } = useApp();
  const { pathname } = useLocation();
  const [closed, setClosed] = useState(false);
  if (closed)
    return (
      <section className="stack">
        <h1>{t("settings.title")}</h1>
        <p role="status" className="card">
          {t("rights.deleted")}
        </p>
      </section>
    );
  if (session === undefined)
    return (
      <section className="stack">
        <h1>{t("settings.title")}</h1>
        <section className="card narrow">
          <p>{t("signIn.required")}</p>
          <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`}>{t("nav.signIn")}</Link>
        </section>
      </section>
    );
  return (
    <section className="stack">
      <h1>{t("settings.title")}</h1>
      {session.role === "owner" && sections.map(({ key, Section }) => <Section key={key} />)}
      <DataRightsSection onDeleted={() => setClosed(true)} />
    </section>
  );
};
