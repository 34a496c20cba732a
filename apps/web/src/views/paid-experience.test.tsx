import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { browser } from "../api/payments";
import type { Session } from "../auth/session";
import { fakeApi, json, problem, renderWithApp } from "../testing/render";
import { ExperiencesSection } from "./experiences";
import { MyBookingsSection } from "./owner/my-bookings";

const OWNER: Session = { token: "o", sub: "o1", role: "owner" };
const CHECKOUT = "https://checkout.stripe.com/c/pay/cs_lunch";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const lunch = {
  id: "exp_lunch",
  planId: "plan_1",
  producerId: "producer-1",
  title: "収穫ランチ",
  startsAt: "2099-09-01T01:00:00.000Z",
  capacity: 10,
  seatsBooked: 0,
  seatsLeft: 10,
  priceYenPerSeat: 3500,
  createdAt: "2026-05-01T00:00:00.000Z",
  updatedAt: "2026-05-01T00:00:00.000Z",
  version: 1,
};

const myBooking = (overrides: Record<string, unknown>) => ({
  bookingId: "bkg_1",
  experienceId: "exp_lunch",
  planId: "plan_1",
  title: "収穫ランチ",
  startsAt: "2099-09-01T01:00:00.000Z",
  seats: 2,
  bookedAt: "2026-06-01T00:00:00.000Z",
  amountYen: 7000,
  ...overrides,
});

describe("a paid experience", () => {
  it("shows the seat price and sends the owner to the checkout once the seats are held", async () => {
    const assign = vi.spyOn(browser, "assign").mockImplementation(() => {});
    const api = fakeApi((method, path) => {
      if (path === "/plans/plan_1/experiences") return json({ items: [lunch] });
      if (method === "POST" && path === "/experiences/exp_lunch/bookings")
        return json(
          {
            id: "bkg_1",
            experienceId: "exp_lunch",
            ownerId: "o1",
            seats: 2,
            status: "pending_payment",
            bookedAt: "2026-06-01T00:00:00.000Z",
            amountYen: 7000,
            payment: {
              status: "pending",
              checkoutUrl: CHECKOUT,
              expiresAt: "2026-06-01T00:30:00.000Z",
              refunded: false,
            },
            seatsLeft: 8,
          },
          201,
        );
      return problem(404, "NOT_FOUND");
    });
    renderWithApp(<ExperiencesSection planId="plan_1" />, {
      fetchImpl: api.fetchImpl,
      session: OWNER,
    });
    expect(await screen.findByText("1席 3,500円")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("席数"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "予約して支払う" }));
    expect(await screen.findByText("お支払いページへ移動します…")).toBeTruthy();
    expect(assign).toHaveBeenCalledWith(CHECKOUT);
  });

  it("lists a held booking with its pay link, and a cancelled paid one as refunded", async () => {
    const api = fakeApi(
      (_method, path) =>
        path === "/me/bookings"
          ? json({
              bookings: [
                myBooking({
                  status: "pending_payment",
                  payment: {
                    status: "pending",
                    checkoutUrl: CHECKOUT,
                    expiresAt: "2026-06-01T00:30:00.000Z",
                    refunded: false,
                  },
                }),
                myBooking({
                  bookingId: "bkg_2",
                  status: "cancelled",
                  cancelledAt: "2026-06-02T00:00:00.000Z",
                  payment: {
                    status: "succeeded",
                    expiresAt: "2026-06-01T00:30:00.000Z",
                    refunded: true,
                  },
                }),
              ],
            })
          : problem(404, "NOT_FOUND"),
      { bookings: "answer" },
    );
    renderWithApp(<MyBookingsSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    const pay = await screen.findByRole("link", { name: "支払う" });
    expect(pay.getAttribute("href")).toBe(CHECKOUT);
    expect(screen.getByText(/お支払い待ち/)).toBeTruthy();
    expect(screen.getByText(/7,000円を返金しました/)).toBeTruthy();
    // Only the held one can still be cancelled.
    expect(screen.getAllByRole("button", { name: "予約をキャンセルする" })).toHaveLength(1);
  });
});
