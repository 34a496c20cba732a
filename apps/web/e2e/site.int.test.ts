// @vitest-environment node
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLocalInput } from "../src/views/producer/plan-form-model.ts";
import { overflowsHorizontally, screenshot, seriousViolations } from "./browser.ts";
import { type SiteUnderTest, signInWithPicker, startSiteUnderTest } from "./site-under-test.ts";

const DAY_MS = 86_400_000;
const PNG_1PX =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const japanDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
// Long Japanese with no spaces: it must wrap, not widen the page on a phone.
const TITLE =
  "樹上完熟いちじくE2E一口オーナー・朝採りを産地直送で味わう今季かぎりの特別な収穫プラン";

let site: SiteUnderTest;
let baseUrl: string;
let planId: string;

/** The first open plan of the demo data, from the list, as a visitor finds it. */
const openDemoPlan = async (page: Page) => {
  await page.goto(`${baseUrl}/`);
  await page.locator(".plan-card-link").first().click();
  await page.getByTestId("quote-total").waitFor();
};

const newPage = (viewport?: { width: number; height: number }) =>
  site.newPage(viewport === undefined ? {} : { viewport });

/** Signs in through the dev-login picker, as a newcomer would. */
const signIn = (page: Page, userId: string) => signInWithPicker(page, baseUrl, userId);

beforeAll(async () => {
  const started = Date.now();
  site = await startSiteUnderTest({ tableName: "owners-web-e2e", seed: true });
  baseUrl = site.baseUrl;
  console.log(`site e2e: stack + chromium in ${Date.now() - started} ms`);
}, 120_000);

afterAll(() => site?.close());

/**
 * The owner is sent to the local processor's checkout page, pays with the test card that
 * succeeds, and comes back to "my harvest" once the processor's signed webhook has made the
 * ownership active (the page polls while a payment is pending).
 */
