import { RegExpRouter } from "hono/router/reg-exp-router";
import { SmartRouter } from "hono/router/smart-router";
import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import { ROUTE_MANIFEST } from "./routes/route-manifest.ts";

describe("the API's router", () => {
  it("is the trie Hono's default router settles on for these routes (its RegExp attempt fails)", () => {
    // Hono's default: compile every route into one RegExp, else fall back to the trie. The API
    // binds the trie itself (app.ts), which routes alike only while the RegExp attempt fails.
    const router = new SmartRouter<number>({ routers: [new RegExpRouter(), new TrieRouter()] });
    let handler = 0;
    router.add("ALL", "*", handler++);
    router.add("GET", "/health", handler++);
    for (const routes of Object.values(ROUTE_MANIFEST))
      for (const route of routes) {
        const at = route.indexOf(" ");
        router.add(route.slice(0, at), route.slice(at + 1), handler++);
      }
    router.match("GET", "/plans/plan_1");
    expect(router.name).toBe("SmartRouter + TrieRouter");
  });
});
