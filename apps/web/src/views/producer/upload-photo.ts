import { type ApiClient, call } from "../../api/client";

/**
 * Uploads one photo straight to storage: the API hands out a presigned POST form (its fields,
 * then the file last), and the key it names is attached later, when the API verifies it.
 */
export const uploadPhoto = async (
  api: ApiClient,
  file: File,
  fetchImpl: typeof fetch = fetch,
): Promise<string> => {
  const form = await call(
    api.POST("/uploads", {
      body: { contentType: file.type || "image/jpeg", sizeBytes: file.size },
    }),
  );
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append("file", file);
  const response = await fetchImpl(form.url, { method: form.method, body });
  if (!response.ok) throw new Error(`upload failed: HTTP ${response.status}`);
  return form.key;
};
