// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_DIR, generateApiFiles } from "./api-spec.ts";

describe("generated API client types", () => {
  it("match the API's current OpenAPI document (run `pnpm --filter @owners/web gen:api`)", async () => {
    const { spec, types } = await generateApiFiles();
    expect(readFileSync(new URL("openapi.json", GENERATED_DIR), "utf8")).toBe(spec);
    expect(readFileSync(new URL("schema.d.ts", GENERATED_DIR), "utf8")).toBe(types);
  });
});
