import { describe, expect, it } from "vitest";
import { startServer } from "./server.ts";
import { testConfig } from "./testing/harness.ts";

describe("startServer", () => {
  it("serves the API over real HTTP on a free port and stops", async () => {
    const server = await startServer({ port: 0, config: testConfig() });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ status: "ok", store: "memory" });
      const login = await fetch(`${server.url}/auth/dev-login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sub: "owner-http", role: "owner" }),
      });
      const { token } = (await login.json()) as { token: string };
      const mine = await fetch(`${server.url}/me/ownerships`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await mine.json()).toEqual({ items: [] });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
