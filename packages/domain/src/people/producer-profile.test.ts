import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { producerId } from "../shared/ids.ts";
import { instant } from "../shared/time.ts";
import { editProducerProfile, type ProducerProfile } from "./producer-profile.ts";

const profile: ProducerProfile = {
  producerId: producerId("farm"),
  displayName: "山田農園",
  prefecture: "和歌山県",
  area: "有田",
  story: "みかん農家です。",
  photos: [],
  products: ["みかん"],
  categories: ["fruit"],
  links: [],
  disclosure: {
    legalName: "山田農園株式会社",
    address: "和歌山県有田市1-2-3",
    phone: "0737-00-0000",
    email: "info@yamada.example",
    responsiblePerson: "山田 太郎",
    pricesAndFees: "各プランに記載",
    deliveryTime: "収穫後7日以内",
    returnsAndCancellation: "販売締切までキャンセル可",
  },
  approvedAt: instant("2026-05-01T00:00:00.000Z"),
  updatedAt: instant("2026-05-01T00:00:00.000Z"),
  version: 1,
};
const NOW = instant("2026-06-01T00:00:00.000Z");
const tagOf = (result: E.Either<{ _tag: string; details?: unknown }, unknown>) =>
  E.isLeft(result) ? [result.left._tag, result.left.details] : "ok";

describe("editing a producer profile", () => {
  it("replaces the fields given, trims and de-duplicates lists, stamps the edit", () => {
    const edited = editProducerProfile(
      profile,
      { displayName: " 山田みかん園 ", categories: ["fruit", " fruit", "processed"] },
      NOW,
    );
    expect(edited).toEqual(
      E.right({
        ...profile,
        displayName: "山田みかん園",
        categories: ["fruit", "processed"],
        updatedAt: NOW,
      }),
    );
  });

  it("clears the area with an empty string and keeps it when not sent", () => {
    const cleared = editProducerProfile(profile, { area: "  " }, NOW);
    expect(E.isRight(cleared) && "area" in cleared.right).toBe(false);
    expect(E.isRight(editProducerProfile(profile, {}, NOW))).toBe(true);
  });

  it("refuses what the public page cannot show, naming the field", () => {
    expect(tagOf(editProducerProfile(profile, { displayName: " " }, NOW))).toEqual([
      "PROFILE.INVALID",
      { field: "displayName" },
    ]);
    expect(
      tagOf(editProducerProfile(profile, { links: [{ label: "x", url: "javascript:1" }] }, NOW)),
    ).toEqual(["PROFILE.INVALID", { field: "links" }]);
    expect(
      tagOf(
        editProducerProfile(profile, { disclosure: { ...profile.disclosure, phone: "" } }, NOW),
      ),
    ).toEqual(["PROFILE.INVALID", { field: "disclosure.phone" }]);
    expect(
      tagOf(
        editProducerProfile(
          profile,
          { categories: Array.from({ length: 9 }, (_, i) => `c${i}`) },
          NOW,
        ),
      ),
    ).toEqual(["PROFILE.INVALID", { field: "categories" }]);
  });
});
