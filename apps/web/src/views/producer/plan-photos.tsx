import { useState } from "react";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ProblemMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { useAction } from "../../use-action";
import { PhotoImage } from "../photo";
import { uploadPhoto } from "./upload-photo";

/** Photos on the plan itself: uploaded to storage first, attached (and verified) by the API. */
export const PlanPhotos = ({ plan, onAdded }: { plan: Plan; onAdded: () => void }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const [added, setAdded] = useState(false);
  const add = useAction(async (file: File) => {
    const key = await uploadPhoto(api, file);
    await call(
      api.POST("/plans/{id}/photos", { params: { path: { id: plan.id } }, body: { key } }),
    );
    setAdded(true);
    onAdded();
  });
  return (
    <section className="card stack">
      <h2>{t("producer.planPhotos")}</h2>
      {plan.photoUrls.length > 0 && (
        <div className="photos">
          {plan.photoUrls.map((src, i) => (
            <PhotoImage key={plan.photoKeys[i] ?? src} src={src} alt={plan.title} />
          ))}
        </div>
      )}
      <div className="field">
        <label htmlFor={`plan-photo-${plan.id}`}>{t("producer.addPlanPhoto")}</label>
        <input
          id={`plan-photo-${plan.id}`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={add.pending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setAdded(false);
            if (file !== undefined) void add.start(file);
          }}
        />
      </div>
      {add.pending && <p role="status">{t("producer.uploading")}</p>}
      {added && <p className="success">{t("producer.photoAdded")}</p>}
      {add.problem && <ProblemMessage problem={add.problem} />}
    </section>
  );
};