const payAtCheckout = async (page: Page, shot?: string) => {
  await page.waitForURL(/\/checkout\//);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  if (shot !== undefined) await screenshot(page, shot);
  await page.getByRole("button", { name: /^Pay (?!at)/ }).click();
  await page.waitForURL(/\/me/);
  await page.getByText("お支払い待ち").waitFor({ state: "detached" });
};

describe("the site in headless Chromium on the full local stack (DynamoDB Local, s3rver)", () => {
  it("a producer creates and publishes a plan", async () => {
    const page = await newPage();
    await signIn(page, "producer-kobayashi");
    await page.getByRole("heading", { name: "生産者ダッシュボード" }).waitFor();
    await page.getByTestId("stat-shares").waitFor();
    // The local processor says yes: the payout account is ready, so publishing is allowed.
    await page
      .getByTestId("payout-section")
      .getByText(/受け取り口座は有効です/)
      .waitFor();
    await screenshot(page, "producer-dashboard");

    await page.getByRole("link", { name: "プランを作る" }).first().click();
    const now = Date.now();
    await page.getByLabel("タイトル", { exact: true }).fill(TITLE);
    await page
      .getByLabel("生産者の想い・説明", { exact: true })
      .fill("袋をかけずに樹上で完熟させたいちじくを、朝採りでお届けします。");
    await page.getByLabel("1口あたりの量", { exact: true }).fill("4");
    await page.getByLabel("総口数", { exact: true }).fill("10");
    await page.getByLabel("1人あたりの上限口数", { exact: true }).fill("5");
    await page.getByLabel("1口の価格（円・税込）", { exact: true }).fill("5000");
    await page
      .getByLabel("申込開始", { exact: true })
      .fill(toLocalInput(new Date(now - 60_000).toISOString()));
    await page
      .getByLabel("申込締切", { exact: true })
      .fill(toLocalInput(new Date(now + 3_600_000).toISOString()));
    await page.getByLabel("お届け開始日", { exact: true }).fill(japanDay(now + DAY_MS));
    await page.getByLabel("お届け終了日", { exact: true }).fill(japanDay(now + 30 * DAY_MS));
    await page.getByLabel("1日の発送能力（箱）", { exact: true }).fill("10");
    await screenshot(page, "producer-plan-form");
    await page.getByRole("button", { name: "下書きを保存" }).click();

    await page.getByTestId("plan-status").filter({ hasText: "下書き" }).waitFor();
    planId = page.url().split("/producer/plans/")[1] ?? "";
    expect(planId).toMatch(/^plan_/);
    // A draft is edited (PATCH with If-Match) before it opens.
    for (const price of ["4800", "5000"]) {
      await page.getByRole("link", { name: "編集する" }).click();
      await page.getByLabel("1口の価格（円・税込）", { exact: true }).fill(price);
      await page.getByRole("button", { name: "保存する" }).click();
      await page
        .getByTestId("plan-price")
        .filter({ hasText: `1口 ${Number(price).toLocaleString("ja-JP")}円` })
        .waitFor();
    }
    await page.getByRole("button", { name: "公開して募集を始める" }).click();
    await page.getByTestId("plan-status").filter({ hasText: "募集中" }).waitFor();
  });

  it("two owners reserve; over the per-owner limit is a clear message, not raw JSON", async () => {
    const sato = await newPage();
    await signIn(sato, "owner-sato");
    await sato.goto(`${baseUrl}/plans/${planId}`);
    await sato.getByRole("heading", { name: TITLE }).waitFor();
    await sato.getByLabel("口数", { exact: true }).fill("2");
    await sato.getByTestId("quote-total").filter({ hasText: "10,000円" }).waitFor();
    await screenshot(sato, "plan-page-quote");
    await sato.getByRole("button", { name: /10,000円で申し込む/ }).click();
    await payAtCheckout(sato, "sato-checkout");
    await sato.getByText("2口・10,000円").waitFor();

    const suzuki = await newPage();
    await signIn(suzuki, "owner-suzuki");
    await suzuki.goto(`${baseUrl}/plans/${planId}`);
    await suzuki.getByLabel("口数", { exact: true }).fill("6");
    await suzuki.getByTestId("quote-total").filter({ hasText: "30,000円" }).waitFor();
    await suzuki.getByRole("button", { name: /30,000円で申し込む/ }).click();
    await suzuki.getByRole("alert").filter({ hasText: "上限（5口）" }).waitFor();
    await screenshot(suzuki, "reserve-owner-limit");
    await suzuki.getByLabel("口数", { exact: true }).fill("3");
    await suzuki.getByTestId("quote-total").filter({ hasText: "15,000円" }).waitFor();
    await suzuki.getByRole("button", { name: /15,000円で申し込む/ }).click();
    await payAtCheckout(suzuki);
    await suzuki.getByText("3口・15,000円").waitFor();
    await suzuki.goto(`${baseUrl}/plans/${planId}`);
    await expect
      .poll(async () => (await suzuki.getByTestId("shares-remaining").textContent()) ?? "")
      .toContain("5 / 10口");
  });

  it("the producer posts news with a photo uploaded to S3 and an experience; an owner comments and books", async () => {
    const producer = await newPage();
    await signIn(producer, "producer-kobayashi");
    await producer.goto(`${baseUrl}/producer/plans/${planId}`);
    await producer.getByLabel("本文", { exact: true }).fill("今朝、最初の実が色づきました。");
    await producer.getByLabel("写真", { exact: true }).setInputFiles({
      name: "fig.png",
      mimeType: "image/png",
      buffer: Buffer.from(PNG_1PX, "base64"),
    });
    await producer.getByRole("button", { name: "投稿する" }).click();
    await producer.getByText("投稿しました。").waitFor();
    await producer.getByLabel("写真を追加", { exact: true }).setInputFiles({
      name: "orchard.png",
      mimeType: "image/png",
      buffer: Buffer.from(PNG_1PX, "base64"),
    });
    await producer.getByText("写真を追加しました。").waitFor();
    await producer.getByLabel("イベント名", { exact: true }).fill("収穫体験と畑の見学");
    await producer
      .getByLabel("開始日時", { exact: true })
      .fill(toLocalInput(new Date(Date.now() + 10 * DAY_MS).toISOString()));
    await producer.getByRole("button", { name: "体験イベントを追加" }).click();
    await producer.getByText("残り10席").waitFor();

    const owner = await newPage();
    await signIn(owner, "owner-sato");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByText("今朝、最初の実が色づきました。").waitFor();
    // The photo went browser -> presigned POST -> s3rver and comes back on the site's origin.
    for (const photo of [
      owner.locator(".timeline img.photo").first(),
      owner.locator("section.photos img.photo").first(),
    ])
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await owner.getByLabel("コメントを書く", { exact: true }).fill("楽しみにしています！");
    await owner.getByRole("button", { name: "送信" }).click();
    await owner.locator(".comments").getByText("楽しみにしています！").waitFor();
    await owner.getByLabel("席数", { exact: true }).fill("2");
    await owner.getByRole("button", { name: "予約する" }).click();
    await owner.getByText("2席を予約しました。").waitFor();
    await owner.getByText("残り8席").waitFor();
    await screenshot(owner, "plan-page-updates-experiences");
  });

  it("the producer closes sales, records a short harvest and runs allocation; the CSV downloads", async () => {
    const page = await newPage();
    await signIn(page, "producer-kobayashi");
    await page.goto(`${baseUrl}/producer/plans/${planId}`);
    await page.getByRole("button", { name: "募集を締め切る" }).click();
    await page.getByTestId("plan-status").filter({ hasText: "募集終了" }).waitFor();

    // 10 packs for 20 entitled (2 shares x 4 + 3 shares x 4): half the harvest is missing.
    await page.getByLabel("数量（pack）", { exact: true }).fill("10");
    await page.getByRole("button", { name: "収穫を記録する" }).click();
    await page.getByText("10packを記録しました。").waitFor();
    await page.getByTestId("allocations-before").waitFor();
    // The recorded lot is listed before the batch runs, waiting for allocation.
    const lots = page.getByTestId("harvest-lots").locator("tbody tr");
    await expect.poll(() => lots.first().textContent()).toContain("配分待ち");
    await screenshot(page, "producer-before-allocation");

    await page.getByRole("button", { name: "いま配分を実行（ローカル開発用）" }).click();
    const rows = page.getByTestId("allocations").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    // No more lots will come: the shortfall is settled once, from this final allocation.
    await page.getByRole("button", { name: "収穫を確定する" }).click();
    await page.getByText("収穫を確定しました（返金2件）。").waitFor();
    await expect
      .poll(() => rows.filter({ hasText: "owner-sato" }).textContent())
      .toContain("5,000円");
    await expect.poll(() => lots.first().textContent()).toContain("配分済み");
    await page.getByRole("button", { name: "発送予定を作る（ローカル開発用）" }).click();
    await expect.poll(() => page.getByTestId("shipments").locator("tbody tr").count()).toBe(2);
    await screenshot(page, "producer-after-allocation");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "送り状用CSVをダウンロード" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`shipments-${planId}.csv`);
    const csv = readFileSync(await download.path(), "utf8");
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r\n/);
    expect(header).toContain("recipient_name");
    expect(lines).toHaveLength(2);
    expect(csv).toContain("佐藤 花子");
    expect(csv).toContain("鈴木 一郎");
  });

  it("an owner sees its reduced allocation and the refund in the chart", async () => {
    const page = await newPage();
    await signIn(page, "owner-sato");
    await page.goto(`${baseUrl}/me`);
    const owned = page.locator("li.owned-plan").filter({ hasText: TITLE });
    const chart = owned.getByRole("img", { name: "予定8packに対して配分4pack" });
    await chart.waitFor();
    expect(await owned.getByTestId("refund").textContent()).toBe("5,000円");
    const entitled = Number(await owned.getByTestId("entitled-bar").getAttribute("width"));
    const received = Number(await owned.getByTestId("received-bar").getAttribute("width"));
    expect(received / entitled).toBeCloseTo(0.5, 5);
    await owned.scrollIntoViewIfNeeded();
    await screenshot(page, "my-harvest-allocation");
  });

  it("main pages have no serious or critical accessibility violations (axe-core)", async () => {
    const owner = await newPage();
    await signIn(owner, "owner-sato");
    const producer = await newPage();
    await signIn(producer, "producer-kobayashi");
    const anonymous = await newPage();
    const pages: [Page, string, string][] = [
      [anonymous, "/", "募集中のプラン"],
      [anonymous, "/sign-in", "ログイン"],
      [owner, `/plans/${planId}`, TITLE],
      [owner, "/me", "わたしの収穫"],
      [producer, "/producer", "生産者ダッシュボード"],
      [producer, `/producer/plans/${planId}`, TITLE],
      [producer, "/producer/plans/new", "新しいプラン"],
    ];
    const found: Record<string, unknown> = {};
    const check = async (page: Page, what: string) => {
      await page.getByText("読み込み中…").first().waitFor({ state: "detached" });
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[what] = violations;
    };
    for (const [page, path, heading] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
      await check(page, path);
    }
    // An open plan, with its quote and reserve controls.
    await openDemoPlan(owner);
    await check(owner, "an open demo plan");
    expect(found).toEqual({});
  });

  it("the keyboard reaches the main controls, with a visible focus ring", async () => {
    const page = await newPage();
    await signIn(page, "owner-suzuki");
    await openDemoPlan(page);
    await page.locator("body").focus();
    const reached: string[] = [];
    let ring = "";
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null) return { name: "", outline: "" };
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName.toLowerCase()}:${(label?.textContent ?? el.textContent ?? "").trim()}`,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
      reached.push(focused.name);
      if (focused.name.startsWith("button:日本語")) ring = focused.outline;
    }
    for (const control of [
      "a:本文へ移動",
      "a:プランを探す",
      "button:English",
      "input:口数",
      "select:お届け先の地域",
    ])
      expect(reached).toContain(control);
    expect(reached.some((name) => name.startsWith("button:") && name.includes("申し込む"))).toBe(
      true,
    );
    expect(ring).toMatch(/^solid [1-9]/);
  });

  it("fits a phone screen with long Japanese text, and switches to English", async () => {
    const phone = await newPage({ width: 375, height: 812 });
    await signIn(phone, "owner-sato");
    for (const [path, name, text] of [
      ["/", "phone-plan-list", "募集中のプラン"],
      [`/plans/${planId}`, "phone-plan-page", TITLE],
      ["/me", "phone-my-harvest", TITLE],
    ] as const) {
      await phone.goto(`${baseUrl}${path}`);
      await phone.getByText(text).first().waitFor();
      await phone.getByText("読み込み中…").first().waitFor({ state: "detached" });
      expect(await overflowsHorizontally(phone), path).toBe(false);
      await screenshot(phone, name);
    }
    await phone.goto(`${baseUrl}/`);
    await phone.getByRole("button", { name: "English" }).click();
    await phone.getByRole("heading", { name: "Plans open for owners" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe("en");
    await screenshot(phone, "phone-plan-list-english");
  });
});
