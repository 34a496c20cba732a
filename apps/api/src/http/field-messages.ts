import type { StandardSchemaV1 } from "@standard-schema/spec";

/** What a zod issue carries besides its message (the standard issue type names only the message). */
interface ZodIssueFacts {
  readonly code?: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "文字列",
  number: "数値",
  int: "整数",
  boolean: "真偽値(true / false)",
  array: "配列",
  object: "オブジェクト",
};

const bound = (issue: ZodIssueFacts, limit: number | bigint | undefined, side: "min" | "max") => {
  const inclusive = issue.inclusive !== false;
  const word = side === "min" ? (inclusive ? "以上" : "より大きく") : inclusive ? "以下" : "未満";
  switch (issue.origin) {
    case "string":
      return `${limit}文字${word}で入力してください`;
    case "array":
    case "set":
      return `${limit}件${word}で指定してください`;
    default:
      return `${limit}${word}の値を入力してください`;
  }
};

/**
 * A failing field's message in Japanese, from the zod issue's code and limits. zod's own English
 * message (configured in validation.ts) is what English readers get; its Japanese locale cannot be
 * used after the fact, because the issue no longer carries the input it describes.
 */
export const japaneseFieldMessage = (issue: StandardSchemaV1.Issue): string => {
  const facts = issue as StandardSchemaV1.Issue & ZodIssueFacts;
  switch (facts.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return "入力してください(必須項目です)";
      return `${TYPE_NAMES[facts.expected ?? ""] ?? facts.expected}で入力してください`;
    case "too_small":
      return bound(facts, facts.minimum, "min");
    case "too_big":
      return bound(facts, facts.maximum, "max");
    case "invalid_format":
      return "形式が正しくありません";
    case "invalid_value":
      return `次のいずれかを指定してください: ${(facts.values ?? []).map(String).join(", ")}`;
    case "unrecognized_keys":
      return `使えない項目です: ${(facts.keys ?? []).join(", ")}`;
    case "not_multiple_of":
      return "値が正しくありません";
    default:
      return "入力内容が正しくありません";
  }
};
