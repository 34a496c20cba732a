import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { invalidatePlan } from "../../queries/plan-changed";
import { PhotoImage } from "../photo";
import { uploadPhoto } from "./upload-photo";

/**
 * Photos on the plan itself: uploaded to storage first, attached (and verified) by the API; each
 * can be removed again.
 */
export const PlanPhotos = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: async (file: File) => {
      const key = await uploadPhoto(api, file);
      await call(
        api.POST("/plans/{id}/photos", { params: { path: { id: plan.id } }, body: { key } }),
      );
    },
    onSuccess: () => invalidatePlan(queryClient, plan.id),
  });
  const remove = useMutation({
    mutationFn: (photoKey: string) =>
      call(
        api.DELETE("/plans/{id}/photos/{photoKey}", {
          params: { path: { id: plan.id, photoKey } },
        }),
      ),
    onSuccess: () => invalidatePlan(queryClient, plan.id),
  });
  return (
    <section className="card stack">
      <h2>{t("producer.planPhotos")}</h2>
      {plan.photoUrls.length > 0 && (
        <div className="photos">
          {plan.photoUrls.map((src, i) => {
            const photoKey = plan.photoKeys[i];
            return (
              <figure key={photoKey ?? src} className="photo-item">
                <PhotoImage src={src} alt={plan.title} />
                {photoKey !== undefined && (
                  <button
                    type="button"
                    className="danger"
                    disabled={remove.isPending}
                    aria-label={t("producerPaths.removePhotoN", { n: i + 1 })}
                    onClick={() => remove.mutate(photoKey)}
                  >
                    {t("producerPaths.removePhoto")}
                  </button>
                )}
              </figure>
            );
          })}
        </div>
      )}
      <div className="field">
        <label htmlFor={`plan-photo-${plan.id}`}>{t("producer.addPlanPhoto")}</label>
        <input
          id={`plan-photo-${plan.id}`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={add.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file !== undefined) add.mutate(file);
          }}
        />
      </div>
      {add.isPending && <p role="status">{t("producer.uploading")}</p>}
      {add.isSuccess && <p className="success">{t("producer.photoAdded")}</p>}
      {remove.isSuccess && <p className="success">{t("producerPaths.photoRemoved")}</p>}
      <ErrorMessage error={add.error} />
      <ErrorMessage error={remove.error} />
    </section>
  );
};
