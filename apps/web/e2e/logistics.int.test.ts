// @vitest-environment node
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { dayIn, paidShares, planTerms, publishPlan, untilSalesOpen } from "./plans-under-test.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithForm,
  startSiteUnderTest,
} from "./site-under-test.ts";

const TITLE = "信州りんご 冷蔵便オーナー";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-logistics-e2e", seed: false });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer") => apiAs(stack.apiUrl, sub, role);

const ADDRESS = {
  postalCode: "150-0001",
  prefecture: "東京都",
  city: "渋谷区",
  line1: "神宮前1-2-3",
  phone: "03-1234-5678",
};

describe("shipping to the door in the browser", () => {
  it("the producer sets chilled boxes with slots, the owner picks an address and 18–20, the B2 file has it", async () => {
    const producerApi = await api("producer-logistics", "producer");
    // Apples from Nagano by the kilo; sales open while the producer sets the logistics.
    const terms = planTerms(TITLE, {
      description: "冷蔵便でお届けするりんごの樹。",
      region: "chubu",
      unitLabel: "kg",
      unitsPerShare: 5,
      priceYen: 9800,
    });
    const { planId } = await publishPlan(producerApi, terms, { waitForSales: false });

    // The producer sets the plan's logistics on its plan page.
    const producer = await site.newPage();
    await signInWithForm(producer, baseUrl, "producer-logistics", "producer");
    await producer.goto(`${baseUrl}/producer/plans/${planId}`);
    const form = producer.getByTestId("plan-logistics");
    await form.getByLabel("発送元（都道府県）", { exact: true }).fill("長野県");
    await form.getByLabel("1日に発送できる箱数", { exact: true }).fill("30");
    await form.getByLabel("温度帯", { exact: true }).selectOption("chilled");
    await form.getByLabel("温度帯の追加料金（1箱あたり・円）", { exact: true }).fill("275");
    await form.getByLabel("オーナーが配達時間帯を指定できる").check();
    await form.getByRole("button", { name: "配送設定を保存" }).click();
    await producer.getByText("配送設定を保存しました。").waitFor();
    await screenshot(producer, "logistics-producer-settings");

    // An owner with two saved addresses buys a share.
    await untilSalesOpen(terms);
    const ownerApi = await api("owner-logistics", "owner");
    await ownerApi("POST", "/me/addresses", {
      label: "自宅",
      address: { ...ADDRESS, recipientName: "佐藤 花子" },
      region: "kanto",
    });
    await ownerApi("POST", "/me/addresses", {
      label: "実家",
      address: { ...ADDRESS, recipientName: "佐藤 正子", prefecture: "大阪府", city: "大阪市" },
      region: "kinki",
    });
    await paidShares(ownerApi, planId, { shippingRegion: "kanto", key: "logistics-owner-1" });

    // The plan page tells owners how the boxes travel; the owner picks 実家 and 18–20.
    const owner = await site.newPage();
    await signInWithForm(owner, baseUrl, "owner-logistics", "owner");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByTestId("logistics-temperature").filter({ hasText: "冷蔵" }).waitFor();
    expect(await owner.getByTestId("logistics-temperature").textContent()).toContain("275円");
    await screenshot(owner, "logistics-plan-page");
    await owner.goto(`${baseUrl}/me`);
    const card = owner.locator("li.owned-plan").filter({ hasText: TITLE });
    const chooser = card.getByTestId("delivery-choice");
    await chooser.getByRole("button", { name: "お届け先を保存" }).waitFor();
    await chooser.getByRole("radio", { name: /実家: 佐藤 正子/ }).check();
    await chooser.getByLabel("配達時間帯", { exact: true }).selectOption("18-20");
    await chooser.getByRole("button", { name: "お届け先を保存" }).click();
    await chooser.getByText("お届け先を保存しました。").waitFor();
    await screenshot(owner, "logistics-owner-delivery");

    // Sales close, the harvest comes in, the batches allocate and schedule it.
    await producer.goto(`${baseUrl}/producer/plans/${planId}`);
    await producer.getByRole("button", { name: "募集を締め切る" }).click();
    await producer.getByTestId("plan-status").filter({ hasText: "募集終了" }).waitFor();
    await producerApi("POST", `/plans/${planId}/harvests`, {
      quantity: 5,
      grade: "standard",
      readyOn: dayIn(41),
      bestBefore: dayIn(60),
    });
    await producer.reload();
    await producer.getByRole("button", { name: "いま配分を実行（ローカル開発用）" }).click();
    await producer.getByTestId("allocations").locator("tbody tr").first().waitFor();
    await producer.getByRole("button", { name: "収穫を確定する" }).click();
    await producer.getByText(/収穫を確定しました/).waitFor();
    await producer.getByRole("button", { name: "発送予定を作る（ローカル開発用）" }).click();
    await expect.poll(() => producer.getByTestId("shipments").locator("tbody tr").count()).toBe(1);
    await screenshot(producer, "logistics-producer-shipments");

    const [download] = await Promise.all([
      producer.waitForEvent("download"),
      producer.getByRole("button", { name: "B2クラウド用CSVをダウンロード（ヤマト運輸）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`b2-${planId}.csv`);
    // B2's import reads Shift_JIS: the file is read back as B2 reads it.
    const [header, ...rows] = new TextDecoder("shift_jis")
      .decode(readFileSync(await download.path()))
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    const cell = (row: string[] | undefined, column: string) =>
      row?.[(header as string[]).indexOf(column)];
    expect(rows).toHaveLength(1);
    expect(cell(rows[0], "お届け先名")).toBe("佐藤 正子");
    expect(cell(rows[0], "お届け先住所")).toBe("大阪府大阪市神宮前1-2-3");
    expect(cell(rows[0], "配達時間帯")).toBe("1820");
    expect(cell(rows[0], "クール区分")).toBe("2");
  });
});
