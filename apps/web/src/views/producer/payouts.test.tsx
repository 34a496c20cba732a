import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { browser } from "../../api/payments";
import type { Session } from "../../auth/session";
import { fakeApi, json, renderWithApp } from "../../testing/render";
import { MoneyStatement } from "./money-statement";
import { PayoutSection } from "./payout-section";

const PRODUCER: Session = { token: "p-token", sub: "producer-1", role: "producer" };

const account = (overrides = {}) => ({
  accountId: "acct_1",
  chargesEnabled: false,
  payoutsEnabled: false,
  detailsSubmitted: false,
  ...overrides,
});

afterEach(() => vi.restoreAllMocks());

describe("PayoutSection", () => {
  it("starts onboarding when there is no account, leaving for the processor's page", async () => {
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => {});
    const api = fakeApi((method, path) => {
      if (method === "POST" && path === "/producers/me/payout-account/onboarding")
        return json({ url: "https://connect.stripe.com/setup/e/acct_1/abc" });
      return json(account({ accountId: null }));
    });
    renderWithApp(<PayoutSection />, { fetchImpl: api.fetchImpl, session: PRODUCER });
    expect(await screen.findByText(/まだ受け取り口座がありません/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "入金と明細を見る（Stripe）" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "受け取り口座を登録する" }));
    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith("https://connect.stripe.com/setup/e/acct_1/abc"),
    );
    expect(api.requests.at(-1)?.headers.get("authorization")).toBe("Bearer p-token");
  });

  it("continues an unfinished onboarding and opens the Express dashboard", async () => {
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => {});
    const api = fakeApi((method, path) => {
      if (method === "POST" && path === "/producers/me/payout-account/dashboard")
        return json({ url: "https://connect.stripe.com/express/acct_1/xyz" });
      return json(account({ detailsSubmitted: true }));
    });
    renderWithApp(<PayoutSection />, { fetchImpl: api.fetchImpl, session: PRODUCER });
    expect(await screen.findByText(/登録が終わっていません/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "登録を続ける" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "入金と明細を見る（Stripe）" }));
    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith("https://connect.stripe.com/express/acct_1/xyz"),
    );
  });

  it("says a ready account is active, with no onboarding button", async () => {
    const api = fakeApi(() =>
      json(account({ chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true })),
    );
    renderWithApp(<PayoutSection />, { fetchImpl: api.fetchImpl, session: PRODUCER });
    expect(await screen.findByText(/受け取り口座は有効です/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "登録を続ける" })).toBeNull();
    expect(screen.getByRole("button", { name: "入金と明細を見る（Stripe）" })).toBeTruthy();
  });
});

describe("MoneyStatement", () => {
  it("shows the plan's money from GET /plans/{id}/money", async () => {
    const api = fakeApi(() =>
      json({
        chargedYen: 30_000,
        refundedYen: 5_000,
        feesYen: 2_500,
        payoutYen: 22_500,
        creditIssuedYen: 1_000,
        creditSpentYen: 400,
        pendingYen: 10_000,
      }),
    );
    renderWithApp(<MoneyStatement planId="plan_1" />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    const section = await screen.findByTestId("money-statement");
    await within(section).findByText("30,000円");
    const figure = (label: string) =>
      within(section).getByText(label).parentElement?.querySelector("dd")?.textContent;
    expect(figure("決済額")).toBe("30,000円");
    expect(figure("返金")).toBe("5,000円");
    expect(figure("手数料")).toBe("2,500円");
    expect(figure("生産者への支払い")).toBe("22,500円");
    expect(figure("発行したクレジット")).toBe("1,000円");
    expect(figure("使われたクレジット")).toBe("400円");
    expect(figure("支払い待ち")).toBe("10,000円");
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /plans/plan_1/money"]);
  });
});
