import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Ownership, WaitlistOffer } from "../../api/types";
import { allocation, ownership, plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { MyHarvestPage } from "./my-harvest";

const owned = ownership();
const shortHarvest = allocation({
  allocatedUnits: 4,
  standardUnits: 4,
  missingUnits: 4,
  refundYen: 5000,
  compensation: { kind: "refund", amountYen: 5000 },
  lots: [{ lotId: "lot_1", grade: "standard", units: 4 }],
  statement: ["Harvest was 50% of plan."],
});

const server = (planOverrides = {}) =>
  fakeApi((method, path) => {
    if (method === "DELETE") return json({ ...owned, status: "cancelled" });
    if (path === "/me/ownerships") return json({ items: [owned] });
    if (path === "/me/waitlist-offers") return json({ items: [] });
    if (path === "/me/address")
      return json({ address: null, region: null, updatedAt: null, version: 0 });
    if (path === "/plans/plan_1") return json(plan(planOverrides));
    if (path === "/plans/plan_1/allocations") return json({ items: [shortHarvest] });
    if (path === "/plans/plan_1/shipments")
      return json({
        items: [
          {
            id: "shp_1",
            planId: "plan_1",
            lotId: "lot_1",
            ownershipId: "own_1",
            ownerId: OWNER.sub,
            region: "kanto",
            units: 4,
            parcels: [{ shipOn: "2026-08-03", boxes: 1 }],
            scheduledAt: "2026-08-01T00:00:00.000Z",
          },
        ],
      });
    return json({ items: [] });
  });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("MyHarvestPage", () => {
  it("shows the allocation chart, the refund and the shipment date of an allocated plan", async () => {
    const api = server({ status: "allocated" });
    renderWithApp(<MyHarvestPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(await screen.findByRole("img", { name: "予定8packに対して配分4pack" })).toBeTruthy();
    expect(screen.getByTestId("refund").textContent).toBe("5,000円");
    expect(screen.getByTestId("settlement").textContent).toBe(
      "収穫が予定より少なく、8packのうち4packをお届けします。足りない4packの分として5,000円を返金します。",
    );
    expect(screen.getByText("2026年8月3日発送・1箱")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "キャンセルする（全額返金）" })).toBeNull();
  });

  it("cancels an ownership only after the owner confirms", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }).setSystemTime(new Date("2026-06-10T00:00:00Z"));
    const api = server();
    renderWithApp(<MyHarvestPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    const cancel = await screen.findByRole("button", { name: "キャンセルする（全額返金）" });
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("confirm", confirm);
    fireEvent.click(cancel);
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    expect(api.requests.some((r) => r.method === "DELETE")).toBe(false);
    await vi.waitFor(() => expect((cancel as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(cancel);
    await vi.waitFor(() => expect(api.requests.some((r) => r.method === "DELETE")).toBe(true));
    expect(confirm.mock.calls[0]?.[0]).toBe("2口をキャンセルして10,000円の返金を受けますか？");
  });

  it("refetches my ownerships after a cancellation, and the card says it is cancelled", async () => {
    vi.useFakeTimers({ toFake: ["Date"] }).setSystemTime(new Date("2026-06-10T00:00:00Z"));
    vi.stubGlobal("confirm", () => true);
    let mine: Ownership = owned;
    const api = fakeApi((method, path) => {
      if (method === "DELETE") {
        mine = { ...owned, status: "cancelled" };
        return json(mine);
      }
      if (path === "/me/ownerships") return json({ items: [mine] });
      if (path === "/plans/plan_1") return json(plan());
      if (path === "/me/address")
        return json({ address: null, region: null, updatedAt: null, version: 0 });
      return json({ items: [] });
    });
    renderWithApp(<MyHarvestPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    fireEvent.click(await screen.findByRole("button", { name: "キャンセルする（全額返金）" }));
    expect(await screen.findByText("キャンセル済み")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "キャンセルする（全額返金）" })).toBeNull();
    const reads = api.requests.filter((r) => r.method === "GET" && r.path === "/me/ownerships");
    expect(reads).toHaveLength(2);
  });

  it("accepting a waitlist offer refetches the offers and my ownerships", async () => {
    const offer: WaitlistOffer = {
      id: "offer_1",
      planId: "plan_1",
      shares: 2,
      wantedShares: 2,
      offeredAt: "2026-06-10T00:00:00.000Z",
      expiresAt: "2026-06-11T00:00:00.000Z",
    };
    let accepted = false;
    const api = fakeApi((method, path) => {
      if (method === "POST" && path.endsWith("/accept")) {
        accepted = true;
        return json(owned, 201);
      }
      if (path === "/me/waitlist-offers") return json({ items: accepted ? [] : [offer] });
      if (path === "/me/ownerships") return json({ items: accepted ? [owned] : [] });
      if (path === "/plans/plan_1") return json(plan({ status: "closed" }));
      if (path === "/me/address")
        return json({ address: null, region: null, updatedAt: null, version: 0 });
      return json({ items: [] });
    });
    renderWithApp(<MyHarvestPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(await screen.findByText("まだオーナーになっているプランはありません。")).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "この口数で申し込む" }));

    const card = (await screen.findByRole("link", { name: plan().title })).closest("li");
    expect(within(card as HTMLElement).getByText(/2口・10,000円/)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "キャンセル待ちの順番が来ました" })).toBeNull();
    expect(api.requests.find((r) => r.method === "POST")?.body).toEqual({
      shippingRegion: "kanto",
    });
  });
});
