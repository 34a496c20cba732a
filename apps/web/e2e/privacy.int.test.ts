// @vitest-environment node
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { devToken, type SiteUnderTest, startSiteUnderTest } from "./site-under-test.ts";

const OWNER = "owner-privacy-e2e";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-web-privacy-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** A bearer token for the owner, minted by the local dev login (as the site's picker does). */
const ownerToken = () => devToken(stack.apiUrl, OWNER, "owner");

describe("privacy in headless Chromium on the local stack (DynamoDB Local, s3rver)", () => {
  it("an owner reserves, reads its history, exports its data and deletes its account", async () => {
    const page = await site.newPage({ timeoutMs: 20_000 });
    await page.goto(`${baseUrl}/sign-in`);
    // The sign-in page links the terms and the privacy policy.
    await page.getByText(/利用規約とプライバシーポリシーに同意/).waitFor();
    await page.getByLabel("ユーザーID", { exact: true }).fill(OWNER);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await page.getByRole("button", { name: "ログアウト" }).waitFor();

    // One share of the first open demo plan, paid at the local checkout.
    await page.goto(`${baseUrl}/`);
    await page.locator(".plan-card-link").first().click();
    await page.getByTestId("quote-total").waitFor();
    await page.getByRole("button", { name: /円で申し込む/ }).click();
    await page.waitForURL(/\/checkout\//);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: /^Pay (?!at)/ }).click();
    await page.waitForURL(/\/me/);
    await page.getByText("お支払い待ち").waitFor({ state: "detached" });

    // The ownership's history, on the owner's page.
    await page.getByText("このオーナー権の履歴").click();
    await page.getByText("ownership.reserved").waitFor();
    await screenshot(page, "privacy-ownership-history");

    // Export: a JSON file with everything held about the owner.
    await page.getByRole("link", { name: "設定" }).click();
    await page.getByRole("heading", { name: "あなたのデータ" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "データをダウンロード" }).click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
    expect(exported.personId).toBe(OWNER);
    expect(exported.data.ownerships).toHaveLength(1);
    expect(exported.data.audit.length).toBeGreaterThan(0);
    await screenshot(page, "privacy-settings-export");

    // Delete: the confirmation says what happens to the ownership, then the account is closed.
    await page.getByRole("button", { name: "アカウントを削除する…" }).click();
    await page
      .getByRole("alertdialog")
      .getByText(/キャンセル・返金され/)
      .waitFor();
    await screenshot(page, "privacy-delete-confirm");
    await page.getByRole("button", { name: "削除する", exact: true }).click();
    const outcome = page.getByText(/アカウントを削除しました|いまは削除できません/);
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain("アカウントを削除しました");
    await page.getByRole("link", { name: "ログイン" }).waitFor();
    await screenshot(page, "privacy-deleted");

    // The export of a deleted account is 404.
    const after = await fetch(`${stack.apiUrl}/me/export`, {
      headers: { authorization: `Bearer ${await ownerToken()}` },
    });
    expect(after.status).toBe(404);
    expect(((await after.json()) as { code: string }).code).toBe("ACCOUNT.NOT_FOUND");

    // The legal pages, from the footer.
    await page.getByRole("contentinfo").getByRole("link", { name: "プライバシーポリシー" }).click();
    await page.getByRole("heading", { name: "プライバシーポリシー" }).waitFor();
    await screenshot(page, "privacy-policy");
    await page.getByRole("contentinfo").getByRole("link", { name: "利用規約" }).click();
    await page.getByRole("heading", { name: "利用規約" }).waitFor();
  }, 240_000);
});
