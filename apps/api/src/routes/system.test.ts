import { describe, expect, it } from "vitest";
import { createApiFromConfig } from "../composition/container.ts";
import { testConfig } from "../testing/harness.ts";

describe("/docs", () => {
  it("serves the Swagger UI page by default (local runs)", async () => {
    const res = await createApiFromConfig(testConfig()).request("/docs");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("swagger");
  });

  it("is gone when the entry point turns it off (the Lambda), the document stays", async () => {
    const app = createApiFromConfig(testConfig(), { docs: false });
    expect((await app.request("/api/docs")).status).toBe(404);
    expect((await app.request("/api/openapi.json")).status).toBe(200);
  });
});
