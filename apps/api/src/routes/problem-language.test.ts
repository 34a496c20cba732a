import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { type Harness, makeHarness, openPlan, reserveUnpaid } from "../testing/harness.ts";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Reserving more shares than one owner may hold (the plan allows 3): a 409 from the domain. */
const overLimit = (h: Harness, planId: string, headers: Record<string, string>) =>
  h.call("POST", `/plans/${planId}/reservations`, {
    body: { shares: 4 },
    as: ["o1", "owner"],
    headers: { "idempotency-key": `k-${JSON.stringify(headers)}`, ...headers },
  });

describe("problem details in the reader's language", () => {
  it("answers the same refused reservation in Japanese by default, and in English when asked", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    const ja = await overLimit(h, planId, {});
    const jaExplicit = await overLimit(h, planId, { "accept-language": "ja-JP,ja;q=0.9,en;q=0.8" });
    const en = await overLimit(h, planId, { "accept-language": "en-US,en;q=0.9" });

    for (const answer of [ja, jaExplicit, en]) expectProblem(answer, 409, "PLAN.OWNER_LIMIT");
    expect(ja.body).toEqual(jaExplicit.body);
    expect(ja.body).toMatchObject({
      type: "https://owners.example/problems/plan-owner_limit",
      title: "口数の上限を超えています",
      detail: "お一人が持てる口数の上限を超えています。",
    });
    expect(ja.headers.get("content-language")).toBe("ja");
    expect(ja.headers.get("vary")).toContain("Accept-Language");

    expect(en.body).toMatchObject({
      title: "Owner limit reached",
      detail: "an owner may hold at most 3 shares",
    });
    expect(en.headers.get("content-language")).toBe("en");
    // The machine fields a client acts on are the same in both languages.
    const { title: _jt, detail: _jd, ...jaMachine } = ja.body;
    const { title: _et, detail: _ed, ...enMachine } = en.body;
    expect(jaMachine).toEqual(enMachine);
  });

  it("translates validation, auth and routing problems made at the edge", async () => {
    const h = makeHarness();
    const asked = (language: string) => ({ "accept-language": language });

    const invalidJa = await h.call("POST", "/plans", {
      body: { title: "" },
      as: ["producer-a", "producer"],
    });
    expectProblem(invalidJa, 400, "VALIDATION.INVALID");
    expect(invalidJa.body.title).toBe("入力内容が正しくありません");
    expect(invalidJa.body.fields.length).toBeGreaterThan(0);
    const invalidEn = await h.call("POST", "/plans", {
      body: { title: "" },
      as: ["producer-a", "producer"],
      headers: asked("en"),
    });
    expect(invalidEn.body).toMatchObject({
      title: "The request is not valid",
      detail: "the request json is not valid",
    });
    // The same fields fail; the reasons are in the reader's language too.
    const fieldNames = (answer: typeof invalidJa) =>
      answer.body.fields.map((f: { field: string }) => f.field);
    expect(fieldNames(invalidEn)).toEqual(fieldNames(invalidJa));
    const reasons = (answer: typeof invalidJa) =>
      Object.fromEntries(
        answer.body.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
      );
    expect(reasons(invalidJa)).toMatchObject({
      "json.title": "1文字以上で入力してください",
      "json.priceYen": "入力してください(必須項目です)",
    });
    expect(reasons(invalidEn)["json.title"]).toMatch(/^Too small/);

    const unauthenticated = await h.call("GET", "/me/ownerships", { headers: asked("ja") });
    expectProblem(unauthenticated, 401, "AUTH.UNAUTHENTICATED");
    expect(unauthenticated.body.detail).toMatch(JAPANESE);

    const notFound = await h.call("GET", "/nowhere", { headers: asked("fr, en;q=0.5") });
    expectProblem(notFound, 404, "ROUTE.NOT_FOUND");
    expect(notFound.body).toMatchObject({
      title: "Not found",
      detail: "no route for GET /nowhere",
    });
    expect(notFound.headers.get("content-language")).toBe("en");
  });

  it("says which language a successful answer is in, and that it varies by the header", async () => {
    const h = makeHarness();
    const planId = await openPlan(h);
    const reserved = await reserveUnpaid(h, planId, "o1", 1);
    expect(reserved.status).toBe(201);
    expect(reserved.headers.get("content-language")).toBe("ja");
    expect(reserved.headers.get("vary")).toContain("Accept-Language");
  });
});
