import { describe, expect, it } from "vitest";
import { negotiateLanguage } from "./language.ts";

describe("negotiateLanguage", () => {
  it.each([
    [undefined, "ja"],
    ["", "ja"],
    ["en", "en"],
    ["ja", "ja"],
    ["en-US,en;q=0.9", "en"],
    ["EN-gb", "en"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["ja;q=0.5,en;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.7", "en"],
    ["fr,de", "ja"],
    ["en;q=0", "ja"],
    ["en;q=0,ja;q=0.1", "ja"],
    ["*", "ja"],
    ["fr;q=1,*;q=0.5", "ja"],
    ["en;q=banana", "en"],
    [";;,,", "ja"],
  ] as const)("%j reads as %s", (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it("takes the first listed of equal weights", () => {
    expect(negotiateLanguage("en,ja")).toBe("en");
    expect(negotiateLanguage("ja,en")).toBe("ja");
  });
});
