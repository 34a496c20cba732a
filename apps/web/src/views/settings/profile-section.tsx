import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { MyProfile } from "../../api/types";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";

const CATEGORIES = ["reservations", "updates", "harvest", "shipping", "followedProducers"] as const;

const ProfileForm = ({ profile }: { profile: MyProfile }) => {
  const { t, setLang } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(profile.displayName ?? "");
  const [language, setLanguage] = useState<"ja" | "en">(profile.language);
  const [notifications, setNotifications] = useState<Record<string, boolean>>(
    profile.notifications,
  );
  // The form keeps what the person typed; only the version moves on with each save.
  const [expectedVersion, setExpectedVersion] = useState(profile.version);
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT("/me/profile", {
          body: { displayName, language, notifications, expectedVersion },
        }),
      ),
    onSuccess: (saved) => {
      setExpectedVersion(saved.version);
      setLang(saved.language);
      return queryClient.invalidateQueries({ queryKey: queryKeys.myProfile() });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field
        label={t("settings.displayName")}
        value={displayName}
        onChange={setDisplayName}
        hint={t("settings.displayNameHint")}
      />
      <SelectField
        label={t("settings.language")}
        value={language}
        options={[
          { value: "ja", label: "日本語" },
          { value: "en", label: "English" },
        ]}
        onChange={setLanguage}
      />
      <fieldset>
        <legend>{t("settings.notifications")}</legend>
        {CATEGORIES.map((category) => (
          <label key={category} className="checkbox">
            <input
              type="checkbox"
              checked={notifications[category] !== false}
              onChange={(e) => setNotifications((n) => ({ ...n, [category]: e.target.checked }))}
            />{" "}
            {t(`settings.notify.${category}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={save.isPending}>
        {t("common.save")}
      </button>
      {save.isSuccess && <p className="success">{t("settings.saved")}</p>}
      <ErrorMessage error={save.error} />
    </form>
  );
};

/** Display name, language and notification choices. */
export const ProfileSection = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const profile = useQuery({
    queryKey: queryKeys.myProfile(),
    queryFn: () => call(api.GET("/me/profile")),
  });
  return (
    <section className="card" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t("settings.profile")}</h2>
      <QueryContent query={profile}>{(p) => <ProfileForm profile={p} />}</QueryContent>
    </section>
  );
};
