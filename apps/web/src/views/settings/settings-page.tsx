import type { ComponentType } from "react";
import { useI18n } from "../../i18n/i18n";
import { AddressesSection } from "./addresses-section";
import { ProfileSection } from "./profile-section";

/**
 * `/settings`, section by section. Other areas add their section here (one line each): the export
 * and account deletion sections of the privacy work go after the addresses.
 */
export const SETTINGS_SECTIONS: readonly {
  readonly key: string;
  readonly Section: ComponentType;
}[] = [
  { key: "profile", Section: ProfileSection },
  { key: "addresses", Section: AddressesSection },
];

export const SettingsPage = ({
  sections = SETTINGS_SECTIONS,
}: {
  sections?: typeof SETTINGS_SECTIONS;
}) => {
  const { t } = useI18n();
  return (
    <section className="stack">
      <h1>{t("settings.title")}</h1>
      {sections.map(({ key, Section }) => (
        <Section key={key} />
      ))}
    </section>
  );
};
