// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLocalInput } from "../src/views/producer/plan-form-model.ts";
import { screenshot } from "./browser.ts";
import { type SiteUnderTest, signInWithForm, startSiteUnderTest } from "./site-under-test.ts";

const DAY_MS = 86_400_000;
const japanDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
const APPLICANT = "owner-e2e-applicant";

let site: SiteUnderTest;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-identity-e2e", seed: false });
  baseUrl = site.baseUrl;
}, 180_000);

afterAll(() => site?.close());

describe("becoming a producer, in headless Chromium on the local stack", () => {
  it("an owner applies, an admin approves, the new producer publishes a plan", async () => {
    // The owner applies from the header's link, with the seller disclosure.
    const owner = await site.newPage();
    await signInWithForm(owner, baseUrl, APPLICANT, "owner");
    await owner.getByRole("link", { name: "生産者として出品する" }).click();
    await owner.getByRole("heading", { name: "生産者として申し込む" }).waitFor();
    const fill = (label: string, value: string) =>
      owner.getByLabel(label, { exact: true }).fill(value);
    await fill("農園・事業者名", "E2E果樹園");
    await fill("都道府県", "山形県");
    await fill("産品（1行に1つ）", "さくらんぼ\nラ・フランス");
    await fill("ストーリー", "祖父の代から続く果樹園です。樹上で完熟させてから収穫します。");
    await fill("販売業者（氏名または名称）", "山田 太郎");
    await fill("所在地", "山形県東根市1-2-3");
    await fill("電話番号", "023-123-4567");
    await fill("メールアドレス", "taro@example.jp");
    await fill("運営責任者", "山田 太郎");
    await fill("販売価格・手数料・送料", "各プランのページに表示（税込・送料込み）");
    await fill("引渡し時期", "収穫後3日以内に発送します");
    await fill("返品・キャンセル", "申込締切までキャンセル可能、全額返金します");
    await screenshot(owner, "identity-apply-form");
    await owner.getByRole("button", { name: "申し込む", exact: true }).click();
    await owner.getByText("審査中です。結果はお知らせでお届けします。").waitFor();
    await screenshot(owner, "identity-apply-pending");

    // An admin reviews the queue and approves.
    const admin = await site.newPage();
    await signInWithForm(admin, baseUrl, "admin-e2e", "admin");
    await admin.goto(`${baseUrl}/admin/applications`);
    const card = admin.getByTestId(`application-${APPLICANT}`);
    await card.getByText("E2E果樹園").waitFor();
    await screenshot(admin, "identity-admin-queue");
    await card.getByRole("button", { name: "承認する" }).click();
    await admin.getByText("この状態の申し込みはありません。").waitFor();
    await admin.getByRole("button", { name: "承認済み" }).click();
    await admin.getByTestId(`application-${APPLICANT}`).waitFor();

    // Signing in again, the same person is a producer (the local directory's groups decide).
    await owner.getByRole("button", { name: "ログアウト" }).click();
    await signInWithForm(owner, baseUrl, APPLICANT, "owner");
    await owner.getByRole("heading", { name: "生産者ダッシュボード" }).waitFor();
    await owner
      .getByTestId("payout-section")
      .getByText(/受け取り口座は有効です/)
      .waitFor();
    await screenshot(owner, "identity-new-producer-dashboard");

    // ... and publishes its first plan.
    const now = Date.now();
    await owner.getByRole("link", { name: "プランを作る" }).first().click();
    await fill("タイトル", "E2E果樹園のさくらんぼ一口オーナー");
    await fill("生産者の想い・説明", "樹上で完熟させたさくらんぼを朝採りでお届けします。");
    await fill("1口あたりの量", "1");
    await fill("総口数", "20");
    await fill("1人あたりの上限口数", "2");
    await fill("1口の価格（円・税込）", "6000");
    await fill("申込開始", toLocalInput(new Date(now - 60_000).toISOString()));
    await fill("申込締切", toLocalInput(new Date(now + 3_600_000).toISOString()));
    await fill("お届け開始日", japanDay(now + DAY_MS));
    await fill("お届け終了日", japanDay(now + 30 * DAY_MS));
    await fill("1日の発送能力（箱）", "10");
    await owner.getByRole("button", { name: "下書きを保存" }).click();
    await owner.getByTestId("plan-status").filter({ hasText: "下書き" }).waitFor();
    await owner.getByRole("button", { name: "公開して募集を始める" }).click();
    await owner.getByTestId("plan-status").filter({ hasText: "募集中" }).waitFor();
    await screenshot(owner, "identity-new-producer-published");
    expect(owner.url()).toMatch(/\/producer\/plans\/plan_/);

    // The applicant's own page now says approved.
    await owner.goto(`${baseUrl}/apply`);
    await owner.getByText(/承認されました/).waitFor();
  });
});
