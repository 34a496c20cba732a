import { describe, expect, it } from "vitest";
import { banner } from "./banner.ts";

describe("start-up banner", () => {
  const text = banner({
    store: "dynamodb",
    apiUrl: "http://127.0.0.1:3000",
    dynamoEndpoint: "http://127.0.0.1:8000",
    s3Endpoint: "http://127.0.0.1:4569",
    notificationsPath: "/repo/.local/notifications.jsonl",
    seed: { plansCreated: 5, plansKept: 0, reservations: 7 },
  });

  it("lists the API, docs, OpenAPI and health URLs and the engines", () => {
    for (const url of [
      "http://127.0.0.1:3000/docs",
      "http://127.0.0.1:3000/openapi.json",
      "http://127.0.0.1:3000/health",
      "http://127.0.0.1:8000",
      "http://127.0.0.1:4569",
    ])
      expect(text).toContain(url);
    expect(text).toContain("loaded: 5 plans, 7 reservations");
  });

  it("leads with the web site when it is served", () => {
    const withWeb = banner({
      store: "memory",
      apiUrl: "http://127.0.0.1:3000",
      webUrl: "http://127.0.0.1:5173",
      notificationsPath: "/tmp/n.jsonl",
    });
    expect(withWeb).toContain("Web           http://127.0.0.1:5173");
    expect(withWeb.indexOf("5173")).toBeLessThan(withWeb.indexOf("3000"));
    expect(text).not.toContain("Web ");
  });

  it("shows a dev-login curl for the same API", () => {
    expect(text).toContain("curl -s -X POST http://127.0.0.1:3000/auth/dev-login");
    expect(text).toContain('{"sub":"owner-sato","role":"owner"}');
  });

  it("says when the demo was kept from an earlier run", () => {
    const again = banner({
      store: "memory",
      apiUrl: "http://127.0.0.1:3000",
      notificationsPath: "/tmp/n.jsonl",
      seed: { plansCreated: 0, plansKept: 5, reservations: 0 },
    });
    expect(again).toContain("already loaded (5 plans kept");
    expect(again).not.toContain("DynamoDB");
  });
});
