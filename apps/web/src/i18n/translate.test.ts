import { describe, expect, it } from "vitest";
import { en } from "./messages-en";
import { ja } from "./messages-ja";
import { type Dictionaries, isMessageKey, translate } from "./translate";

describe("translate", () => {
  const dicts: Dictionaries = {
    ja: { "plans.remaining": "残り{count}口", "nav.plans": "プランを探す" },
    en: { "plans.remaining": "{count} shares left" },
  };

  it("fills parameters in the chosen language", () => {
    expect(translate(dicts, "en", "plans.remaining", { count: 3 })).toBe("3 shares left");
    expect(translate(dicts, "ja", "plans.remaining", { count: 3 })).toBe("残り3口");
  });

  it("falls back to Japanese when English lacks the key, then to the key itself", () => {
    expect(translate(dicts, "en", "nav.plans")).toBe("プランを探す");
    expect(translate(dicts, "en", "nav.signIn")).toBe("nav.signIn");
  });

  it("leaves a placeholder without a value visible rather than printing undefined", () => {
    expect(translate(dicts, "en", "plans.remaining")).toBe("{count} shares left");
  });

  it("has English for every Japanese key, with the same placeholders", () => {
    const placeholders = (text: string) =>
      [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
  });

  it("knows which API error codes it can translate", () => {
    expect(isMessageKey("error.PLAN.SOLD_OUT")).toBe(true);
    expect(isMessageKey("error.PLAN.UNHEARD_OF")).toBe(false);
  });
});
