import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../queries/use-notifications";
import { fakeApi, json, OWNER, problem, renderWithApp } from "../../testing/render";
import { InboxPage } from "./inbox-page";
import { NotificationPreferencesSection } from "./preferences-section";
import { InboxLink } from "./unread-badge";
import { UnsubscribePage } from "./unsubscribe-page";

const item = (overrides: Partial<InboxItem> = {}): InboxItem => ({
  id: "aWQx",
  kind: "update-posted",
  category: "news",
  subject: "生産者からのお便り: いちじく",
  paragraphs: ["いちじくが色づいてきました。"],
  link: { label: "続きを読む", url: "/plans/pl_1" },
  at: "2026-08-01T01:00:00.000Z",
  read: false,
  ...overrides,
});

describe("InboxLink", () => {
  it("shows the unread count, and 99+ beyond it", async () => {
    const api = fakeApi(() => json({ unread: 99, capped: true }));
    renderWithApp(<InboxLink />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect((await screen.findByTestId("unread-count")).textContent).toContain("99+");
    expect(screen.getByTestId("inbox-link").getAttribute("href")).toBe("/me/notifications");
  });

  it("shows no badge when everything is read", async () => {
    const api = fakeApi(() => json({ unread: 0, capped: false }));
    renderWithApp(<InboxLink />, { fetchImpl: api.fetchImpl, session: OWNER });
    await waitFor(() => expect(api.requests).toHaveLength(1));
    expect(screen.queryByTestId("unread-count")).toBeNull();
  });
});

describe("InboxPage", () => {
  it("lists notifications, marks one read, then refreshes", async () => {
    let read = false;
    const api = fakeApi((method, path) => {
      if (method === "POST" && path === "/me/notifications/aWQx/read") {
        read = true;
        return json({ read: true });
      }
      return json({
        items: [item({ read }), item({ id: "aWQy", subject: "ご予約が確定しました", read: true })],
      });
    });
    renderWithApp(<InboxPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    const rows = await screen.findAllByTestId("inbox-item");
    expect(rows.map((r) => r.getAttribute("data-read"))).toEqual(["false", "true"]);
    const [first] = rows as [HTMLElement];
    expect(within(first).getByRole("link", { name: "続きを読む" }).getAttribute("href")).toBe(
      "/plans/pl_1",
    );
    fireEvent.click(within(first).getByRole("button", { name: "既読にする" }));
    await waitFor(() =>
      expect(screen.getAllByTestId("inbox-item")[0]?.getAttribute("data-read")).toBe("true"),
    );
    expect(api.requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([
      "/me/notifications/aWQx/read",
    ]);
  });

  it("marks all read", async () => {
    const api = fakeApi((method) =>
      method === "POST" ? json({ marked: 1 }) : json({ items: [item()] }),
    );
    renderWithApp(<InboxPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    fireEvent.click(await screen.findByRole("button", { name: "すべて既読にする" }));
    await waitFor(() =>
      expect(api.requests.some((r) => r.path === "/me/notifications/read-all")).toBe(true),
    );
  });

  it("says when there is nothing yet", async () => {
    const api = fakeApi(() => json({ items: [] }));
    renderWithApp(<InboxPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    expect(await screen.findByText("お知らせはまだありません。")).toBeTruthy();
  });
});

describe("NotificationPreferencesSection", () => {
  it("keeps account mail on and turns a category off as it is unticked", async () => {
    const api = fakeApi((method, _path, body) =>
      json({
        account: true,
        season: true,
        news: method === "PUT" ? (body as { news: boolean }).news : true,
        experiences: true,
      }),
    );
    renderWithApp(<NotificationPreferencesSection />, { fetchImpl: api.fetchImpl, session: OWNER });
    const account = await screen.findByRole("checkbox", { name: /停止できません/ });
    expect((account as HTMLInputElement).disabled).toBe(true);
    const news = screen.getByRole("checkbox", { name: /生産者からのお便り/ }) as HTMLInputElement;
    expect(news.checked).toBe(true);
    fireEvent.click(news);
    await screen.findByText("保存しました。");
    expect(api.requests.find((r) => r.method === "PUT")?.body).toEqual({ news: false });
    expect(
      (screen.getByRole("checkbox", { name: /生産者からのお便り/ }) as HTMLInputElement).checked,
    ).toBe(false);
  });
});

describe("UnsubscribePage", () => {
  const page = (
    <Routes>
      <Route path="/unsubscribe" element={<UnsubscribePage />} />
    </Routes>
  );

  it("asks first, then unsubscribes with the link's token", async () => {
    const api = fakeApi(() => json({ category: "news" }));
    renderWithApp(page, { fetchImpl: api.fetchImpl, at: "/unsubscribe?token=abc.news.def" });
    expect(api.requests).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "配信を停止する" }));
    expect((await screen.findByRole("status")).textContent).toContain("生産者からのお便り");
    expect(api.requests[0]).toMatchObject({ method: "POST", path: "/unsubscribe" });
  });

  it("shows the problem of a bad token", async () => {
    const api = fakeApi(() =>
      problem(400, "VALIDATION.INVALID", "the unsubscribe token is not valid"),
    );
    renderWithApp(page, { fetchImpl: api.fetchImpl, at: "/unsubscribe?token=bad" });
    fireEvent.click(screen.getByRole("button", { name: "配信を停止する" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
  });
});
