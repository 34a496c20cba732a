import { fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { queryKeys } from "../../queries/query-keys";
import { ownership, plan } from "../../testing/fixtures";
import {
  fakeApi,
  json,
  OWNER,
  problem,
  renderWithApp,
  testQueryClient,
} from "../../testing/render";
import { PlanPage } from "./plan-page";

const quote = {
  planId: "plan_1",
  shares: 1,
  lines: [{ shares: 1, unitPriceYen: 5000, reason: "base" }],
  sharesYen: 5000,
  shippingRegion: "kanto",
  shippingYen: 0,
  totalYen: 5000,
};

const showPlan = (
  fetchImpl: typeof fetch,
  options: { at?: string; queryClient?: ReturnType<typeof testQueryClient> } = {},
) =>
  renderWithApp(
    <Routes>
      <Route path="/plans/:id" element={<PlanPage />} />
    </Routes>,
    { fetchImpl, session: OWNER, at: options.at ?? "/plans/plan_1", ...options },
  );

const planReads = (requests: readonly { method: string; path: string }[]) =>
  requests.filter((r) => r.method === "GET" && r.path === "/plans/plan_1").length;

describe("PlanPage", () => {
  it("says a missing plan is not found at once: a 404 is not asked again", async () => {
    const api = fakeApi(() => problem(404, "PLAN.NOT_FOUND", "plan not found"));
    showPlan(api.fetchImpl, { at: "/plans/plan_gone" });
    expect((await screen.findByRole("alert")).textContent).toContain("プランが見つかりません。");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /plans/plan_gone"]);
  });

  it("asks again after a lost answer (5xx), then shows the plan", async () => {
    let reads = 0;
    const api = fakeApi((_method, path) => {
      if (path !== "/plans/plan_1") return json({ items: [] });
      reads += 1;
      return reads === 1 ? problem(503, "STORE.UNAVAILABLE") : json(plan({ status: "closed" }));
    });
    showPlan(api.fetchImpl);
    expect(await screen.findByRole("heading", { name: plan().title })).toBeTruthy();
    expect(planReads(api.requests)).toBe(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the returning owners' early window when the plan has one, and nothing when not", async () => {
    const early = plan({ status: "closed", returningOwnersOpenAt: "2026-05-31T01:00:00.000Z" });
    const api = fakeApi((_method, path) =>
      path === "/plans/plan_1" ? json(early) : json({ items: [] }),
    );
    const { unmount } = showPlan(api.fetchImpl);
    expect((await screen.findByTestId("returning-owners-open-at")).textContent).toContain("2026");
    expect(screen.getByText("リピーター先行")).toBeTruthy();
    unmount();
    const plain = fakeApi((_method, path) =>
      path === "/plans/plan_1" ? json(plan({ status: "closed" })) : json({ items: [] }),
    );
    showPlan(plain.fetchImpl);
    expect(await screen.findByRole("heading", { name: plan().title })).toBeTruthy();
    expect(screen.queryByTestId("returning-owners-open-at")).toBeNull();
  });

  it("after reserving, reads the plan again (shares left) and marks my ownerships stale", async () => {
    let sold = 0;
    const api = fakeApi((method, path) => {
      if (method === "POST" && path === "/plans/plan_1/reservations") {
        sold += 2;
        return json(ownership(), 201);
      }
      if (path === "/plans/plan_1")
        return json(plan({ sharesSold: sold, sharesRemaining: 10 - sold }));
      if (path === "/plans/plan_1/quote") return json(quote);
      return json({ items: [] });
    });
    const queryClient = testQueryClient();
    // Visited earlier: my ownerships are in the cache, still without this reservation.
    queryClient.setQueryData(queryKeys.myOwnerships(), { items: [] });
    showPlan(api.fetchImpl, { queryClient });
    expect((await screen.findByTestId("shares-remaining")).textContent).toBe("10 / 10口");

    fireEvent.click(await screen.findByRole("button", { name: "5,000円で申し込む" }));
    await screen.findByText("申し込みました。2口のオーナーです。");
    expect(screen.getByTestId("shares-remaining").textContent).toBe("8 / 10口");
    expect(planReads(api.requests)).toBe(2);
    expect(queryClient.getQueryState(queryKeys.myOwnerships())?.isInvalidated).toBe(true);
  });
});
