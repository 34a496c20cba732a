import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupeKeyTag, emailTags, tagValue } from "./email-tags.ts";

const SES_TAG = /^[A-Za-z0-9_-]{1,256}$/;

describe("email tags", () => {
  it("are valid SES tag values for any kind and dedupe key", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.string(), (key, kind) => {
        for (const tag of emailTags({ kind: kind as never, dedupeKey: key })) {
          expect(tag.Name).toMatch(SES_TAG);
          expect(tag.Value).toMatch(SES_TAG);
        }
      }),
    );
  });

  it("keep a kebab-case kind as it is", () => {
    expect(tagValue("sales-closed-producer")).toBe("sales-closed-producer");
    expect(tagValue("a#b.c@d")).toBe("a_b_c_d");
  });

  it("carry the dedupe key's SHA-256, so distinct keys never share a tag", () => {
    const key = "update-posted#upd_1#owner_佐藤";
    expect(dedupeKeyTag(key)).toBe(createHash("sha256").update(key).digest("hex"));
    expect(dedupeKeyTag("a#b")).not.toBe(dedupeKeyTag("a_b"));
  });
});
