import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ownership, plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, problem, renderWithApp } from "../../testing/render";
import { ReservePanel } from "./reserve-panel";

const show = (fetchImpl: typeof fetch, shares = 2, session = OWNER) =>
  renderWithApp(
    <ReservePanel plan={plan()} shares={shares} shippingRegion="kanto" totalYen={10_000} />,
    { fetchImpl, session },
  );

const reserveButton = () => screen.getByRole("button", { name: "10,000円で申し込む" });

describe("ReservePanel", () => {
  it("reserves with a fresh Idempotency-Key and the bearer token", async () => {
    const api = fakeApi(() => json(ownership(), 201));
    show(api.fetchImpl);
    fireEvent.click(reserveButton());
    expect(await screen.findByText("申し込みました。2口のオーナーです。")).toBeTruthy();
    const [sent] = api.requests;
    expect(sent?.path).toBe("/plans/plan_1/reservations");
    // No store credit with this producer: no box, and nothing to choose is sent.
    expect(sent?.body).toEqual({ shares: 2, shippingRegion: "kanto" });
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(sent?.headers.get("idempotency-key")).toMatch(/^[\x21-\x7e]{8,128}$/);
    expect(sent?.headers.get("authorization")).toBe("Bearer test-token");
  });

  it("on sold out says so and offers the waitlist, then shows the place in line", async () => {
    const api = fakeApi((_method, path) =>
      path.endsWith("/waitlist")
        ? json({ planId: "plan_1", shares: 2, position: 3 }, 201)
        : problem(409, "PLAN.SOLD_OUT", "sold out"),
    );
    show(api.fetchImpl);
    fireEvent.click(reserveButton());
    expect((await screen.findByRole("alert")).textContent).toContain(
      "売り切れました。キャンセル待ちに並べます。",
    );
    fireEvent.click(screen.getByRole("button", { name: "キャンセル待ちに並ぶ（2口）" }));
    expect(
      await screen.findByText("キャンセル待ちの3番目に並びました。空きが出たらお知らせします。"),
    ).toBeTruthy();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /plans/plan_1/reservations",
      "POST /plans/plan_1/waitlist",
    ]);
    expect(api.requests[1]?.body).toEqual({ shares: 2 });
  });

  it("over the per-owner limit names the limit, not the raw problem", async () => {
    const api = fakeApi(() => problem(409, "PLAN.OWNER_LIMIT", "owner limit exceeded"));
    show(api.fetchImpl);
    fireEvent.click(reserveButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("お一人あたりの上限（3口）を超えます。口数を減らしてください。");
    expect(alert.textContent).not.toContain("PLAN.OWNER_LIMIT");
  });

  it("retries a lost answer with the same key, and starts a new attempt with a new key", async () => {
    let calls = 0;
    const api = fakeApi(() => {
      calls += 1;
      if (calls === 1) return problem(503, "STORE.UNAVAILABLE");
      if (calls === 2) return json(ownership(), 201);
      return problem(409, "PLAN.NOT_OPEN");
    });
    show(api.fetchImpl);
    fireEvent.click(reserveButton());
    expect((await screen.findByRole("alert")).textContent).toContain(
      "混み合っています。少し待ってからもう一度お試しください。",
    );
    fireEvent.click(reserveButton());
    await screen.findByText("申し込みました。2口のオーナーです。");
    fireEvent.click(reserveButton());
    await screen.findByText("このプランはいま申し込みを受け付けていません。");
    const keys = api.requests.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it("shows the API's own title for a code it has no translation for", async () => {
    const api = fakeApi(() => problem(409, "PLAN.SOMETHING_NEW", "Something new happened"));
    show(api.fetchImpl);
    fireEvent.click(reserveButton());
    expect((await screen.findByRole("alert")).textContent).toContain("Something new happened");
  });

  it("asks a visitor to sign in as an owner instead of offering the button", () => {
    const api = fakeApi(() => json({}));
    renderWithApp(
      <ReservePanel plan={plan()} shares={1} shippingRegion="kanto" totalYen={5000} />,
      { fetchImpl: api.fetchImpl },
    );
    expect(
      screen.getByRole("link", { name: "申し込むにはオーナーとしてログインしてください。" }),
    ).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
