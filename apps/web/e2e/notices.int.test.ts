// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { paidShares, seededFigPlanId } from "./plans-under-test.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithForm,
  startSiteUnderTest,
} from "./site-under-test.ts";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-notices-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer") => apiAs(stack.apiUrl, sub, role);

describe("an owner's notifications in the browser", () => {
  it("reserves, sees the unread count, reads the inbox in Japanese and turns news off", async () => {
    const sub = "owner-notices";
    const page = await site.newPage();
    await signInWithForm(page, baseUrl, sub, "owner");
    await expect(page.getByTestId("unread-count").count()).resolves.toBe(0);

    // The owner reserves a share of the seeded fig plan and pays (the dev checkout).
    const owner = await api(sub, "owner");
    await paidShares(owner, await seededFigPlanId(owner), {
      shippingRegion: "kanto",
      key: "notices-e2e-reserve-1",
    });

    // The header counts both messages the reservation caused as unread: the request to pay
    // (written with the hold) and the confirmation (written with the payment).
    await page.goto(`${baseUrl}/`);
    await page.getByTestId("unread-count").getByText("2", { exact: true }).waitFor();
    await screenshot(page, "notices-unread-count");

    // The inbox, in Japanese: the confirmation, unread, then marked read.
    await page.getByTestId("inbox-link").click();
    const item = page.getByTestId("inbox-item").filter({ hasText: "ご予約が確定しました" });
    await item.waitFor();
    expect(await item.getAttribute("data-read")).toBe("false");
    await item.getByText(/を1口ご予約いただきました。/).waitFor();
    await screenshot(page, "notices-inbox");
    await item.getByRole("button", { name: "既読にする" }).click();
    await page.locator('[data-testid="inbox-item"][data-read="true"]').first().waitFor();
    await page.getByTestId("unread-count").getByText("1", { exact: true }).waitFor();
    await screenshot(page, "notices-inbox-read");

    // Preferences: account mail stays on; producers' news is turned off.
    await page.getByRole("link", { name: "メールの受け取り設定" }).click();
    const news = page.getByRole("checkbox", { name: /生産者からのお便り/ });
    await news.uncheck();
    await page.getByText("保存しました。").waitFor();
    expect(await page.getByRole("checkbox", { name: /停止できません/ }).isDisabled()).toBe(true);
    await screenshot(page, "notices-preferences");
    expect(await owner("GET", "/me/notification-preferences")).toEqual({
      account: true,
      season: true,
      news: false,
      experiences: true,
    });
  });
});
