import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import type { NextSeason, SeasonReport } from "../../api/types";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { PlanPage } from "../owner/plan-page";
import { NextSeasonsSection } from "./next-seasons";
import { SeasonReportForm } from "./season-report-form";

const PRODUCER = { token: "t", sub: "producer-1", role: "producer" as const };

const report = (overrides: Partial<SeasonReport> = {}): SeasonReport => ({
  planId: "plan_1",
  producerId: "producer-1",
  harvestedUnits: 38,
  lotCount: 2,
  unitLabel: "pack",
  note: "暑い夏で、甘いいちじくになりました。",
  photoKeys: ["photos/a.jpg"],
  photoUrls: ["https://files.test/photos/a.jpg"],
  publishedAt: "2026-09-10T00:00:00.000Z",
  updatedAt: "2026-09-10T00:00:00.000Z",
  version: 1,
  ...overrides,
});

const card = (overrides: Partial<NextSeason> = {}): NextSeason => ({
  completedPlan: { id: "plan_1", title: "いちじく 2026", producerId: "producer-1" },
  nextPlan: {
    id: "plan_2",
    title: "いちじく 2027",
    status: "open",
    opensAt: "2027-06-01T00:00:00.000Z",
    closesAt: "2027-07-01T00:00:00.000Z",
    returningOwnersOpenAt: "2027-05-25T00:00:00.000Z",
    maxSharesPerOwner: 3,
  },
  opensToYouAt: "2027-05-25T00:00:00.000Z",
  windowOpen: true,
  suggestedShares: 2,
  alreadyReserved: false,
  ...overrides,
});

describe("season report", () => {
  it("shows the published report on a completed plan's page", async () => {
    const api = fakeApi((_m, path) =>
      path === "/plans/plan_1"
        ? json(plan({ status: "completed" }))
        : path === "/plans/plan_1/season-report"
          ? json({ report: report() })
          : json({ items: [] }),
    );
    renderWithApp(
      <Routes>
        <Route path="/plans/:id" element={<PlanPage />} />
      </Routes>,
      { fetchImpl: api.fetchImpl, at: "/plans/plan_1" },
    );
    const section = await screen.findByTestId("season-report");
    expect(section.textContent).toContain("シーズンレポート");
    expect(screen.getByTestId("season-harvested").textContent).toBe("38 pack");
    expect(section.textContent).toContain("暑い夏で");
    expect(screen.getByRole("img", { name: "シーズンの写真 1" })).toBeTruthy();
  });

  it("gives the producer a form prefilled from the lots, and publishes what it says", async () => {
    let published = false;
    const api = fakeApi((method, path, body) => {
      if (method === "PUT" && path === "/plans/plan_1/season-report") {
        published = true;
        return json(report({ ...(body as object), photoKeys: [], photoUrls: [] }));
      }
      return json({
        report: published ? report({ photoKeys: [], photoUrls: [] }) : null,
        draft: {
          harvestedUnits: 40,
          lotCount: 3,
          unitLabel: "pack",
          note: "",
          photoKeys: [],
          canPublish: true,
          planStatus: "completed",
        },
      });
    });
    renderWithApp(<SeasonReportForm plan={plan({ status: "completed" })} />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    const units = (await screen.findByLabelText("収穫量（pack）")) as HTMLInputElement;
    expect(units.value).toBe("40");
    expect((screen.getByLabelText("収穫回数") as HTMLInputElement).value).toBe("3");
    fireEvent.change(units, { target: { value: "38" } });
    fireEvent.change(screen.getByLabelText("ひとこと"), { target: { value: "よい季節でした" } });
    fireEvent.click(screen.getByRole("button", { name: "公開してオーナーに知らせる" }));
    await screen.findByText("シーズンレポートを公開しました。オーナーにお知らせします。");
    const put = api.requests.find((r) => r.method === "PUT");
    expect(put?.body).toEqual({
      harvestedUnits: 38,
      lotCount: 3,
      note: "よい季節でした",
      photoKeys: [],
    });
  });

  it("tells the producer why it cannot publish before the plan completes", async () => {
    const api = fakeApi(() =>
      json({
        report: null,
        draft: {
          harvestedUnits: 40,
          lotCount: 3,
          unitLabel: "pack",
          note: "",
          photoKeys: [],
          canPublish: false,
          planStatus: "shipped",
        },
      }),
    );
    renderWithApp(<SeasonReportForm plan={plan({ status: "shipped" })} />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    expect((await screen.findByTestId("season-report-form")).textContent).toContain(
      "プランが完了してから公開できます",
    );
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("reserve again", () => {
  it("links an open window straight to a reservation prefilled with last season's shares", async () => {
    const api = fakeApi(() =>
      json({
        items: [
          card(),
          card({
            completedPlan: { id: "plan_0", title: "みかん", producerId: "producer-2" },
            nextPlan: { ...card().nextPlan, id: "plan_9", title: "みかん 2027" },
            windowOpen: false,
          }),
        ],
      }),
    );
    renderWithApp(<NextSeasonsSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    const cards = await screen.findAllByTestId("next-season");
    expect(cards).toHaveLength(2);
    const link = screen.getByRole("link", { name: "前回と同じ2口でもう一度申し込む" });
    expect(link.getAttribute("href")).toBe("/plans/plan_2?shares=2#reserve");
    expect(cards[1]?.textContent).toContain("からオーナー優先で申し込めます");
    expect(cards[1]?.querySelector("a.button")).toBeNull();
  });

  it("the plan page starts its reservation at the shares the link carries, within the cap", async () => {
    const quote = {
      planId: "plan_1",
      shares: 3,
      lines: [{ shares: 3, unitPriceYen: 5000, reason: "base" }],
      sharesYen: 15000,
      shippingRegion: "kanto",
      shippingYen: 0,
      totalYen: 15000,
    };
    const api = fakeApi((_m, path) =>
      path === "/plans/plan_1"
        ? json(plan())
        : path === "/plans/plan_1/quote"
          ? json(quote)
          : json({ items: [] }),
    );
    renderWithApp(
      <Routes>
        <Route path="/plans/:id" element={<PlanPage />} />
      </Routes>,
      { fetchImpl: api.fetchImpl, session: OWNER, at: "/plans/plan_1?shares=9" },
    );
    const shares = (await screen.findByLabelText("口数")) as HTMLInputElement;
    expect(shares.value).toBe("3");
    await waitFor(() =>
      expect(api.requests.some((r) => r.path === "/plans/plan_1/quote" && r.method === "GET")).toBe(
        true,
      ),
    );
    expect(screen.getByText("前回のシーズンと同じ3口を入力しています。")).toBeTruthy();
  });
});
