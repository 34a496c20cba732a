import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, openPlan, planBody, reserve } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const ADMIN: [string, "admin"] = ["root", "admin"];

/** A broken client's body, with and without a JSON content type. */
const MALFORMED = [
  { body: "{" },
  { body: "{", headers: { "content-type": "text/plain" } },
  { body: "cancel=yes", headers: { "content-type": "application/x-www-form-urlencoded" } },
];

describe("a body that is present and not JSON", () => {
  it("gets 400 on the routes that read no body, and nothing happens", async () => {
    const h = makeHarness();
    const draft = (await h.call("POST", "/plans", { body: planBody(), as: PRODUCER })).body.id;
    const open = await openPlan(h);
    const owned = (await reserve(h, open, "o1", 1)).body.id;
    const routes: [string, string, [string, "producer" | "owner" | "admin"]][] = [
      ["POST", `/plans/${draft}/publish`, PRODUCER],
      ["POST", `/plans/${open}/close`, PRODUCER],
      ["POST", `/plans/${open}/cancel`, PRODUCER],
      ["DELETE", `/ownerships/${owned}`, ["o1", "owner"]],
      ["POST", "/admin/batches/close-sales", ADMIN],
    ];
    for (const [method, path, as] of routes)
      for (const request of MALFORMED) {
        const headers = { ...request.headers, "accept-language": "en" };
        const answer = await h.call(method, path, { ...request, headers, as });
        expectProblem(answer, 400, "REQUEST.INVALID");
        expect(answer.body.detail, `${method} ${path}`).toBe("the request body is not valid JSON");
      }
    expect((await h.call("GET", `/plans/${draft}`, { as: PRODUCER })).body.status).toBe("draft");
    expect((await h.call("GET", `/plans/${open}`)).body).toMatchObject({
      status: "open",
      sharesSold: 1,
    });
  });

  it("is fine when empty or JSON: those routes still act", async () => {
    const h = makeHarness();
    const open = await openPlan(h);
    const closed = await h.call("POST", `/plans/${open}/close`, { body: "{}", as: PRODUCER });
    expect(closed.body.status).toBe("closed");
    const run = await h.call("POST", "/admin/batches/close-sales", { as: ADMIN });
    expect(run.status).toBe(200);
  });
});

describe("a JSON body sent as another media type", () => {
  it("gets 415 and changes nothing, even where every field is optional", async () => {
    const h = makeHarness();
    const before = await h.call("GET", "/me/notification-preferences", { as: ["o1", "owner"] });
    const answer = await h.call("PUT", "/me/notification-preferences", {
      body: JSON.stringify({ news: false }),
      headers: { "content-type": "text/plain", "accept-language": "en" },
      as: ["o1", "owner"],
    });
    expectProblem(answer, 415, "REQUEST.INVALID");
    expect(answer.body.detail).toBe(
      "the request body must be sent as content-type application/json",
    );
    const after = await h.call("GET", "/me/notification-preferences", { as: ["o1", "owner"] });
    expect(after.body).toEqual(before.body);
    expect(after.body.news).toBe(true);
  });

  it("is taken with a JSON media type and its parameters", async () => {
    const h = makeHarness();
    const answer = await h.call("PUT", "/me/notification-preferences", {
      body: JSON.stringify({ news: false }),
      headers: { "content-type": "application/json; charset=utf-8" },
      as: ["o1", "owner"],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.news).toBe(false);
  });
});

describe("the OpenAPI document", () => {
  it("names the 415 on every signed-in write, and on no read or anonymous route", async () => {
    type Operation = { security?: unknown[]; responses: Record<string, unknown> };
    const doc = (await (await makeHarness().app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const with415 = operations
      .filter(({ operation }) => "415" in operation.responses)
      .map(({ method, path }) => `${method} ${path}`);
    const signedInWrites = operations
      .filter(({ method, operation }) => method !== "get" && operation.security !== undefined)
      .map(({ method, path }) => `${method} ${path}`);
    expect(signedInWrites).toContain("post /plans");
    expect(with415.sort()).toEqual(signedInWrites.sort());
    expect(with415).not.toContain("post /webhooks/payments");
  });
});
