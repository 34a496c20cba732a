// @vitest-environment node
import { afterAll, beforeAll, describe, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import {
  DAY_MS,
  isoIn,
  paidShares,
  planTerms,
  publishPlan,
  seededFigPlanId,
} from "./plans-under-test.ts";
import {
  apiAs,
  type SiteUnderTest,
  signInWithPicker,
  startSiteUnderTest,
} from "./site-under-test.ts";

let site: SiteUnderTest;
let stack: LocalStack;
let baseUrl: string;

beforeAll(async () => {
  site = await startSiteUnderTest({ tableName: "owners-owner-paths-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer") => apiAs(stack.apiUrl, sub, role);

describe("an owner's waitlist place and bookings in the browser", () => {
  it("joins a sold-out plan's line, sees its place and leaves; books, sees and cancels", async () => {
    // A one-share plan of the fig producer, sold out to another owner.
    const producer = await api("producer-kobayashi", "producer");
    const { planId } = await publishPlan(
      producer,
      planTerms("いちじく 限定1口オーナー", {
        description: "一本だけの特別な樹。",
        totalShares: 1,
        maxSharesPerOwner: 1,
      }),
      { waitForSales: true },
    );
    await paidShares(await api("owner-suzuki", "owner"), planId, {
      shippingRegion: "kinki",
      key: "owner-paths-suzuki-1",
    });

    const owner = await site.newPage();
    owner.on("dialog", (dialog) => void dialog.accept());
    await signInWithPicker(owner, baseUrl, "owner-sato");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByRole("button", { name: /で申し込む$/ }).click();
    await owner.getByRole("button", { name: "キャンセル待ちに並ぶ（1口）" }).click();
    await owner.getByText("順番待ち 1 番目（1口）").waitFor();
    await screenshot(owner, "owner-paths-waitlist-place");
    await owner.getByRole("button", { name: "キャンセル待ちをやめる" }).click();
    await owner.getByText("キャンセル待ちをやめました。").waitFor();
    await screenshot(owner, "owner-paths-waitlist-left");

    // An experience on the seeded fig plan, which owner-sato owns shares of.
    const figPlanId = await seededFigPlanId(producer);
    await producer("POST", `/plans/${figPlanId}/experiences`, {
      title: "いちじく狩りと畑の見学",
      startsAt: isoIn(10 * DAY_MS),
      capacity: 10,
    });
    await owner.goto(`${baseUrl}/plans/${figPlanId}`);
    await owner.getByLabel("席数", { exact: true }).fill("2");
    await owner.getByRole("button", { name: "予約する" }).click();
    await owner.getByText("2席を予約しました。").waitFor();

    await owner.goto(`${baseUrl}/me`);
    const booking = owner.getByTestId("my-booking").filter({ hasText: "いちじく狩りと畑の見学" });
    await booking.getByText(/2席/).waitFor();
    await screenshot(owner, "owner-paths-my-bookings");
    await booking.getByRole("button", { name: "予約をキャンセルする" }).click();
    await booking.getByText(/キャンセル済み/).waitFor();
    await screenshot(owner, "owner-paths-booking-cancelled");
  });
});
