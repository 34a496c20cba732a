import { createHmac, timingSafeEqual } from "node:crypto";
import * as O from "fp-ts/lib/Option.js";
import type { NotificationCategory } from "./templates/template.ts";

/** The categories a recipient may turn off ("account" mail always goes). */
export const OPTIONAL_CATEGORIES = ["season", "news", "experiences"] as const;
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];

export const isOptionalCategory = (c: string): c is OptionalCategory =>
  (OPTIONAL_CATEGORIES as readonly string[]).includes(c);

export interface UnsubscribeRequest {
  readonly recipientId: string;
  readonly category: OptionalCategory;
}

/**
 * Signed one-click unsubscribe tokens: `<recipient, base64url>.<category>.<HMAC-SHA256>`. The
 * HMAC over (recipient, category) with a secret from config proves the link came from us, so an
 * unsubscribe needs no sign-in and no lookup; it never expires (old mails keep working).
 */
export interface UnsubscribeTokens {
  sign(recipientId: string, category: OptionalCategory): string;
  /** The request the token stands for, or none when it is malformed or not ours. */
  verify(token: string): O.Option<UnsubscribeRequest>;
}

export const makeUnsubscribeTokens = (secret: string): UnsubscribeTokens => {
  if (secret.length < 16) throw new Error("the unsubscribe secret must be at least 16 characters");
  const mac = (recipientId: string, category: string) =>
    createHmac("sha256", secret).update(`${recipientId}\n${category}`).digest();
  return {
    sign: (recipientId, category) =>
      [
        Buffer.from(recipientId).toString("base64url"),
        category,
        mac(recipientId, category).toString("base64url"),
      ].join("."),
    verify: (token) => {
      const [encoded, category, signature, ...rest] = token.split(".");
      if (encoded === undefined || category === undefined || signature === undefined) return O.none;
      if (rest.length > 0 || !isOptionalCategory(category)) return O.none;
      const recipientId = Buffer.from(encoded, "base64url").toString();
      if (recipientId === "" || Buffer.from(recipientId).toString("base64url") !== encoded)
        return O.none;
      const expected = mac(recipientId, category);
      const given = Buffer.from(signature, "base64url");
      return given.length === expected.length && timingSafeEqual(given, expected)
        ? O.some({ recipientId, category })
        : O.none;
    },
  };
};

/** Whether the recipient's stored choices turn this category off ("account" never is). */
export const isTurnedOff = (
  choices: Readonly<Record<string, boolean>>,
  category: NotificationCategory,
): boolean => category !== "account" && choices[category] === false;
