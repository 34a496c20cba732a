import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { call } from "../../api/client";
import type { Plan, SeasonReportView } from "../../api/types";
import { useApp } from "../../app-context";
import { Field } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { queryKeys } from "../../queries/query-keys";
import { PhotoImage } from "../photo";
import { uploadPhoto } from "../producer/upload-photo";
import { useSeasonReport } from "./season-report";

/** What the API keeps per report (the domain's MAX_SEASON_REPORT_PHOTOS). */
export const MAX_SEASON_PHOTOS = 6;

type Draft = NonNullable<SeasonReportView["draft"]>;

/**
 * The producer's season report: prefilled from the recorded lots (or the published report), with
 * photos uploaded straight to storage like updates'. Before completion it says why it is closed.
 */
export const SeasonReportForm = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const loaded = useSeasonReport(plan.id);
  const draft = loaded.data?.draft;
  if (draft === undefined) return null;
  return (
    <section className="card stack" data-testid="season-report-form">
      <h2>{t("season.form.title")}</h2>
      {draft.canPublish ? (
        <SeasonReportEditor
          plan={plan}
          draft={draft}
          photoUrls={loaded.data?.report?.photoUrls ?? []}
          published={loaded.data?.report != null}
        />
      ) : (
        <p className="notice">{t("season.form.notYet", { status: t(`status.${plan.status}`) })}</p>
      )}
    </section>
  );
};

const SeasonReportEditor = ({
  plan,
  draft,
  photoUrls,
  published,
}: {
  plan: Plan;
  draft: Draft;
  photoUrls: readonly string[];
  published: boolean;
}) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const photosId = useId();
  const [harvested, setHarvested] = useState(String(draft.harvestedUnits));
  const [lots, setLots] = useState(String(draft.lotCount));
  const [note, setNote] = useState(draft.note);
  const [files, setFiles] = useState<File[]>([]);
  const [kept, setKept] = useState<readonly string[]>(draft.photoKeys);
  // A newly published report's keys replace the form's (its uploads became verified copies).
  useEffect(() => setKept(draft.photoKeys), [draft.photoKeys]);
  const tooMany = kept.length + files.length > MAX_SEASON_PHOTOS;
  const save = useMutation({
    mutationFn: async () => {
      const uploaded = [];
      for (const file of files) uploaded.push(await uploadPhoto(api, file));
      return call(
        api.PUT("/plans/{id}/season-report", {
          params: { path: { id: plan.id } },
          body: {
            harvestedUnits: Math.max(0, Math.floor(Number(harvested) || 0)),
            lotCount: Math.max(0, Math.floor(Number(lots) || 0)),
            note,
            photoKeys: [...kept, ...uploaded],
          },
        }),
      );
    },
    onSuccess: () => {
      setFiles([]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.seasonReport(plan.id) });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooMany) save.mutate();
      }}
    >
      {!published && <p className="muted">{t("season.form.intro")}</p>}
      <div className="row">
        <Field
          label={t("season.form.harvestedUnits", { unit: draft.unitLabel })}
          type="number"
          min={0}
          value={harvested}
          onChange={setHarvested}
          required
        />
        <Field
          label={t("season.form.lotCount")}
          type="number"
          min={0}
          value={lots}
          onChange={setLots}
          required
        />
      </div>
      <Field label={t("season.form.note")} value={note} onChange={setNote} multiline />
      {photoUrls.length > 0 && (
        <div>
          <p>{t("season.form.currentPhotos")}</p>
          <div className="photos">
            {photoUrls.map((src, i) => (
              <PhotoImage key={src} src={src} alt={t("season.photoAlt", { n: i + 1 })} />
            ))}
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={photosId}>{t("season.form.photos", { max: MAX_SEASON_PHOTOS })}</label>
        <input
          id={photosId}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      {tooMany && (
        <p className="error" role="alert">
          {t("season.form.tooManyPhotos", { max: MAX_SEASON_PHOTOS })}
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending || tooMany}>
        {save.isPending
          ? t("season.form.saving")
          : published
            ? t("season.form.save")
            : t("season.form.publish")}
      </button>
      {save.isSuccess && (
        <p className="success" role="status">
          {published && save.data.version > 1 ? t("season.form.saved") : t("season.form.published")}
        </p>
      )}
      <ErrorMessage error={save.error} />
    </form>
  );
};
