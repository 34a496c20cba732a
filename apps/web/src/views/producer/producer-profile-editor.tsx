import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import { problemFromError } from "../../api/problem";
import type { ProducerProfile, SellerDisclosure } from "../../api/types";
import { useApp } from "../../app-context";
import { Field } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { QueryContent } from "../../components/query-content";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { PhotoImage } from "../photo";
import { uploadPhoto } from "./upload-photo";

const DISCLOSURE: readonly (keyof SellerDisclosure)[] = [
  "legalName",
  "responsiblePerson",
  "address",
  "phone",
  "email",
  "pricesAndFees",
  "deliveryTime",
  "returnsAndCancellation",
];

const list = (text: string) =>
  text
    .split(/[,、\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

const Editor = ({ profile }: { profile: ProducerProfile }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [prefecture, setPrefecture] = useState(profile.prefecture);
  const [area, setArea] = useState(profile.area ?? "");
  const [story, setStory] = useState(profile.story);
  const [products, setProducts] = useState(profile.products.join("、"));
  const [categories, setCategories] = useState(profile.categories.join(", "));
  const [disclosure, setDisclosure] = useState<SellerDisclosure>(profile.disclosure);
  // The form keeps what the producer typed; only the version moves on with each save.
  const [expectedVersion, setExpectedVersion] = useState(profile.version);
  const save = useMutation({
    mutationFn: (photoKeys?: string[]) =>
      call(
        api.PUT("/producers/me/profile", {
          body: {
            displayName,
            prefecture,
            area,
            story,
            products: list(products),
            categories: list(categories),
            disclosure,
            expectedVersion,
            ...(photoKeys === undefined ? {} : { photoKeys }),
          },
        }),
      ),
    onSuccess: (saved) => {
      setExpectedVersion(saved.version);
      return queryClient.invalidateQueries({ queryKey: queryKeys.myProducerProfile() });
    },
  });
  const addPhoto = useMutation({
    mutationFn: async (file: File) => {
      const key = await uploadPhoto(api, file);
      await save.mutateAsync([...profile.photoKeys, key]);
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <div className="grid">
        <Field
          label={t("people.displayName")}
          value={displayName}
          required
          onChange={setDisplayName}
        />
        <Field
          label={t("people.prefecture")}
          value={prefecture}
          required
          onChange={setPrefecture}
        />
        <Field label={t("people.area")} value={area} onChange={setArea} />
        <Field label={t("people.products")} value={products} onChange={setProducts} />
        <Field label={t("people.categories")} value={categories} onChange={setCategories} />
      </div>
      <Field label={t("plan.story")} value={story} multiline onChange={setStory} />
      {profile.photoUrls.length > 0 && (
        <div className="photos">
          {profile.photoUrls.map((src, i) => (
            <PhotoImage key={profile.photoKeys[i] ?? src} src={src} alt={profile.displayName} />
          ))}
        </div>
      )}
      <div className="field">
        <label htmlFor="producer-photo">{t("people.addPhoto")}</label>
        <input
          id="producer-photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={addPhoto.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) addPhoto.mutate(file);
          }}
        />
      </div>
      <fieldset>
        <legend>{t("people.disclosure")}</legend>
        <div className="grid">
          {DISCLOSURE.map((field) => (
            <Field
              key={field}
              label={t(`people.disclosure.${field}`)}
              value={disclosure[field]}
              required
              onChange={(value) => setDisclosure((d) => ({ ...d, [field]: value }))}
            />
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={save.isPending}>
        {t("common.save")}
      </button>
      {save.isSuccess && <p className="success">{t("settings.saved")}</p>}
      <ErrorMessage error={save.error ?? addPhoto.error} />
    </form>
  );
};

/** The producer's public profile, edited from its dashboard (absent until its approval). */
export const ProducerProfileEditor = () => {
  const { t } = useI18n();
  const { api } = useApp();
  const profile = useQuery({
    queryKey: queryKeys.myProducerProfile(),
    queryFn: () => call(api.GET("/producers/me/profile")),
    retry: false,
  });
  const notYet = profile.error != null && problemFromError(profile.error).status === 404;
  return (
    <section className="card" aria-labelledby="producer-profile">
      <h2 id="producer-profile">{t("people.myProfile")}</h2>
      {notYet ? (
        <p className="muted">{t("people.noProfileYet")}</p>
      ) : (
        <QueryContent query={profile}>{(p) => <Editor profile={p} />}</QueryContent>
      )}
    </section>
  );
};
