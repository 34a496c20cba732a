import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { SAMPLE_JPEG, SAMPLE_PNG, SAMPLE_TEXT } from "../testing/sample-images.ts";
import { checkContent, checkStoredObject } from "./photo-rules.ts";

const config = { maxPhotoBytes: 100 };
const info = (sizeBytes: number, contentType: string | undefined) => ({
  key: "k",
  sizeBytes,
  contentType,
});

describe("checkStoredObject", () => {
  it("accepts sizes 1..max with the declared type the key promised", () => {
    expect(E.isRight(checkStoredObject("image/png", info(1, "image/png"), config))).toBe(true);
    expect(E.isRight(checkStoredObject("image/png", info(100, "image/png"), config))).toBe(true);
    // Parameters and case in a Content-Type do not change the media type.
    expect(E.isRight(checkStoredObject("image/jpeg", info(5, "Image/JPEG; q=1"), config))).toBe(
      true,
    );
  });

  it("rejects an empty or oversize object", () => {
    expect(checkStoredObject("image/png", info(0, "image/png"), config)).toMatchObject(
      E.left({ reason: "size" }),
    );
    expect(checkStoredObject("image/png", info(101, "image/png"), config)).toMatchObject(
      E.left({ reason: "size" }),
    );
  });

  it("rejects a declared type other than the key's, or none", () => {
    expect(checkStoredObject("image/png", info(5, "image/jpeg"), config)).toMatchObject(
      E.left({
        reason: "declared-type",
        details: { declared: "image/jpeg", expected: "image/png" },
      }),
    );
    expect(checkStoredObject("image/png", info(5, undefined), config)).toMatchObject(
      E.left({ reason: "declared-type" }),
    );
  });
});

describe("checkContent", () => {
  it("accepts bytes of the expected type and names what they really are otherwise", () => {
    expect(E.isRight(checkContent("image/jpeg", SAMPLE_JPEG))).toBe(true);
    expect(checkContent("image/jpeg", SAMPLE_PNG)).toMatchObject(
      E.left({ reason: "type-mismatch", details: { actual: "image/png", expected: "image/jpeg" } }),
    );
    expect(checkContent("image/png", SAMPLE_TEXT)).toMatchObject(
      E.left({ reason: "not-an-image" }),
    );
  });
});
