import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { AuditTable, OwnershipHistory } from "./audit-trail";
import { DataRightsSection } from "./data-rights-section";
import { PrivacyPage, TermsPage } from "./legal-pages";

afterEach(() => vi.restoreAllMocks());

describe("DataRightsSection", () => {
  it("downloads the export as a JSON file", async () => {
    const created = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:export");
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    const api = fakeApi(() => json({ personId: "owner-test", data: { profile: null } }));
    renderWithApp(<DataRightsSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    fireEvent.click(screen.getByRole("button", { name: "データをダウンロード" }));
    expect(await screen.findByText("ダウンロードしました。")).toBeTruthy();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /me/export"]);
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(JSON.parse(await blob.text())).toMatchObject({ personId: "owner-test" });
  });

  it("says what happens to ownerships, asks to confirm, then deletes and signs out", async () => {
    const api = fakeApi(() =>
      json({
        personId: "owner-test",
        closedAt: "2026-05-01T00:00:00.000Z",
        cancelledOwnershipIds: [],
      }),
    );
    renderWithApp(<DataRightsSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(screen.getByText(/キャンセル期限前のオーナー権はすべてキャンセルされ/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "アカウントを削除する…" }));
    expect(api.requests).toEqual([]);
    expect(screen.getByRole("alertdialog")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "削除する" }));
    expect(await screen.findByText(/アカウントを削除しました/)).toBeTruthy();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /me"]);
  });

  it("lists the reasons when deletion is blocked", async () => {
    const api = fakeApi(
      () =>
        new Response(
          JSON.stringify({
            type: "about:blank",
            title: "conflict",
            status: 409,
            code: "ACCOUNT.DELETION_BLOCKED",
            details: {
              blockers: [
                {
                  reason: "CANCELLATION_CLOSED",
                  ownershipId: "own_1",
                  planId: "plan_1",
                  planStatus: "allocated",
                  cancellationDeadline: "2026-05-01T00:00:00.000Z",
                },
              ],
            },
          }),
          { status: 409, headers: { "content-type": "application/problem+json" } },
        ),
    );
    renderWithApp(<DataRightsSection />, { fetchImpl: api.fetchImpl, session: OWNER, lang: "en" });
    fireEvent.click(screen.getByRole("button", { name: "Delete my account…" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByText(/Ownership own_1 of plan plan_1 is past/)).toBeTruthy();
    expect(screen.queryByText(/Your account was deleted/)).toBeNull();
  });
});

describe("legal pages and the audit table", () => {
  it("renders the privacy policy and the terms in both languages", () => {
    renderWithApp(<PrivacyPage />, { lang: "en" });
    expect(screen.getByRole("heading", { name: "Privacy policy" })).toBeTruthy();
    expect(screen.getByText(/Access and deletion/)).toBeTruthy();
    renderWithApp(<TermsPage />, { lang: "ja" });
    expect(screen.getByRole("heading", { name: "利用規約" })).toBeTruthy();
  });

  it("shows who did what and how much", () => {
    renderWithApp(
      <AuditTable
        entries={[
          {
            id: "aud_1",
            at: "2026-05-01T00:00:00.000Z",
            actor: { id: "owner-1", role: "owner" },
            action: "money.charged",
            subject: { type: "ownership", id: "own_1" },
            amountYen: 6800,
          },
        ]}
      />,
      { lang: "en" },
    );
    expect(screen.getByText("money.charged")).toBeTruthy();
    expect(screen.getByText("owner · owner-1")).toBeTruthy();
    expect(screen.getByText(/6,800/)).toBeTruthy();
  });

  it("fetches an ownership's history only when it is opened", async () => {
    const api = fakeApi(() =>
      json({
        entries: [
          {
            id: "aud_1",
            at: "2026-05-01T00:00:00.000Z",
            actor: { id: "owner-test", role: "owner" },
            action: "ownership.reserved",
            subject: { type: "ownership", id: "own_1" },
          },
        ],
        nextCursor: null,
      }),
    );
    const { container } = renderWithApp(<OwnershipHistory ownershipId="own_1" />, {
      fetchImpl: api.fetchImpl,
      session: OWNER,
    });
    expect(api.requests).toEqual([]);
    const details = container.querySelector("details");
    if (details === null) throw new Error("no details");
    details.open = true;
    fireEvent(details, new Event("toggle"));
    expect(await screen.findByText("ownership.reserved")).toBeTruthy();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /ownerships/own_1/history",
    ]);
  });
});
