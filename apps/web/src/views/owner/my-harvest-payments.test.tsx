import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ownership, plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { MyHarvestPage } from "./my-harvest";

const payment = (status: string) => ({
  id: "cs_1",
  status,
  checkoutUrl: status === "pending" ? "https://checkout.stripe.com/c/pay/cs_1" : null,
  expiresAt: "2026-06-02T00:30:00.000Z",
});

/** The owner's page answered with `items()` for "my ownerships" at each read. */
const server = (
  items: () => unknown[],
  credits: { producerId: string; balanceYen: number }[] = [],
) =>
  fakeApi(
    (_method, path) => {
      if (path === "/me/ownerships") return json({ items: items() });
      if (path === "/me/address")
        return json({ address: null, region: null, updatedAt: null, version: 0 });
      if (path === "/plans/plan_1") return json(plan());
      return json({ items: [] });
    },
    { credits },
  );

const ownershipReads = (api: ReturnType<typeof server>) =>
  api.requests.filter((r) => r.path === "/me/ownerships").length;

describe("MyHarvestPage and payments", () => {
  it("shows a pending payment with the way back to checkout, polls, and stops once paid", async () => {
    let reads = 0;
    const api = server(() => {
      reads += 1;
      return reads < 3
        ? [{ ...ownership(), status: "pending_payment", payment: payment("pending") }]
        : [{ ...ownership(), status: "active", payment: payment("succeeded") }];
    });
    renderWithApp(<MyHarvestPage pollMs={30} />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(await screen.findByText("お支払い待ち")).toBeTruthy();
    expect(screen.getByRole("link", { name: "お支払いを完了する" }).getAttribute("href")).toBe(
      "https://checkout.stripe.com/c/pay/cs_1",
    );
    // Paid: the pending notice goes, and the page stops asking.
    await vi.waitFor(() => expect(screen.queryByText("お支払い待ち")).toBeNull(), {
      timeout: 3_000,
    });
    const settled = ownershipReads(api);
    expect(settled).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ownershipReads(api)).toBe(settled);
  });

  it("says clearly that a failed or expired payment released the shares, and does not poll", async () => {
    const api = server(() => [
      { ...ownership(), status: "payment_failed", payment: payment("failed") },
      { ...ownership({ id: "own_2" }), status: "payment_failed", payment: payment("expired") },
    ]);
    renderWithApp(<MyHarvestPage pollMs={30} />, { fetchImpl: api.fetchImpl, session: OWNER });
    const alerts = await screen.findAllByRole("alert");
    const texts = alerts.map((a) => a.textContent ?? "");
    expect(texts.some((t) => t.includes("お支払いができなかったため"))).toBe(true);
    expect(texts.some((t) => t.includes("お支払いの期限が過ぎたため"))).toBe(true);
    expect(screen.queryByText("お支払い待ち")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ownershipReads(api)).toBe(1);
  });

  it("shows the owner's store credit per producer", async () => {
    const api = server(
      () => [],
      [
        { producerId: "producer-1", balanceYen: 2_500 },
        { producerId: "producer-2", balanceYen: 0 },
      ],
    );
    renderWithApp(<MyHarvestPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(
      await screen.findByText("2,500円（この生産者の次のプランで使えます：producer-1）"),
    ).toBeTruthy();
    expect(screen.queryByText(/producer-2/)).toBeNull();
  });
});
