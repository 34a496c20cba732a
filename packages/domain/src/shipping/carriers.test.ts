import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { normalizeTrackingNumber, trackingUrl } from "./carriers.ts";

/** A 12-digit slip number with a correct "7DR" check digit, from 11 digits. */
const withCheckDigit = (eleven: string) => `${eleven}${Number(BigInt(eleven) % 7n)}`;
const elevenDigits = fc.stringMatching(/^\d{11}$/);

describe("tracking numbers", () => {
  it("takes Yamato and Sagawa slip numbers as printed, hyphens and full-width digits too", () => {
    // Numbers from the carriers' own slip samples.
    expect(normalizeTrackingNumber("yamato", "4444-1375-8703")).toEqual(E.right("444413758703"));
    expect(normalizeTrackingNumber("sagawa", "５１２５ ４７５１ ４３３４")).toEqual(
      E.right("512547514334"),
    );
    expect(normalizeTrackingNumber("japanpost", "4055-4842-4886")).toEqual(E.right("405548424886"));
    expect(normalizeTrackingNumber("japanpost", "ej123456789jp")).toEqual(E.right("EJ123456789JP"));
  });

  it("accepts every slip number whose check digit matches and refuses any one-digit typo of it", () => {
    fc.assert(
      fc.property(
        elevenDigits,
        fc.constantFrom("yamato" as const, "sagawa" as const),
        fc.integer({ min: 1, max: 6 }),
        (eleven, carrier, shift) => {
          const good = withCheckDigit(eleven);
          expect(normalizeTrackingNumber(carrier, good)).toEqual(E.right(good));
          // A wrong last digit (a shift of 1..6 never wraps onto the right one modulo 7).
          const check = Number(good.slice(-1));
          const typo = `${eleven}${(check + shift) % 7}`;
          const refused = normalizeTrackingNumber(carrier, typo);
          expect(E.isLeft(refused) && refused.left._tag).toBe("PARCEL.INVALID_TRACKING");
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("says what is wrong with a number it refuses", () => {
    const wrong = (carrier: "yamato" | "japanpost" | "other", raw: string) => {
      const result = normalizeTrackingNumber(carrier, raw);
      return E.isLeft(result) ? result.left.message : "accepted";
    };
    expect(wrong("yamato", "12345")).toMatch(/12 digits/);
    expect(wrong("yamato", "444413758704")).toMatch(/check digit/);
    expect(wrong("japanpost", "12")).toMatch(/11 to 13 digits/);
    expect(wrong("other", "  ")).toMatch(/required/);
    expect(wrong("other", "<script>")).toMatch(/letters and digits/);
  });

  it("links to the carrier's tracking page, none for other carriers", () => {
    expect(trackingUrl("yamato", "444413758703")).toBe(
      "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=444413758703",
    );
    expect(trackingUrl("sagawa", "512547514334")).toContain("okurijoNo=512547514334");
    expect(trackingUrl("japanpost", "EJ123456789JP")).toContain("reqCodeNo1=EJ123456789JP");
    expect(trackingUrl("other", "X1")).toBeUndefined();
  });
});
