// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot, seriousViolations } from "./browser.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithForm,
  signInWithPicker,
  startSiteUnderTest,
} from "./site-under-test.ts";

const SPAM = "激安の時計はこちら spam.example で今すぐ";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-console-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer" | "admin") => apiAs(stack.apiUrl, sub, role);

describe("the admin console in a browser", () => {
  it("an admin hides an owner's comment, which leaves the plan page, and opens every console page", async () => {
    // The demo's fig producer posts news; its owner owner-sato answers with spam.
    const producer = await api("producer-kobayashi", "producer");
    const plans = await producer("GET", "/plans?producerId=producer-kobayashi");
    const planId = plans.items[0].id as string;
    const update = await producer("POST", `/plans/${planId}/updates`, {
      body: "今朝、最初の実が色づきました。",
      visibility: "public",
    });
    const owner = await api("owner-sato", "owner");
    await owner("POST", `/updates/${update.id}/comments`, { body: "楽しみにしています" });
    await owner("POST", `/updates/${update.id}/comments`, { body: SPAM });

    const visitor = await site.newPage();
    await visitor.goto(`${baseUrl}/plans/${planId}`);
    await visitor.locator(".comments").getByText(SPAM).waitFor();

    // The admin signs in with the dev form and lands on the console.
    const admin = await site.newPage();
    await signInWithForm(admin, baseUrl, "admin-e2e", "admin");
    const nav = admin.getByRole("navigation", { name: "コンソールのメニュー" });
    await nav.waitFor();
    await screenshot(admin, "console-home");

    await nav.getByRole("link", { name: "コメント" }).click();
    const row = admin.locator("li", { hasText: SPAM });
    await row.getByRole("button", { name: "非表示にする" }).click();
    await row.getByLabel("非表示にする理由（投稿者に伝わります）").fill("広告のため");
    await row.getByRole("button", { name: "非表示にして投稿者に知らせる" }).click();
    // The list is read again: the comment now carries its moderation note.
    await admin
      .locator("li", { hasText: SPAM })
      .getByText(/非表示：広告のため/)
      .waitFor();
    await screenshot(admin, "console-comments");

    // Gone from the plan page for a visitor and for its own author; the other comment stays.
    await visitor.reload();
    await visitor.locator(".comments").getByText("楽しみにしています").waitFor();
    expect(await visitor.getByText(SPAM).count()).toBe(0);
    const author = await site.newPage();
    await signInWithPicker(author, baseUrl, "owner-sato");
    await author.goto(`${baseUrl}/plans/${planId}`);
    await author.locator(".comments").getByText("楽しみにしています").waitFor();
    expect(await author.getByText(SPAM).count()).toBe(0);

    // Each console page renders (and passes the accessibility check).
    await nav.getByRole("link", { name: "プラン" }).click();
    await admin.getByTestId("console-plans").waitFor();
    await screenshot(admin, "console-plans");
    await nav.getByRole("link", { name: "異議・照合" }).click();
    await admin.getByRole("heading", { name: "決済の異議（チャージバック）" }).waitFor();
    await admin.getByRole("heading", { name: "照合の不一致" }).waitFor();
    await screenshot(admin, "console-disputes");
    await nav.getByRole("link", { name: "バッチ" }).click();
    const closeSales = admin.getByTestId("batch-close-sales");
    await closeSales.getByRole("button", { name: "今すぐ実行" }).click();
    await closeSales.getByRole("status").waitFor();
    await closeSales.getByText("完了").first().waitFor();
    await screenshot(admin, "console-batches");
    await nav.getByRole("link", { name: "監査ログ" }).click();
    await admin.getByRole("heading", { name: "監査ログの検索" }).waitFor();
    await screenshot(admin, "console-audit");
    expect(await seriousViolations(admin)).toEqual([]);
  }, 120_000);
});
