import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  DISPLAY_NAME_MAX_CHARS,
  defaultNotifications,
  mergeNotifications,
  validateDisplayName,
} from "./owner-settings.ts";

describe("display names", () => {
  it("accepts any trimmed name of 1..40 printable characters, as trimmed", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: DISPLAY_NAME_MAX_CHARS, unit: "grapheme" }),
        (raw) => {
          const trimmed = raw.trim();
          const result = validateDisplayName(`  ${raw} `);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: what the rule rejects
          const control = /[\u0000-\u001f\u007f]/.test(trimmed);
          if (trimmed === "" || control || [...trimmed].length > DISPLAY_NAME_MAX_CHARS)
            expect(E.isLeft(result)).toBe(true);
          else expect(result).toEqual(E.right(trimmed));
        },
      ),
    );
  });

  it("refuses blank, too long and control characters with PROFILE.INVALID", () => {
    for (const bad of ["   ", "あ".repeat(41), "はな\nこ"])
      expect(E.isLeft(validateDisplayName(bad)) && validateDisplayName(bad)).toMatchObject({
        left: { _tag: "PROFILE.INVALID", details: { field: "displayName" } },
      });
    expect(validateDisplayName("あ".repeat(40))).toEqual(E.right("あ".repeat(40)));
  });
});

describe("notification choices", () => {
  it("changes only known categories and keeps the rest (default on)", () => {
    expect(mergeNotifications({ updates: false }, { shipping: false })).toEqual(
      E.right({ ...defaultNotifications(), updates: false, shipping: false }),
    );
    expect(mergeNotifications({}, { spam: true })).toMatchObject({
      left: { _tag: "PROFILE.INVALID", details: { unknown: ["spam"] } },
    });
  });
});
