import { fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import type { ProducerPage } from "../../api/types";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, problem, renderWithApp } from "../../testing/render";
import { ProducerPublicPage } from "./producer-page";

const page = (following: boolean): ProducerPage => ({
  profile: {
    id: "farm",
    displayName: "山田農園",
    prefecture: "和歌山県",
    area: "有田",
    story: "三代続くみかん農家です。",
    photoKeys: [],
    photoUrls: [],
    products: ["みかん"],
    categories: ["fruit"],
    links: [],
    disclosure: {
      legalName: "山田農園株式会社",
      address: "和歌山県有田市1-2-3",
      phone: "0737-00-0000",
      email: "info@yamada.example",
      responsiblePerson: "山田 太郎",
      pricesAndFees: "各プランに記載",
      deliveryTime: "収穫後7日以内",
      returnsAndCancellation: "販売締切までキャンセル可",
    },
    approvedAt: "2026-05-01T00:00:00.000Z",
    updatedAt: "2026-05-01T00:00:00.000Z",
    version: 1,
  },
  plans: { current: [plan({ title: "有田みかん オーナー" })], past: [] },
  seasonReports: [],
  owners: 12,
  returningOwners: 5,
  followers: following ? 4 : 3,
  following,
});

const show = (fetchImpl: typeof fetch, session = true) =>
  renderWithApp(
    <Routes>
      <Route path="/producers/:id" element={<ProducerPublicPage />} />
    </Routes>,
    { fetchImpl, at: "/producers/farm", ...(session ? { session: OWNER } : {}) },
  );

describe("ProducerPublicPage", () => {
  it("shows the profile, its plans, owner counts and the seller disclosure", async () => {
    const api = fakeApi(() => json(page(false)));
    show(api.fetchImpl, false);
    expect(await screen.findByRole("heading", { name: "山田農園" })).toBeTruthy();
    expect(screen.getByText("オーナー 12人 (うちリピーター 5人)")).toBeTruthy();
    expect(screen.getByText("有田みかん オーナー")).toBeTruthy();
    expect(screen.getByText("山田農園株式会社")).toBeTruthy();
    // A visitor sees the count, not the button.
    expect(screen.queryByRole("button", { name: "フォローする" })).toBeNull();
  });

  it("lets an owner follow, then shows it following", async () => {
    let following = false;
    const api = fakeApi((method) => {
      if (method === "PUT") following = true;
      return json(
        method === "GET" ? page(following) : { producerId: "farm", following, followers: 4 },
      );
    });
    show(api.fetchImpl);
    fireEvent.click(await screen.findByRole("button", { name: "フォローする" }));
    expect(await screen.findByRole("button", { name: "フォローをやめる" })).toBeTruthy();
    expect(
      api.requests.some((r) => r.method === "PUT" && r.path === "/producers/farm/follow"),
    ).toBe(true);
  });

  it("says an unknown producer is not found", async () => {
    const api = fakeApi(() => problem(404, "PRODUCER.NOT_FOUND"));
    show(api.fetchImpl, false);
    expect((await screen.findByRole("alert")).textContent).toContain("生産者が見つかりません");
  });
});
