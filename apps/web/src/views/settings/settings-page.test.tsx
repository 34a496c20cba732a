import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json, OWNER, renderWithApp } from "../../testing/render";
import { SETTINGS_SECTIONS, SettingsPage } from "./settings-page";

const profile = {
  displayName: null,
  language: "ja",
  notifications: {
    reservations: true,
    updates: true,
    harvest: true,
    shipping: true,
    followedProducers: true,
  },
  version: 0,
};

/** What another area's section looks like to the page. */
const Extra = () => <h2>データの書き出し</h2>;

describe("SettingsPage", () => {
  it("saves the display name and notification choices with the version it read", async () => {
    let stored = profile;
    const api = fakeApi((method, path, body) => {
      if (path === "/me/profile" && method === "PUT")
        stored = { ...profile, ...(body as object), version: stored.version + 1 };
      if (path === "/me/profile") return json(stored);
      return json({ addresses: [], version: 0 });
    });
    renderWithApp(<SettingsPage />, { fetchImpl: api.fetchImpl, session: OWNER });
    fireEvent.change(await screen.findByLabelText("表示名"), { target: { value: "はなこ" } });
    fireEvent.click(screen.getByLabelText("発送"));
    fireEvent.click(screen.getByRole("button", { name: "保存する" }));
    await waitFor(() => expect(api.requests.some((r) => r.method === "PUT")).toBe(true));
    const put = api.requests.find((r) => r.method === "PUT");
    expect(put?.body).toMatchObject({
      displayName: "はなこ",
      language: "ja",
      notifications: { shipping: false, updates: true },
      expectedVersion: 0,
    });
    // The refetched profile (a new version) keeps the form and its "saved" message.
    expect(await screen.findByText("保存しました。")).toBeTruthy();
    expect((screen.getByLabelText("表示名") as HTMLInputElement).value).toBe("はなこ");
    expect(await screen.findByText("登録された住所はありません。")).toBeTruthy();
  });

  it("renders the sections it is given, in order (other areas add theirs)", async () => {
    const api = fakeApi(() => json(profile));
    renderWithApp(
      <SettingsPage sections={[...SETTINGS_SECTIONS.slice(0, 1), { key: "x", Section: Extra }]} />,
      { fetchImpl: api.fetchImpl, session: OWNER },
    );
    expect(await screen.findByRole("heading", { name: "データの書き出し" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "登録住所" })).toBeNull();
  });
});
