import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Session } from "../../auth/session";
import { fakeApi, json, renderWithApp } from "../../testing/render";
import { AdminApplicationsPage } from "./applications-page";

const ADMIN: Session = { token: "admin-token", sub: "root", role: "admin" };

const pending = {
  id: "owner-sato",
  applicantId: "owner-sato",
  status: "pending",
  farmName: "佐藤農園",
  prefecture: "青森県",
  products: ["りんご"],
  story: "りんごを育てています。",
  disclosure: {
    legalName: "佐藤 花子",
    address: "青森県弘前市1-1",
    phone: "0172-00-0000",
    email: "hanako@example.jp",
    responsiblePerson: "佐藤 花子",
    pricesAndFees: "各プランに表示",
    deliveryTime: "収穫後すぐ",
    returnsAndCancellation: "締切まで全額返金",
  },
  submittedAt: "2026-12-01T09:00:00.000Z",
  version: 1,
};

describe("/admin/applications", () => {
  it("lists pending applications; approve and reject (with its reason) call the API", async () => {
    let decided = false;
    const { fetchImpl, requests } = fakeApi((method, path) => {
      if (method === "GET") return json({ applications: decided ? [] : [pending] });
      decided = true;
      return json({ ...pending, status: path.endsWith("approve") ? "approved" : "rejected" });
    });
    renderWithApp(<AdminApplicationsPage />, { fetchImpl, session: ADMIN });
    const card = await screen.findByTestId("application-owner-sato");
    expect(within(card).getByText("佐藤農園")).toBeTruthy();
    fireEvent.change(within(card).getByLabelText("お断りの理由（申込者に届きます）"), {
      target: { value: "書類不足" },
    });
    fireEvent.click(within(card).getByRole("button", { name: "お断りする" }));
    expect(await screen.findByText("この状態の申し込みはありません。")).toBeTruthy();
    const reject = requests.find((r) => r.method === "POST");
    expect(reject?.path).toBe("/admin/producer-applications/owner-sato/reject");
    expect(reject?.body).toEqual({ reason: "書類不足" });
    expect(requests[0]?.path).toBe("/admin/producer-applications");
  });

  it("approves with one click and reads another status on demand", async () => {
    const { fetchImpl, requests } = fakeApi((method, _path) =>
      method === "GET"
        ? json({ applications: [pending] })
        : json({ ...pending, status: "approved" }),
    );
    renderWithApp(<AdminApplicationsPage />, { fetchImpl, session: ADMIN, lang: "en" });
    const card = await screen.findByTestId("application-owner-sato");
    fireEvent.click(within(card).getByRole("button", { name: "Approve" }));
    fireEvent.click(screen.getByRole("button", { name: "Rejected" }));
    await screen.findAllByTestId("application-owner-sato");
    expect(requests.some((r) => r.path === "/admin/producer-applications/owner-sato/approve")).toBe(
      true,
    );
    const urls = requests.filter((r) => r.method === "GET").length;
    expect(urls).toBeGreaterThanOrEqual(2);
  });
});
