import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/client";
import type { Plan } from "../../api/types";
import { useApp } from "../../app-context";
import { Field, SelectField } from "../../components/field";
import { ErrorMessage } from "../../components/problem-message";
import { useI18n } from "../../i18n/i18n";
import { newIdempotencyKey } from "../../idempotency";
import { queryKeys } from "../../queries/query-keys";
import { uploadPhoto } from "./upload-photo";

/** Posts news to the plan's owners (or everyone), with photos uploaded straight to storage. */
export const PostUpdate = ({ plan }: { plan: Plan }) => {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<"public" | "owners">("owners");
  const [files, setFiles] = useState<File[]>([]);
  const post = useMutation({
    mutationFn: async () => {
      const photoKeys = [];
      for (const file of files) photoKeys.push(await uploadPhoto(api, file));
      await call(
        api.POST("/plans/{id}/updates", {
          params: { path: { id: plan.id }, header: { "idempotency-key": newIdempotencyKey() } },
          body: { body, visibility, photoKeys },
        }),
      );
    },
    onSuccess: () => {
      setBody("");
      setFiles([]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.updates(plan.id) });
    },
  });
  return (
    <form
      className="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate();
      }}
    >
      <h2>{t("producer.postUpdate")}</h2>
      <Field label={t("producer.updateBody")} value={body} onChange={setBody} multiline required />
      <SelectField
        label={t("producer.visibility")}
        value={visibility}
        options={(["owners", "public"] as const).map((v) => ({
          value: v,
          label: t(`producer.visibility.${v}`),
        }))}
        onChange={setVisibility}
      />
      <div className="field">
        <label htmlFor={`photos-${plan.id}`}>{t("producer.photosField")}</label>
        <input
          id={`photos-${plan.id}`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </div>
      <button type="submit" className="primary" disabled={post.isPending}>
        {post.isPending && files.length > 0 ? t("producer.uploading") : t("producer.post")}
      </button>
      {post.isSuccess && <p className="success">{t("producer.posted")}</p>}
      <ErrorMessage error={post.error} />
    </form>
  );
};
