import { fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MyWaitlistPlace } from "../../api/types";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { PlanPage } from "./plan-page";
import { WaitlistPlace } from "./waitlist-place";

const waiting: MyWaitlistPlace = {
  status: "waiting",
  position: 3,
  shares: 2,
  joinedAt: "2026-06-10T00:00:00.000Z",
  offer: null,
};
const none: MyWaitlistPlace = {
  status: "none",
  position: null,
  shares: null,
  joinedAt: null,
  offer: null,
};

afterEach(() => vi.unstubAllGlobals());

describe("WaitlistPlace", () => {
  it("shows the owner's number in line and leaves only after it confirms", async () => {
    let left = false;
    const api = fakeApi((method, path) => {
      if (method === "DELETE" && path === "/plans/plan_1/waitlist") {
        left = true;
        return json({ planId: "plan_1", left: true });
      }
      if (path === "/plans/plan_1/waitlist/mine") return json(left ? none : waiting);
      return json({ items: [] });
    });
    renderWithApp(<WaitlistPlace planId="plan_1" />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(await screen.findByText("順番待ち 3 番目（2口）")).toBeTruthy();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("confirm", confirm);
    fireEvent.click(screen.getByRole("button", { name: "キャンセル待ちをやめる" }));
    expect(confirm).toHaveBeenCalledWith(
      "キャンセル待ちをやめますか？並び直すと最後尾になります。",
    );
    expect(api.requests.some((r) => r.method === "DELETE")).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "キャンセル待ちをやめる" }));
    expect(await screen.findByText("キャンセル待ちをやめました。")).toBeTruthy();
    expect(screen.queryByText(/順番待ち/)).toBeNull();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /plans/plan_1/waitlist/mine",
      "DELETE /plans/plan_1/waitlist",
      "GET /plans/plan_1/waitlist/mine",
    ]);
  });

  it("points an owner with an offer to its page, and shows nothing when not in line", async () => {
    const offered: MyWaitlistPlace = {
      status: "offered",
      position: null,
      shares: 1,
      joinedAt: null,
      offer: {
        id: "offer_1",
        planId: "plan_1",
        shares: 1,
        wantedShares: 2,
        offeredAt: "2026-06-10T00:00:00.000Z",
        expiresAt: "2026-06-11T00:00:00.000Z",
      },
    };
    const first = renderWithApp(<WaitlistPlace planId="plan_1" />, {
      fetchImpl: fakeApi(() => json(offered)).fetchImpl,
      session: OWNER,
    });
    expect((await screen.findByTestId("waitlist-place")).textContent).toContain(
      "空きが出ました。1口を",
    );
    expect(screen.getByRole("link", { name: "わたしの収穫で申し込む" }).getAttribute("href")).toBe(
      "/me",
    );
    expect(screen.queryByRole("button", { name: "キャンセル待ちをやめる" })).toBeNull();
    first.unmount();
    const api = fakeApi(() => json(none));
    renderWithApp(<WaitlistPlace planId="plan_1" />, { fetchImpl: api.fetchImpl, session: OWNER });
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    expect(screen.queryByTestId("waitlist-place")).toBeNull();
  });

  it("is on the page of a sold-out plan for owners, and not asked for while shares are left", async () => {
    const serve = (remaining: number) =>
      fakeApi((_method, path) => {
        if (path === "/plans/plan_1")
          return json(plan({ sharesSold: 10 - remaining, sharesRemaining: remaining }));
        if (path === "/plans/plan_1/waitlist/mine") return json(waiting);
        if (path === "/plans/plan_1/quote")
          return json({
            planId: "plan_1",
            shares: 1,
            lines: [{ shares: 1, unitPriceYen: 5000, reason: "base" }],
            sharesYen: 5000,
            shippingRegion: "kanto",
            shippingYen: 0,
            totalYen: 5000,
          });
        return json({ items: [] });
      });
    const page = (fetchImpl: typeof fetch) =>
      renderWithApp(
        <Routes>
          <Route path="/plans/:id" element={<PlanPage />} />
        </Routes>,
        { fetchImpl, session: OWNER, at: "/plans/plan_1" },
      );
    const soldOut = serve(0);
    const shown = page(soldOut.fetchImpl);
    expect(await screen.findByText("順番待ち 3 番目（2口）")).toBeTruthy();
    shown.unmount();
    const open = serve(4);
    page(open.fetchImpl);
    await screen.findByTestId("shares-remaining");
    expect(open.requests.some((r) => r.path.endsWith("/waitlist/mine"))).toBe(false);
  });
});
