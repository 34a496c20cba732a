import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Session } from "../auth/session";
import { fakeApi, json, problem, renderWithApp } from "../testing/render";
import { ExperiencesSection } from "./experiences";

const OWNER: Session = { token: "o", sub: "o1", role: "owner" };

afterEach(cleanup);

const experience = {
  id: "exp_1",
  planId: "plan_1",
  producerId: "producer-1",
  title: "いちじく収穫体験",
  startsAt: "2026-09-01T01:00:00.000Z",
  capacity: 10,
  seatsBooked: 3,
  seatsLeft: 7,
  location: "熊野農園 正門前",
  createdAt: "2026-05-01T00:00:00.000Z",
  updatedAt: "2026-05-01T00:00:00.000Z",
  version: 1,
};

const bookingAnswer = {
  ...experience,
  id: "bkg_1",
  experienceId: "exp_1",
  ownerId: "o1",
  seats: 2,
  status: "active",
  bookedAt: "2026-06-01T00:00:00.000Z",
};

describe("booking an experience", () => {
  it("shows the meeting point and the limit, and retries a lost answer with the same key", async () => {
    const api = fakeApi((method, path) => {
      if (path === "/plans/plan_1/experiences") return json({ items: [experience] });
      if (method === "POST" && path === "/experiences/exp_1/bookings") {
        const tries = api.requests.filter((r) => r.method === "POST").length;
        return tries === 1 ? problem(503, "STORE.UNAVAILABLE") : json(bookingAnswer, 201);
      }
      return problem(404, "NOT_FOUND");
    });
    renderWithApp(<ExperiencesSection planId="plan_1" seatsPerOwner={4} />, {
      fetchImpl: api.fetchImpl,
      session: OWNER,
    });
    expect(await screen.findByText(/熊野農園 正門前/)).toBeTruthy();
    expect(screen.getByText(/お一人様4席まで/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("席数"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "予約する" }));
    await screen.findByRole("alert");
    fireEvent.click(screen.getByRole("button", { name: "予約する" }));
    expect(await screen.findByText("2席を予約しました。")).toBeTruthy();
    const keys = api.requests
      .filter((r) => r.method === "POST")
      .map((r) => r.headers.get("idempotency-key"));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("says clearly when the owner's seat limit is reached, and starts a new attempt after", async () => {
    const api = fakeApi((method, path) => {
      if (path === "/plans/plan_1/experiences") return json({ items: [experience] });
      if (method === "POST") return problem(409, "EXPERIENCE.OWNER_LIMIT");
      return problem(404, "NOT_FOUND");
    });
    renderWithApp(<ExperiencesSection planId="plan_1" seatsPerOwner={4} />, {
      fetchImpl: api.fetchImpl,
      session: OWNER,
    });
    fireEvent.click(await screen.findByRole("button", { name: "予約する" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "お一人様4席までです。この体験ではこれ以上予約できません。",
    );
    fireEvent.click(screen.getByRole("button", { name: "予約する" }));
    await screen.findByRole("alert");
    await new Promise((r) => setTimeout(r, 20));
    const keys = api.requests
      .filter((r) => r.method === "POST")
      .map((r) => r.headers.get("idempotency-key"));
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });
});

describe("the producer's experience", () => {
  it("edits the meeting point", async () => {
    const api = fakeApi((method, path, body) => {
      if (path === "/plans/plan_1/experiences") return json({ items: [experience] });
      if (method === "PATCH" && path === "/experiences/exp_1")
        return json({ ...experience, ...(body as object) });
      if (path === "/experiences/exp_1/bookings") return json({ bookings: [] });
      return problem(404, "NOT_FOUND");
    });
    renderWithApp(<ExperiencesSection planId="plan_1" producerView />, {
      fetchImpl: api.fetchImpl,
      session: { token: "p", sub: "producer-1", role: "producer" },
    });
    const input = (await screen.findByLabelText("集合場所", { exact: true })) as HTMLInputElement;
    expect(input.value).toBe("熊野農園 正門前");
    fireEvent.change(input, { target: { value: "第二農場 入口" } });
    fireEvent.click(screen.getByRole("button", { name: "集合場所を保存" }));
    expect(await screen.findByText("集合場所を保存しました。")).toBeTruthy();
    expect(api.requests.find((r) => r.method === "PATCH")?.body).toEqual({
      location: "第二農場 入口",
    });
  });
});
