import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { webApp } from "./web-server.ts";

const site = () => {
  const dir = mkdtempSync(join(tmpdir(), "owners-web-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>OWNERS</title>");
  writeFileSync(join(dir, "assets", "app.js"), "console.log(1)");
  return dir;
};

const api = async (request: Request) =>
  Response.json({ path: new URL(request.url).pathname, method: request.method });

describe("local web server", () => {
  it("serves files, and index.html for the app's own paths", async () => {
    const app = webApp({ distDir: site(), api });
    const asset = await app.request("/assets/app.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
    for (const path of ["/", "/plans/plan_1", "/producer/plans/new"]) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>OWNERS</title>");
    }
  });

  it("hands /api/* to the API with the prefix kept", async () => {
    const app = webApp({ distDir: site(), api });
    const answer = await app.request("/api/plans?limit=2", { method: "POST" });
    expect(await answer.json()).toEqual({ path: "/api/plans", method: "POST" });
  });

  it("writes config.json for this machine: dev login, the API on /api", async () => {
    const memory = webApp({ distDir: site(), api });
    expect(await (await memory.request("/config.json")).json()).toEqual({
      apiBase: "/api",
      auth: "dev",
    });
  });

  it("says how to build the site when it is not built", async () => {
    const app = webApp({ distDir: join(tmpdir(), "owners-web-missing"), api });
    const answer = await app.request("/");
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain("pnpm --filter @owners/web build");
  });
});
