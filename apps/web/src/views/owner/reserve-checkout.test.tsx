import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { browser } from "../../api/payments";
import { ownership, plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { ReservePanel } from "./reserve-panel";

const CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_1";

const pending = () => ({
  ...ownership(),
  status: "pending_payment",
  payment: {
    id: "cs_test_1",
    status: "pending",
    checkoutUrl: CHECKOUT,
    expiresAt: "2026-06-02T00:30:00.000Z",
  },
});

const show = (fetchImpl: typeof fetch) =>
  renderWithApp(
    <ReservePanel plan={plan()} shares={2} shippingRegion="kanto" totalYen={10_000} />,
    { fetchImpl, session: OWNER },
  );

const reserveButton = () => screen.getByRole("button", { name: "10,000円で申し込む" });

afterEach(() => vi.restoreAllMocks());

describe("ReservePanel with payments", () => {
  it("sends the owner to the checkout page the reservation answered", async () => {
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => {});
    const api = fakeApi(() => json(pending(), 201));
    show(api.fetchImpl);
    fireEvent.click(reserveButton());
    expect(await screen.findByText("お支払いページへ移動します…")).toBeTruthy();
    expect(assign).toHaveBeenCalledWith(CHECKOUT);
    // Leaving: no second reservation from a double click.
    expect((reserveButton() as HTMLButtonElement).disabled).toBe(true);
  });

  it("offers the credit held with this producer, ticked; unticked it is not used", async () => {
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => {});
    const api = fakeApi(() => json(pending(), 201), {
      credits: [
        { producerId: "producer-1", balanceYen: 3_000 },
        { producerId: "producer-2", balanceYen: 9_000 },
      ],
    });
    show(api.fetchImpl);
    const box = (await screen.findByRole("checkbox", {
      name: "ストアクレジットを使う（残高 3,000円）",
    })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(box.checked).toBe(false);
    fireEvent.click(reserveButton());
    await vi.waitFor(() => expect(assign).toHaveBeenCalled());
    expect(api.requests[0]?.body).toEqual({ shares: 2, shippingRegion: "kanto", useCredit: false });
  });

  it("needs no checkout when the credit paid it all", async () => {
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => {});
    const api = fakeApi(
      () => json({ ...ownership(), status: "active", creditAppliedYen: 10_000 }, 201),
      {
        credits: [{ producerId: "producer-1", balanceYen: 12_000 }],
      },
    );
    show(api.fetchImpl);
    await screen.findByRole("checkbox");
    fireEvent.click(reserveButton());
    expect(
      await screen.findByText("ストアクレジットでお支払いが済み、2口のオーナーになりました。"),
    ).toBeTruthy();
    expect(api.requests[0]?.body).toMatchObject({ useCredit: true });
    expect(assign).not.toHaveBeenCalled();
  });
});
