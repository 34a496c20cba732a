import { describe, expect, it } from "vitest";
import type { I18n } from "../../i18n/i18n";
import { dictionaries, translate } from "../../i18n/translate";
import { allocation } from "../../testing/fixtures";
import { settlementSentence } from "./settlement-sentence";

const en: Pick<I18n, "t" | "lang"> = {
  lang: "en",
  t: (key, params) => translate(dictionaries, "en", key, params),
};
const base = allocation();
const plan = { unitLabel: "kg", riskTerms: "refund" as const };

describe("settlementSentence", () => {
  it("says what arrives and what is compensated, by the plan's risk terms", () => {
    expect(settlementSentence(en, base, plan)).toBe("You receive the full 8 kg.");
    const short = { ...base, allocatedUnits: 5, standardUnits: 5, missingUnits: 3 };
    expect(settlementSentence(en, { ...short, refundYen: 3000 }, plan)).toBe(
      "The harvest was short: you receive 5 of 8 kg. For the missing 3 kg you are refunded ¥3,000.",
    );
    expect(
      settlementSentence(en, { ...short, creditYen: 3000 }, { ...plan, riskTerms: "credit" }),
    ).toContain("¥3,000 of store credit");
    expect(settlementSentence(en, short, { ...plan, riskTerms: "shared" })).toContain(
      "nothing is refunded",
    );
  });
});
