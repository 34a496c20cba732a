import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { DeliveryChoiceSection } from "./delivery-choice";
import { LogisticsFacts } from "./logistics-facts";

const LOGISTICS = {
  shipFromPrefecture: "長野県",
  transitDays: { kanto: 1 },
  temperature: "frozen" as const,
  surchargeYenPerBox: 275,
  slotsAllowed: true,
};

const HOME = {
  recipientName: "佐藤 正子",
  postalCode: "530-0001",
  prefecture: "大阪府",
  city: "大阪市",
  line1: "梅田1-1",
  phone: "06-1234-5678",
};

afterEach(() => vi.unstubAllGlobals());

describe("delivery choice", () => {
  it("sends the saved address and the slot the owner picked", async () => {
    const api = fakeApi((method, path, body) => {
      if (path === "/ownerships/own_1/delivery" && method === "GET")
        return json({
          ownershipId: "own_1",
          planId: "plan_1",
          logistics: LOGISTICS,
          profileVersion: 2,
        });
      if (path === "/ownerships/own_1/delivery") return json(body);
      if (path === "/me/addresses")
        return json({
          addresses: [
            { id: "adr_1", label: "実家", address: HOME, region: "kinki", isDefault: false },
          ],
          version: 2,
        });
      return json({ items: [] });
    });
    renderWithApp(<DeliveryChoiceSection ownershipId="own_1" />, {
      fetchImpl: api.fetchImpl,
      session: OWNER,
    });
    fireEvent.click(await screen.findByRole("radio", { name: /実家: 佐藤 正子/ }));
    fireEvent.change(screen.getByLabelText("配達時間帯"), { target: { value: "am" } });
    fireEvent.click(screen.getByRole("button", { name: "お届け先を保存" }));
    await screen.findByText("お届け先を保存しました。");
    expect(api.requests.find((r) => r.method === "PUT")?.body).toEqual({
      destination: { kind: "saved", addressId: "adr_1" },
      slot: "am",
    });
  });

  it("offers no slot where the plan takes none, and shows the plan's temperature and surcharge", async () => {
    const api = fakeApi((_method, path) => {
      if (path === "/ownerships/own_1/delivery")
        return json({
          ownershipId: "own_1",
          planId: "plan_1",
          logistics: { ...LOGISTICS, slotsAllowed: false },
          profileVersion: 0,
        });
      return json({ addresses: [], version: 0 });
    });
    renderWithApp(
      <>
        <LogisticsFacts plan={plan({ logistics: LOGISTICS })} />
        <DeliveryChoiceSection ownershipId="own_1" />
      </>,
      { fetchImpl: api.fetchImpl, session: OWNER },
    );
    await screen.findByRole("button", { name: "お届け先を保存" });
    expect(screen.queryByLabelText("配達時間帯")).toBeNull();
    expect(screen.getByTestId("logistics-temperature").textContent).toBe(
      "冷凍 （1箱あたり275円の追加料金）",
    );
  });
});
