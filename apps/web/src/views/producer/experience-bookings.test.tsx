import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "../../auth/session";
import { fakeApi, json, problem, renderWithApp } from "../../testing/render";
import { ExperiencesSection } from "../experiences";

const PRODUCER: Session = { token: "p-token", sub: "producer-1", role: "producer" };

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const experience = {
  id: "exp_1",
  planId: "plan_1",
  producerId: "producer-1",
  title: "いちじく収穫体験",
  startsAt: "2026-09-01T01:00:00.000Z",
  capacity: 10,
  seatsBooked: 3,
  seatsLeft: 7,
  createdAt: "2026-05-01T00:00:00.000Z",
  updatedAt: "2026-05-01T00:00:00.000Z",
  version: 1,
};

const booking = (bookingId: string, ownerId: string, displayName: string | null, seats = 1) => ({
  bookingId,
  ownerId,
  displayName,
  seats,
  status: "active" as const,
  bookedAt: "2026-06-01T03:00:00.000Z",
});

describe("an experience's bookings on the producer's page", () => {
  it("lists who booked (their name, else their id), more on demand, and downloads the CSV", async () => {
    const created = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:bookings");
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const api = fakeApi((_method, path) => {
      if (path === "/plans/plan_1/experiences") return json({ items: [experience] });
      if (path === "/experiences/exp_1/bookings.csv")
        return new Response("booking_id,owner_id\r\n", { headers: { "content-type": "text/csv" } });
      if (path === "/experiences/exp_1/bookings") {
        const second = api.requests.filter((r) => r.path === path).length > 1;
        return json(
          second
            ? { bookings: [booking("bkg_3", "o3", null)] }
            : { bookings: [booking("bkg_1", "o1", "さとう", 2)], nextCursor: "c1" },
        );
      }
      return problem(404, "NOT_FOUND");
    });
    renderWithApp(<ExperiencesSection planId="plan_1" producerView />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    const bookings = await screen.findByTestId("bookings-exp_1");
    const table = await within(bookings).findByTestId("bookings-table-exp_1");
    expect(table.textContent).toContain("さとう");
    expect(table.textContent).toContain("予約中");
    fireEvent.click(within(bookings).getByRole("button", { name: "さらに表示" }));
    expect(await within(table).findByText("o3")).toBeTruthy();
    fireEvent.click(within(bookings).getByRole("button", { name: "予約をCSVでダウンロード" }));
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toContain("booking_id");
    expect(api.requests.map((r) => r.path)).toContain("/experiences/exp_1/bookings.csv");
  });

  it("is not shown to owners", async () => {
    const api = fakeApi((_method, path) =>
      path === "/plans/plan_1/experiences" ? json({ items: [experience] }) : problem(404, "X"),
    );
    renderWithApp(<ExperiencesSection planId="plan_1" />, {
      fetchImpl: api.fetchImpl,
      session: { token: "o", sub: "o1", role: "owner" },
    });
    expect(await screen.findByText("いちじく収穫体験")).toBeTruthy();
    expect(screen.queryByTestId("bookings-exp_1")).toBeNull();
    expect(api.requests.map((r) => r.path)).not.toContain("/experiences/exp_1/bookings");
  });
});
