// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot } from "./browser.ts";
import { type SiteUnderTest, signInWithPicker, startSiteUnderTest } from "./site-under-test.ts";

let site: SiteUnderTest;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-producer-paths-e2e", seed: true });
  baseUrl = site.baseUrl;
}, 180_000);

afterAll(() => site?.close());

describe("a producer's paths in the browser (DynamoDB Local, demo data)", () => {
  it("a producer cancels a plan after reading what owners get back, then follows the refunds", async () => {
    // The fig plan of producer-kobayashi, owned by demo owners: found from its public page.
    const producer = await site.newPage();
    await signInWithPicker(producer, baseUrl, "producer-kobayashi");
    await producer.goto(`${baseUrl}/producers/producer-kobayashi`);
    await producer.locator(".producer-page .plan-card-link").first().click();
    await producer.waitForURL(/\/plans\//);
    const planPath = new URL(producer.url()).pathname;
    await producer.goto(`${baseUrl}/producer${planPath}`);

    await producer.getByRole("button", { name: "中止する…" }).click();
    const dialog = producer.getByRole("alertdialog");
    const summary = dialog.getByTestId("cancel-refund-summary");
    await summary.waitFor();
    const said = (await summary.textContent()) ?? "";
    const owners = Number(/オーナー (\d+)人に、支払った全額/.exec(said)?.[1]);
    expect(owners).toBeGreaterThan(0);
    // The confirmation cannot be sent without a reason.
    const confirm = dialog.getByRole("button", { name: "中止して全額返金する" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog
      .getByLabel("中止の理由（オーナーに伝わります）", { exact: true })
      .fill("8月の台風で園地が全滅しました。");
    await screenshot(producer, "producer-paths-cancel-dialog");
    await confirm.click();

    await producer.getByTestId("plan-status").filter({ hasText: "中止" }).waitFor();
    const refunds = producer.getByTestId("cancellation-refunds");
    await refunds.getByText(`オーナー ${owners}人中 0人に返金しました`).waitFor();
    await screenshot(producer, "producer-paths-cancelled");

    // Locally the refund batch runs on demand (the scheduler runs it in the cloud).
    await refunds.getByRole("button", { name: "返金バッチを今すぐ実行" }).click();
    await refunds.getByText(`オーナー ${owners}人中 ${owners}人に返金しました`).waitFor();
    expect(await refunds.textContent()).toContain("未返金 0円");
    await screenshot(producer, "producer-paths-refunded");
  });
});
