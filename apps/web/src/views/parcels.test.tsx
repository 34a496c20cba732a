import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Session } from "../auth/session";
import { plan } from "../testing/fixtures";
import { fakeApi, json, OWNER, problem, renderWithApp } from "../testing/render";
import { MyParcels } from "./owner/my-parcels";
import { ProducerParcels } from "./producer/parcels-table";

const PRODUCER: Session = { token: "p-token", sub: "producer-1", role: "producer" };
const URL = "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=123456789013";

const parcel = (state: "scheduled" | "shipped" | "delivered") => ({
  id: "shp_1.20260803",
  planId: "plan_1",
  producerId: "producer-1",
  ownerId: OWNER.sub,
  shipmentId: "shp_1",
  lotId: "lot_1",
  shipOn: "2026-08-03",
  arriveBy: "2026-08-05",
  boxes: 1,
  progress:
    state === "scheduled"
      ? { state }
      : {
          state,
          carrier: "yamato",
          trackingNumber: "123456789013",
          shippedAt: "2026-08-03T01:00:00.000Z",
          ...(state === "delivered"
            ? { deliveredAt: "2026-08-04T01:00:00.000Z", confirmedBy: "owner" }
            : {}),
        },
  ...(state === "scheduled" ? {} : { trackingUrl: URL }),
});

const list = (state: "scheduled" | "shipped" | "delivered") => ({
  items: [parcel(state)],
  counts: {
    total: 1,
    shipped: state === "scheduled" ? 0 : 1,
    delivered: state === "delivered" ? 1 : 0,
  },
  planStatus: "shipped",
});

afterEach(cleanup);

describe("MyParcels", () => {
  it("shows the tracking link and confirms delivery with 届きました", async () => {
    let state: "shipped" | "delivered" = "shipped";
    const api = fakeApi((method, path) => {
      if (
        method === "POST" &&
        path === "/plans/plan_1/parcels/shp_1.20260803/delivery-confirmation"
      ) {
        state = "delivered";
        return json({ parcel: parcel("delivered"), planStatus: "shipped" });
      }
      if (path === "/plans/plan_1/parcels") return json(list(state));
      return json({});
    });
    renderWithApp(<MyParcels plan={plan({ status: "shipped" })} />, {
      fetchImpl: api.fetchImpl,
      session: OWNER,
    });
    const link = await screen.findByRole("link", { name: "配送状況を確認" });
    expect(link.getAttribute("href")).toBe(URL);
    expect(screen.getByText(/ヤマト運輸 123456789013/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "届きました" }));
    expect(await screen.findByText("2026年8月4日に受け取り")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "届きました" })).toBeNull();
  });
});

describe("ProducerParcels", () => {
  it("marks a parcel shipped and shows what the API refused", async () => {
    let shipped = false;
    const api = fakeApi((method, path, body) => {
      if (method === "PUT") {
        const { trackingNumber } = body as { trackingNumber: string };
        if (trackingNumber !== "123456789013")
          return problem(400, "PARCEL.INVALID_TRACKING", "the check digit does not match");
        shipped = true;
        return json({ parcel: parcel("shipped"), outcome: "shipped", planStatus: "shipped" });
      }
      if (path === "/plans/plan_1/parcels") return json(list(shipped ? "shipped" : "scheduled"));
      return json({});
    });
    renderWithApp(<ProducerParcels plan={plan({ status: "allocated" })} />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    expect((await screen.findByTestId("parcel-counts")).textContent).toBe(
      "荷物 1個・発送済み 0個・お届け済み 0個",
    );
    const row = screen.getByRole("row", { name: /shp_1.20260803/ });
    const input = within(row).getByRole("textbox", { name: "伝票番号" });
    fireEvent.change(input, { target: { value: "123456789010" } });
    fireEvent.click(within(row).getByRole("button", { name: "発送済みにする" }));
    expect(await within(row).findByRole("alert")).toBeTruthy();
    fireEvent.change(input, { target: { value: "123456789013" } });
    fireEvent.click(within(row).getByRole("button", { name: "発送済みにする" }));
    expect(await screen.findByRole("link", { name: "配送状況を確認" })).toBeTruthy();
    expect(screen.getByTestId("parcel-counts").textContent).toBe(
      "荷物 1個・発送済み 1個・お届け済み 0個",
    );
    const put = api.requests.find((r) => r.method === "PUT" && r.body !== undefined);
    expect(put?.body).toEqual({ carrier: "yamato", trackingNumber: "123456789010" });
  });
});
