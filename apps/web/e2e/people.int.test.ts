// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "./browser.ts";
import { type SiteUnderTest, signInWithPicker, startSiteUnderTest } from "./site-under-test.ts";

let site: SiteUnderTest;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-people-e2e", seed: true });
  baseUrl = site.baseUrl;
}, 180_000);

afterAll(() => site?.close());

describe("people in the browser (DynamoDB Local, demo data)", () => {
  it("a visitor goes from a plan card to its producer's public page", async () => {
    const page = await site.newPage();
    await page.goto(`${baseUrl}/`);
    // The card leads with the producer's name and prefecture.
    const card = page.locator(".plan-card", { hasText: "小林果樹園 · 和歌山県" }).first();
    await card.locator(".plan-card-link").click();
    await page.getByRole("complementary", { name: "生産者" }).waitFor();
    await screenshot(page, "people-plan-page-producer-card");
    await page.getByRole("link", { name: "小林果樹園" }).click();
    await page.waitForURL(/\/producers\/producer-kobayashi$/);
    await page.getByRole("heading", { name: "小林果樹園", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "特定商取引法に基づく表記" }).waitFor();
    // Demo owners sato, suzuki and takahashi own its plan.
    await page.getByText("オーナー 3人 (うちリピーター 0人)").waitFor();
    expect(await page.locator(".producer-page .plan-card").count()).toBeGreaterThan(0);
    await screenshot(page, "people-producer-page");

    await page.getByRole("link", { name: "生産者" }).first().click();
    await page.getByRole("heading", { name: "生産者", level: 1 }).waitFor();
    await page.getByLabel("都道府県", { exact: true }).fill("青森県");
    await page.getByRole("heading", { name: "津軽りんご村" }).waitFor();
    expect(await page.locator(".plan-card").count()).toBe(1);
    await screenshot(page, "people-producers-list");
  });

  it("an owner sets a display name and its comment shows it", async () => {
    const owner = await site.newPage();
    await signInWithPicker(owner, baseUrl, "owner-sato");
    await owner.goto(`${baseUrl}/settings`);
    await owner.getByLabel("表示名", { exact: true }).fill("さとう花子");
    await owner.getByRole("button", { name: "保存する" }).click();
    await owner.getByText("保存しました。").waitFor();
    await screenshot(owner, "people-settings");

    // The producer's fig plan, found from its public page; the producer posts news on it.
    await owner.goto(`${baseUrl}/producers/producer-kobayashi`);
    await owner.locator(".producer-page .plan-card-link").first().click();
    await owner.waitForURL(/\/plans\//);
    const planPath = new URL(owner.url()).pathname;
    const producer = await site.newPage();
    await signInWithPicker(producer, baseUrl, "producer-kobayashi");
    await producer.goto(`${baseUrl}/producer${planPath}`);
    await producer.getByLabel("本文", { exact: true }).fill("いちじくの実が大きくなってきました。");
    await producer.getByRole("button", { name: "投稿する" }).click();
    await producer.getByText("投稿しました。").waitFor();

    await owner.reload();
    await owner.getByText("いちじくの実が大きくなってきました。").waitFor();
    await owner.getByLabel("コメントを書く", { exact: true }).fill("楽しみです！");
    await owner.getByRole("button", { name: "送信" }).click();
    const comment = owner.locator(".comments li", { hasText: "楽しみです！" });
    await comment.waitFor();
    expect(await comment.locator(".comment-author").textContent()).toBe("さとう花子");
    expect(await comment.textContent()).not.toContain("owner-sato");
    await screenshot(owner, "people-comment-display-name");
  });
});
