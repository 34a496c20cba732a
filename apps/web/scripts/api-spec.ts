import { createApi, readConfig } from "@owners/api";
import openapiTS from "openapi-typescript";
import { pino } from "pino";

export interface GeneratedApiFiles {
  readonly spec: string;
  readonly types: string;
}

/**
 * Builds the API in memory mode (nothing to start), asks it for its OpenAPI document and turns
 * that into TypeScript types; the same function writes the files and checks they are current.
 */
export const generateApiFiles = async (): Promise<GeneratedApiFiles> => {
  const api = createApi(
    readConfig({
      OWNERS_STORE: "memory",
      OWNERS_DEV_LOGIN: "on",
      OWNERS_JWT_SECRET: "generate-openapi-types-only-not-a-real-secret",
    }),
    { logger: pino({ level: "silent" }) },
  );
  const response = await api.app.request("/openapi.json");
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  const document = (await response.json()) as Record<string, unknown>;
  const types = await openapiTS(document as never, { exportType: false });
  return { spec: `${JSON.stringify(document, null, 2)}\n`, types };
};

export const GENERATED_DIR = new URL("../src/api/generated/", import.meta.url);
