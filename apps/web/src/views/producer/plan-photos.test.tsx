import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Session } from "../../auth/session";
import { plan } from "../../testing/fixtures";
import { fakeApi, json, problem, renderWithApp } from "../../testing/render";
import { PlanPhotos } from "./plan-photos";

const PRODUCER: Session = { token: "p-token", sub: "producer-1", role: "producer" };

afterEach(cleanup);

describe("PlanPhotos", () => {
  it("removes the chosen photo by its key (URL-encoded), keeping the others", async () => {
    const withPhotos = plan({
      photoKeys: ["photos/producer-1/a.jpg", "photos/producer-1/b.jpg"],
      photoUrls: ["https://cdn.test/a.jpg", "https://cdn.test/b.jpg"],
    });
    const api = fakeApi((method) =>
      method === "DELETE"
        ? json({ ...withPhotos, photoKeys: ["photos/producer-1/a.jpg"] })
        : problem(404, "NOT_FOUND"),
    );
    renderWithApp(<PlanPhotos plan={withPhotos} />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    fireEvent.click(screen.getByRole("button", { name: "2枚目の写真を外す" }));
    expect(await screen.findByText("写真を外しました。")).toBeTruthy();
    expect(api.requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([
      "/plans/plan_1/photos/photos%2Fproducer-1%2Fb.jpg",
    ]);
  });

  it("says why when the plan refuses the change", async () => {
    const withPhoto = plan({
      photoKeys: ["photos/producer-1/a.jpg"],
      photoUrls: ["https://cdn.test/a.jpg"],
    });
    const api = fakeApi(() => problem(409, "PLAN.FROZEN_FIELD", "cannot change photoKeys"));
    renderWithApp(<PlanPhotos plan={withPhoto} />, {
      fetchImpl: api.fetchImpl,
      session: PRODUCER,
    });
    fireEvent.click(screen.getByRole("button", { name: "1枚目の写真を外す" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.queryByText("写真を外しました。")).toBeNull();
  });
});
