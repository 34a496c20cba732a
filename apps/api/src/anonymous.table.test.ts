import { describe, expect, it } from "vitest";
import { API_PREFIX } from "./app.ts";
import { makeHarness } from "./testing/harness.ts";
import { ROUTE_CASES } from "./testing/route-catalog.ts";

interface Operation {
  readonly security?: readonly unknown[];
}

/** Every operation the document says needs a bearer token, as "METHOD /path/{param}". */
const signedInRoutes = async (): Promise<string[]> => {
  const doc = (await (await makeHarness().app.request("/openapi.json")).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, operation]) => (operation.security?.length ?? 0) > 0)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
};

/** Everything wrong at once: path params no id matches, unknown and bad query, no key header. */
const invalidPath = (path: string) => `${path.replaceAll(/\{\w+\}/g, "!!")}?limit=zero&unknown=1`;

const BODIES = {
  "a body of the wrong shape": JSON.stringify({ unexpected: ["x"], shares: "many" }),
  "malformed JSON": "{",
};

describe("an anonymous caller gets 401 on every signed-in route, whatever it sends", () => {
  it("finds the signed-in routes: the catalog's, all of them documented with bearer security", async () => {
    const routes = await signedInRoutes();
    const catalogued = new Set(ROUTE_CASES.map((c) => c.route.replace(/ \(.*\)$/, "")));
    expect(routes.filter((route) => !catalogued.has(route))).toEqual([]);
    expect(routes).toContain("POST /plans");
    expect(routes.length).toBeGreaterThanOrEqual(25);
  });

  it("answers 401 problem+json before validating the path, query, headers or body", async () => {
    const h = makeHarness();
    const answers: Record<string, number> = {};
    for (const route of await signedInRoutes()) {
      const [method = "", path = ""] = route.split(" ");
      for (const [what, body] of Object.entries(BODIES)) {
        for (const prefix of ["", API_PREFIX]) {
          const response = await h.app.request(`${prefix}${invalidPath(path)}`, {
            method,
            headers: { "content-type": "application/json" },
            ...(method === "GET" ? {} : { body }),
          });
          answers[`${route} ${prefix} ${what}`] = response.status;
          if (response.status === 401)
            expect(response.headers.get("content-type")).toBe("application/problem+json");
        }
      }
    }
    expect(Object.entries(answers).filter(([, status]) => status !== 401)).toEqual([]);
  });

  it("still validates for a signed-in caller (the 401 is not a blanket refusal)", async () => {
    const h = makeHarness();
    const answer = await h.call("POST", "/plans", {
      body: { unexpected: true },
      as: ["producer-a", "producer"],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: "VALIDATION.INVALID" });
  });
});
