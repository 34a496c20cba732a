import { cleanup, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppRoutes } from "../app";
import type { Session } from "../auth/session";
import { fakeApi, json, OWNER, renderWithApp } from "../testing/render";

const PRODUCER: Session = { token: "producer-token", sub: "producer-1", role: "producer" };

const api = () =>
  fakeApi((_method, path) => {
    if (path === "/producers/me/summary")
      return json({
        sharesSold: 0,
        owners: 0,
        repeatOwners: 0,
        repeatOwnerRate: 0,
        revenueYen: 0,
        feesYen: 0,
        payoutYen: 0,
        refundsYen: 0,
        creditsYen: 0,
        sharesSoldByDay: [],
        plans: [],
      });
    if (path === "/me/address")
      return json({ address: null, region: null, updatedAt: null, version: 0 });
    return json({ items: [] });
  });

const visit = (at: string, session?: Session) => {
  const server = api();
  renderWithApp(<AppRoutes />, {
    fetchImpl: server.fetchImpl,
    at,
    ...(session === undefined ? {} : { session }),
  });
  return server;
};

const SIGN_IN_PLEASE = "この画面を見るにはログインしてください。";

describe("pages that need a role", () => {
  it.each(["/me", "/producer", "/producer/plans/new", "/producer/plans/plan_1/edit"])(
    "%s asks a visitor to sign in (and come back after), fetching nothing",
    (path) => {
      const server = visit(path);
      expect(screen.getByText(SIGN_IN_PLEASE)).toBeTruthy();
      const hrefs = screen
        .getAllByRole("link", { name: "ログイン" })
        .map((link) => link.getAttribute("href"));
      expect(hrefs).toContain(`/sign-in?next=${encodeURIComponent(path)}`);
      expect(server.requests).toEqual([]);
    },
  );

  it("turns away the wrong role: an owner on a producer's page, a producer on the owner's", () => {
    const asOwner = visit("/producer/plans/new", OWNER);
    expect(screen.getByText(SIGN_IN_PLEASE)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "新しいプラン" })).toBeNull();
    cleanup();
    const asProducer = visit("/me", PRODUCER);
    expect(screen.getByText(SIGN_IN_PLEASE)).toBeTruthy();
    expect([...asOwner.requests, ...asProducer.requests]).toEqual([]);
  });

  it("shows every page of a section to its role, through the section's one guard", async () => {
    visit("/producer", PRODUCER);
    expect(await screen.findByRole("heading", { name: "生産者ダッシュボード" })).toBeTruthy();
    cleanup();
    visit("/producer/plans/new", PRODUCER);
    expect(screen.getByRole("heading", { name: "新しいプラン" })).toBeTruthy();
    expect(screen.queryByText(SIGN_IN_PLEASE)).toBeNull();
  });

  it("shows the owner's page to an owner", async () => {
    visit("/me", OWNER);
    expect(await screen.findByRole("heading", { name: "わたしの収穫" })).toBeTruthy();
    expect(screen.queryByText(SIGN_IN_PLEASE)).toBeNull();
  });
});
