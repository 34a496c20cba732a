import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MyBooking } from "../../api/types";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { MyBookingsSection } from "./my-bookings";

const booking = (overrides: Partial<MyBooking> = {}): MyBooking => ({
  bookingId: "bkg_1",
  experienceId: "exp_1",
  planId: "plan_1",
  title: "いちじく収穫体験",
  startsAt: "2099-09-01T01:00:00.000Z",
  seats: 2,
  status: "active",
  bookedAt: "2026-06-10T00:00:00.000Z",
  ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

describe("MyBookingsSection", () => {
  it("lists the bookings and cancels one after confirmation, then refreshes the list", async () => {
    let cancelled = false;
    const past = booking({
      bookingId: "bkg_old",
      title: "春の剪定見学",
      startsAt: "2020-03-01T01:00:00.000Z",
    });
    const api = fakeApi(
      (method, path) => {
        if (method === "DELETE" && path === "/experiences/exp_1/bookings/bkg_1") {
          cancelled = true;
          return json({});
        }
        if (path === "/me/bookings")
          return json({
            bookings: [booking(cancelled ? { status: "cancelled" } : {}), past],
          });
        return json({ items: [] });
      },
      { bookings: "answer" },
    );
    renderWithApp(<MyBookingsSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    const rows = await screen.findAllByTestId("my-booking");
    expect(rows).toHaveLength(2);
    const [upcoming, started] = rows as [HTMLElement, HTMLElement];
    expect(
      within(upcoming).getByRole("link", { name: "いちじく収穫体験" }).getAttribute("href"),
    ).toBe("/plans/plan_1");
    expect(upcoming.textContent).toContain("2席");
    // Started experiences cannot be cancelled: no button.
    expect(within(started).queryByRole("button")).toBeNull();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal("confirm", confirm);
    const cancel = within(upcoming).getByRole("button", { name: "予約をキャンセルする" });
    fireEvent.click(cancel);
    expect(confirm.mock.calls[0]?.[0]).toMatch(
      /^「いちじく収穫体験」（.+）の2席の予約をキャンセルしますか？$/,
    );
    expect(api.requests.some((r) => r.method === "DELETE")).toBe(false);
    fireEvent.click(cancel);
    expect(await screen.findByText(/キャンセル済み/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "予約をキャンセルする" })).toBeNull();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /me/bookings",
      "DELETE /experiences/exp_1/bookings/bkg_1",
      "GET /me/bookings",
    ]);
  });

  it("shows more bookings page by page with the cursor", async () => {
    const api = fakeApi(
      (_method, path) =>
        path === "/me/bookings"
          ? json(
              api.requests.length === 1
                ? { bookings: [booking()], nextCursor: "c/2+" }
                : { bookings: [booking({ bookingId: "bkg_2", title: "味噌の仕込み体験" })] },
            )
          : json({ items: [] }),
      { bookings: "answer" },
    );
    const { requests } = api;
    const urls: string[] = [];
    const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(new Request(input, init).url);
      return api.fetchImpl(input, init);
    }) as typeof fetch;
    renderWithApp(<MyBookingsSection />, { fetchImpl, session: OWNER });
    fireEvent.click(await screen.findByRole("button", { name: "さらに表示" }));
    expect(await screen.findByText("味噌の仕込み体験")).toBeTruthy();
    expect(screen.getAllByTestId("my-booking")).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "さらに表示" })).toBeNull();
    expect(requests).toHaveLength(2);
    expect(new URL(urls[1] ?? "").searchParams.get("cursor")).toBe("c/2+");
  });

  it("says when there are none", async () => {
    const api = fakeApi(() => json({ bookings: [] }), { bookings: "answer" });
    renderWithApp(<MyBookingsSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(await screen.findByText("予約している体験はありません。")).toBeTruthy();
  });
});
