// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../local/src/stack.ts";
import { screenshot } from "./browser.ts";
import { DAY_MS, isoIn, paidShares, planTerms, publishPlan } from "./plans-under-test.ts";
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
  site = await startSiteUnderTest({ tableName: "owners-experiences-e2e", seed: true });
  ({ stack, baseUrl } = site);
}, 180_000);

afterAll(() => site?.close());

/** The API as a script would use it (see apiAs). */
const api = (sub: string, role: "owner" | "producer") => apiAs(stack.apiUrl, sub, role);

/** A fresh, published plan of the fig producer (seat limit: the default 4) and its producer's API. */
const freshPlan = async (title: string) => {
  const producer = await api("producer-kobayashi", "producer");
  const terms = planTerms(title, { description: "収穫体験に参加できるプラン。" });
  const { planId, created } = await publishPlan(producer, terms, { waitForSales: true });
  return { producer, planId, created };
};

/** The owner holds one paid share of the plan (paid through the dev checkout). */
const ownShare = async (owner: string, planId: string) =>
  paidShares(await api(owner, "owner"), planId, {
    shippingRegion: "kinki",
    key: `experiences-e2e-${owner}-${planId}`,
  });

describe("an experience with rules in the browser", () => {
  it("an owner pays for seats of a paid experience at checkout and gets the money back on cancel", async () => {
    const { producer, planId } = await freshPlan("いちじく 収穫ランチつきオーナー");
    await ownShare("owner-sato", planId);
    await producer("POST", `/plans/${planId}/experiences`, {
      title: "収穫ランチ",
      startsAt: isoIn(12 * DAY_MS),
      capacity: 8,
      location: "小林農園 母屋",
      priceYenPerSeat: 3500,
    });

    const owner = await site.newPage({ timeoutMs: 20_000 });
    owner.on("dialog", (dialog) => void dialog.accept());
    await signInWithPicker(owner, baseUrl, "owner-sato");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByText("1席 3,500円").waitFor();
    await owner.getByLabel("席数", { exact: true }).fill("2");
    await owner.getByRole("button", { name: "予約して支払う" }).click();
    // The seats are held while the owner pays on the (local) processor's page.
    await owner.waitForURL(/\/checkout\//);
    await owner.getByText(/7,000/).first().waitFor();
    await screenshot(owner, "experiences-paid-checkout");
    await owner.getByLabel("Card number").fill("4242 4242 4242 4242");
    await owner.getByRole("button", { name: /^Pay (?!at)/ }).click();
    await owner.waitForURL((url) => !url.pathname.startsWith("/checkout"));

    await owner.goto(`${baseUrl}/me`);
    const booking = owner.getByTestId("my-booking").filter({ hasText: "収穫ランチ" });
    await booking.getByText(/支払い済み 7,000円/).waitFor();
    await screenshot(owner, "experiences-paid-booked");
    await booking.getByRole("button", { name: "予約をキャンセルする" }).click();
    await booking.getByText(/7,000円を返金しました/).waitFor();
    await screenshot(owner, "experiences-paid-refunded");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByText(/残り8席/).waitFor();
  });

  it("books within the seat limit, is refused beyond it, and cancelling the ownership frees the seats", async () => {
    // A fresh plan of the fig producer (seat limit: the default 4), owned by owner-sato.
    const { producer, planId, created } = await freshPlan("いちじく 畑の体験つきオーナー");
    expect(created.experienceSeatsPerOwner).toBe(4);
    await ownShare("owner-sato", planId);
    await producer("POST", `/plans/${planId}/experiences`, {
      title: "いちじく狩り体験",
      startsAt: isoIn(10 * DAY_MS),
      capacity: 10,
      location: "小林農園 正門前（駐車場あり）",
    });

    const owner = await site.newPage();
    owner.on("dialog", (dialog) => void dialog.accept());
    await signInWithPicker(owner, baseUrl, "owner-sato");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByText("集合場所: 小林農園 正門前（駐車場あり）").waitFor();
    await owner.getByText(/お一人様4席まで/).waitFor();
    await owner.getByLabel("席数", { exact: true }).fill("3");
    await owner.getByRole("button", { name: "予約する" }).click();
    await owner.getByText("3席を予約しました。").waitFor();
    await owner.getByText(/残り7席/).waitFor();
    await screenshot(owner, "experiences-booked-within-limit");

    // One seat more would be 4 (fine); two more would be 5: refused, with the reason.
    await owner.getByLabel("席数", { exact: true }).fill("2");
    await owner.getByRole("button", { name: "予約する" }).click();
    await owner
      .getByRole("alert")
      .filter({ hasText: "お一人様4席までです。この体験ではこれ以上予約できません。" })
      .waitFor();
    await owner.getByText(/残り7席/).waitFor();
    await screenshot(owner, "experiences-limit-refused");

    // Cancelling the ownership cancels the booking and frees its seats.
    await owner.goto(`${baseUrl}/me`);
    const card = owner
      .locator("li.owned-plan")
      .filter({ hasText: "いちじく 畑の体験つきオーナー" });
    await card.getByRole("button", { name: "キャンセルする（全額返金）" }).click();
    await card.getByText("キャンセル済み").first().waitFor();
    const booking = owner.getByTestId("my-booking").filter({ hasText: "いちじく狩り体験" });
    await booking.getByText(/キャンセル済み/).waitFor();
    await screenshot(owner, "experiences-ownership-cancelled");
    await owner.goto(`${baseUrl}/plans/${planId}`);
    await owner.getByText(/残り10席/).waitFor();
    await screenshot(owner, "experiences-seats-freed");
  });
});
