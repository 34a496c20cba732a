import { describe, expect, it } from "vitest";
import { createApiFromConfig } from "../composition/container.ts";
import { testConfig } from "../testing/harness.ts";
import { ORIGIN_SECRET_HEADER } from "./origin-guard.ts";

const SECRET = "origin-secret-origin-secret-origin-secret";

describe("the origin guard", () => {
  const guarded = () => createApiFromConfig(testConfig({ OWNERS_ORIGIN_SECRET: SECRET }));

  it("refuses a direct call (no header, or a wrong one) with a 403 problem", async () => {
    const app = guarded();
    const attempts: Record<string, string>[] = [{}, { [ORIGIN_SECRET_HEADER]: "guess" }];
    for (const headers of attempts) {
      const res = await app.request("/api/health", { headers });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "AUTH.DIRECT_ACCESS" });
    }
  });

  it("answers what CloudFront forwards with the secret", async () => {
    const res = await guarded().request("/api/health", {
      headers: { [ORIGIN_SECRET_HEADER]: SECRET },
    });
    expect(res.status).toBe(200);
  });

  it("is off without a secret (local runs have no CloudFront)", async () => {
    const res = await createApiFromConfig(testConfig()).request("/health");
    expect(res.status).toBe(200);
  });
});
