// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { DAY_MS, dayIn, isoIn, paidShares, planTerms, publishPlan } from "./plans-under-test.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithPicker,
  startSiteUnderTest,
} from "./site-under-test.ts";

const TITLE = "いちじく 言語確認オーナー";
const ADDRESS = {
  recipientName: "山田 花子",
  postalCode: "150-0001",
  prefecture: "東京都",
  city: "渋谷区",
  line1: "神宮前1-2-3",
  phone: "03-1234-5678",
};

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-language-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer" | "admin") => apiAs(stack.apiUrl, sub, role);

/** An owner who set an address, reserved one share and paid for it. */
const paidOwner = async (sub: string, planId: string) => {
  const owner = await api(sub, "owner");
  await owner("PUT", "/me/address", { address: ADDRESS, region: "kanto" });
  await paidShares(owner, planId, { shippingRegion: "kanto", key: `language-${sub}` });
  return owner;
};

describe("the site in the reader's language, API answers included", () => {
  it("shows a refused booking and the harvest statement in Japanese, then in English", async () => {
    const producer = await api("producer-kobayashi", "producer");
    const { planId } = await publishPlan(
      producer,
      planTerms(TITLE, {
        description: "言語の確認に使う二口だけのプラン。",
        totalShares: 2,
        maxSharesPerOwner: 1,
      }),
      { waitForSales: true },
    );
    await paidOwner("owner-sato", planId);
    const suzuki = await paidOwner("owner-suzuki", planId);
    const experience = await producer("POST", `/plans/${planId}/experiences`, {
      title: "いちじく畑の見学",
      startsAt: isoIn(10 * DAY_MS),
      capacity: 2,
    });

    // Sato opens the plan while two seats are left; Suzuki then takes both.
    const owner = await site.newPage();
    await signInWithPicker(owner, baseUrl, "owner-sato");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    const book = owner.getByRole("button", { name: "予約する" });
    await book.waitFor();
    await suzuki(
      "POST",
      `/experiences/${experience.id}/bookings`,
      { seats: 2 },
      { "idempotency-key": "language-suzuki-seats" },
    );
    await book.click();
    const refused = owner.getByRole("alert").filter({ hasText: "満席です。" });
    await refused.getByText("ご希望の席数が残っていません。").waitFor();
    await screenshot(owner, "language-ja-refused-booking");

    // In English, the same stale page on a second experience: one seat, taken meanwhile.
    const second = await producer("POST", `/plans/${planId}/experiences`, {
      title: "いちじくの収穫体験",
      startsAt: isoIn(12 * DAY_MS),
      capacity: 1,
    });
    await owner.getByRole("button", { name: "English" }).click();
    const harvestVisit = owner.locator("li").filter({ hasText: "いちじくの収穫体験" });
    const bookEn = harvestVisit.getByRole("button", { name: "Book" });
    await harvestVisit.getByText("1 seat").waitFor();
    await suzuki(
      "POST",
      `/experiences/${second.id}/bookings`,
      { seats: 1 },
      { "idempotency-key": "language-suzuki-second" },
    );
    await bookEn.click();
    const refusedEn = harvestVisit.getByRole("alert");
    await refusedEn.getByText("only 0 seats are left").waitFor();
    expect(await refusedEn.textContent()).not.toMatch(/[\u3040-\u30ff]/);
    // The first refusal came in Japanese: the English reader sees the site's words, not those.
    const firstVisit = owner.locator("li").filter({ hasText: "いちじく畑の見学" });
    expect(await firstVisit.getByRole("alert").textContent()).not.toMatch(/[\u3040-\u30ff]/);
    await screenshot(owner, "language-en-refused-booking");

    // The season ends short: 5 of 8 packs. The shortfall is refunded and explained.
    await producer("POST", `/plans/${planId}/close`);
    await producer(
      "POST",
      `/plans/${planId}/harvests`,
      {
        quantity: 5,
        grade: "standard",
        readyOn: dayIn(41),
        bestBefore: dayIn(48),
      },
      { "idempotency-key": "language-lot-1" },
    );
    const admin = await api("admin-language", "admin");
    await admin("POST", "/admin/batches/allocate-harvests", { planId });
    await producer("POST", `/plans/${planId}/harvest-complete`);

    await owner.getByRole("button", { name: "日本語" }).click();
    await owner.goto(`${baseUrl}/me`);
    const card = owner.locator("li.owned-plan").filter({ hasText: TITLE });
    const allocation = card.getByTestId("allocation");
    await allocation.getByText("明細").click();
    await allocation.getByText(/^収穫は計画の62%でした。/).waitFor();
    await allocation.getByText(/生産者の返金規定により/).waitFor();
    await screenshot(owner, "language-ja-statement");

    await owner.getByRole("button", { name: "English" }).click();
    await allocation.getByText(/^Harvest was 62% of plan; refund of/).waitFor();
    expect(await allocation.getByText(/収穫は計画の/).count()).toBe(0);
    await screenshot(owner, "language-en-statement");
  });
});
