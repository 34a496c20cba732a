// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithForm,
  signInWithPicker,
  startSiteUnderTest,
} from "./site-under-test.ts";

const DAY_MS = 86_400_000;

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

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();
const dayIn = (days: number) => isoIn(days * DAY_MS).slice(0, 10);

/** A Yamato slip number: 11 digits and their check digit (modulo 7). */
const yamato = (body: string) => `${body}${BigInt(body) % 7n}`;

describe("a season to the doorstep in the browser", () => {
  it("goes from publish to completed with a tracking number and the owner's confirmation", async () => {
    const producer = await api("producer-kobayashi", "producer");
    const admin = await api("admin-parcels-e2e", "admin");
    const created = await producer("POST", "/plans", {
      title: "すもも 発送テスト",
      description: "追跡番号つきでお届けします。",
      category: "fruit",
      region: "kinki",
      unitLabel: "pack",
      unitsPerShare: 4,
      totalShares: 4,
      maxSharesPerOwner: 2,
      priceYen: 5000,
      salesOpenAt: isoIn(2_000),
      salesCloseAt: isoIn(30 * DAY_MS),
      deliveryFrom: dayIn(40),
      deliveryTo: dayIn(70),
      riskTerms: "refund",
      shipCapacityPerDay: 40,
    });
    const planId = created.id as string;
    await producer("POST", `/plans/${planId}/publish`);
    await new Promise((resolve) => setTimeout(resolve, 2_500));

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
    const held = await owner(
      "POST",
      `/plans/${planId}/reservations`,
      { shares: 1, shippingRegion: "kanto" },
      { "idempotency-key": "parcels-e2e-1" },
    );
    await owner("POST", `/dev/payments/${held.payment.id}/complete`, { outcome: "succeeded" });
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
