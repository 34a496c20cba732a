import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { japaneseFieldMessage } from "./field-messages.ts";
import "./validation.ts";

/** The Japanese reasons for one value against one schema. */
const reasons = (schema: z.ZodMiniType, value: unknown): string[] => {
  const result = schema["~standard"].validate(value);
  if (result instanceof Promise || result.issues === undefined) return [];
  return result.issues.map(japaneseFieldMessage);
};

describe("japaneseFieldMessage", () => {
  const body = z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(5)),
    shares: z.int().check(z.minimum(1), z.maximum(10)),
    grade: z.enum(["standard", "offspec"]),
    code: z.string().check(z.regex(/^\d+$/)),
    tags: z.array(z.string()).check(z.maxLength(2)),
    paid: z.boolean(),
  });

  it("says what each failing field needs, in Japanese", () => {
    expect(
      reasons(body, {
        name: "",
        shares: 11,
        grade: "gold",
        code: "x",
        tags: ["a", "b", "c"],
        paid: "yes",
        extra: 1,
      }),
    ).toEqual([
      "1文字以上で入力してください",
      "10以下の値を入力してください",
      "次のいずれかを指定してください: standard, offspec",
      "形式が正しくありません",
      "2件以下で指定してください",
      "真偽値(true / false)で入力してください",
      "使えない項目です: extra",
    ]);
  });

  it("tells a missing field from one of the wrong type", () => {
    expect(reasons(body, { name: 5 })).toEqual(
      expect.arrayContaining(["文字列で入力してください", "入力してください(必須項目です)"]),
    );
  });
});
