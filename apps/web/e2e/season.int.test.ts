// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { DAY_MS, isoIn, paidShares, planTerms, publishPlan, sleep } from "./plans-under-test.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithPicker,
  startSiteUnderTest,
} from "./site-under-test.ts";

const PNG_1PX =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-season-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer" | "admin") => apiAs(stack.apiUrl, sub, role);

/** Both seasons' terms: twenty shares of the fig producer, up to three each. */
const seasonTerms = (title: string, extra: Parameters<typeof planTerms>[1] = {}) =>
  planTerms(title, {
    description: "袋をかけずに樹の上で完熟させたいちじく。",
    totalShares: 20,
    maxSharesPerOwner: 3,
    ...extra,
  });

/**
 * Parcels and delivery are another lane's: the finished season is put into `completed` through
 * the plan repository of the stack (DynamoDB Local), as the parcel flow will leave it.
 */
const completePlan = async (planId: string) => {
  const { plans } = stack.api.ports;
  const stored = await plans.get(planId as Parameters<typeof plans.get>[0])();
  if (stored._tag === "Left" || stored.right._tag === "None") throw new Error("no plan");
  const plan = stored.right.value;
  const saved = await plans.save({ ...plan, status: "completed" }, plan.version)();
  if (saved._tag === "Left") throw new Error(saved.left.message);
};

describe("a season's report and the next season in the browser", () => {
  it("the producer posts the report with a photo; an owner reads it and reserves again early", async () => {
    // Last season: owner-sato owned 2 shares of the fig producer's plan, now completed.
    const producer = await api("producer-kobayashi", "producer");
    const last = await publishPlan(producer, seasonTerms("いちじく 2026年シーズン"), {
      waitForSales: true,
    });
    await paidShares(await api("owner-sato", "owner"), last.planId, {
      shares: 2,
      shippingRegion: "kinki",
      key: "season-sato-last",
    });
    await completePlan(last.planId);

    // Next season opens to returning owners in a moment, to everyone in ten days.
    const next = await publishPlan(
      producer,
      seasonTerms("いちじく 2027年シーズン", {
        returningOwnersOpenAt: isoIn(3_000),
        salesOpenAt: isoIn(10 * DAY_MS),
        salesCloseAt: isoIn(30 * DAY_MS),
      }),
      { waitForSales: false },
    );

    const farmer = await site.newPage();
    await signInWithPicker(farmer, baseUrl, "producer-kobayashi");
    await farmer.goto(`${baseUrl}/producer/plans/${last.planId}`);
    const form = farmer.getByTestId("season-report-form");
    await form.getByLabel("収穫量（pack）").fill("76");
    await form.getByLabel("収穫回数").fill("3");
    await form.getByLabel("ひとこと").fill("雨の少ない夏で、糖度の高いいちじくになりました。");
    await form.getByLabel(/^写真/).setInputFiles({
      name: "harvest.png",
      mimeType: "image/png",
      buffer: Buffer.from(PNG_1PX, "base64"),
    });
    await form.getByRole("button", { name: "公開してオーナーに知らせる" }).click();
    await form.getByText("シーズンレポートを公開しました。オーナーにお知らせします。").waitFor();
    await form.getByRole("img", { name: "シーズンの写真 1" }).waitFor();
    await screenshot(farmer, "season-report-form");

    // The report's write carries one trigger; the flush batch tells each owner, once.
    const admin = await api("admin-season", "admin");
    await admin("POST", "/admin/batches/flush-notifications", {});
    await admin("POST", "/admin/batches/flush-notifications", {});
    const told = await stack.api.ports.outbox.listByRecipient("owner-sato", { limit: 100 })();
    if (told._tag === "Left") throw new Error("outbox");
    expect(
      told.right.items.filter(
        (m) => m.kind === "season-report-posted" && m.subject.includes("2026"),
      ),
    ).toHaveLength(1);

    const owner = await site.newPage();
    await signInWithPicker(owner, baseUrl, "owner-sato");
    await owner.goto(`${baseUrl}/plans/${last.planId}`);
    const report = owner.getByTestId("season-report");
    await report.getByText("76 pack").waitFor();
    await report.getByRole("img", { name: "シーズンの写真 1" }).waitFor();
    await screenshot(owner, "season-report-plan-page");

    await sleep(3_000);
    await owner.goto(`${baseUrl}/me`);
    const card = owner.getByTestId("next-season").filter({ hasText: "いちじく 2027年シーズン" });
    await card.getByText("オーナー優先期間中です。前回と同じ2口で申し込めます。").waitFor();
    await screenshot(owner, "season-reserve-again-card");
    await card.getByRole("link", { name: "前回と同じ2口でもう一度申し込む" }).click();
    await owner.waitForURL(new RegExp(`/plans/${next.planId}\\?shares=2`));
    expect(await owner.getByLabel("口数", { exact: true }).inputValue()).toBe("2");
    await owner.getByText("前回のシーズンと同じ2口を入力しています。").waitFor();
    await screenshot(owner, "season-reserve-again-prefilled");
    await owner.getByRole("button", { name: /で申し込む$/ }).click();
    await owner.waitForURL(/\/checkout\//);
    await owner.getByLabel("Card number").fill("4242 4242 4242 4242");
    await owner.getByRole("button", { name: /^Pay (?!at)/ }).click();
    await owner.waitForURL(/\/me/);
    await owner.getByText("お支払い待ち").waitFor({ state: "detached" });
    await card.getByText("申し込み済みです。").waitFor();
    await screenshot(owner, "season-reserved-again");
  });
});
