// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { dayIn, paidShares, planTerms, publishPlan } from "./plans-under-test.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithForm,
  signInWithPicker,
  startSiteUnderTest,
} from "./site-under-test.ts";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-parcels-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer" | "admin") => apiAs(stack.apiUrl, sub, role);

/** A Yamato slip number: 11 digits and their check digit (modulo 7). */
const yamato = (body: string) => `${body}${BigInt(body) % 7n}`;

describe("a season to the doorstep in the browser", () => {
  it("goes from publish to completed with a tracking number and the owner's confirmation", async () => {
    const producer = await api("producer-kobayashi", "producer");
    const admin = await api("admin-parcels-e2e", "admin");
    const { planId } = await publishPlan(
      producer,
      planTerms("すもも 発送テスト", {
        description: "追跡番号つきでお届けします。",
        totalShares: 4,
        priceYen: 5000,
      }),
      { waitForSales: true },
    );

    // One owner with an address reserves and pays; the producer closes sales early.
    const sub = "owner-parcels-e2e";
    const owner = await api(sub, "owner");
    await owner("PUT", "/me/address", {
      address: {
        recipientName: "山田 花子",
        postalCode: "150-0001",
        prefecture: "東京都",
        city: "渋谷区",
        line1: "神宮前1-2-3",
        phone: "03-1234-5678",
      },
      region: "kanto",
    });
    await paidShares(owner, planId, { shippingRegion: "kanto", key: "parcels-e2e-1" });
    await producer("POST", `/plans/${planId}/close`);

    // The harvest, declared complete, allocated (and settled) and scheduled by the batches.
    await producer("POST", `/plans/${planId}/harvests`, {
      quantity: 4,
      grade: "standard",
      readyOn: dayIn(41),
      bestBefore: dayIn(55),
    });
    await producer("POST", `/plans/${planId}/harvest-complete`);
    await admin("POST", "/admin/batches/allocate-harvests", { planId });
    await admin("POST", "/admin/batches/schedule-shipments", { planId });

    // The producer marks the parcel shipped with a Yamato slip number.
    const farm = await site.newPage();
    await signInWithPicker(farm, baseUrl, "producer-kobayashi");
    await farm.goto(`${baseUrl}/producer/plans/${planId}`);
    const row = farm.getByTestId("parcels").getByRole("row").filter({ hasText: sub });
    await row.getByRole("textbox", { name: "伝票番号" }).fill(yamato("12345678901"));
    await row.getByRole("button", { name: "発送済みにする" }).click();
    await row.getByRole("link", { name: "配送状況を確認" }).waitFor();
    await farm.getByTestId("plan-status").getByText("発送済み").waitFor();
    await screenshot(farm, "parcels-producer-shipped");

    // The owner sees the tracking link and says it arrived.
    const home = await site.newPage();
    await signInWithForm(home, baseUrl, sub, "owner");
    await home.goto(`${baseUrl}/me`);
    const mine = home.getByTestId("my-parcels");
    const link = mine.getByRole("link", { name: "配送状況を確認" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toContain("kuronekoyamato.co.jp");
    await screenshot(home, "parcels-owner-tracking");
    await mine.getByRole("button", { name: "届きました" }).click();
    await mine.getByText(/に受け取り/).waitFor();
    await screenshot(home, "parcels-owner-delivered");

    // Every parcel delivered and the money settled: the season is complete.
    await farm.reload();
    await farm.getByTestId("plan-status").getByText("完了").waitFor();
    await screenshot(farm, "parcels-plan-completed");
    const plan = await owner("GET", `/plans/${planId}`);
    expect(plan.status).toBe("completed");
  });
});
