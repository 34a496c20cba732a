import { createHash } from "node:crypto";
import type { MessageTag } from "@aws-sdk/client-sesv2";
import type { NotificationMessage } from "@owners/app";

/** SES tag names and values: ASCII letters, digits, `_` and `-` only, at most 256 characters. */
const TAG_VALUE_MAX = 256;

/** Any other character becomes `_` (a readable value; the kinds are kebab-case already). */
export const tagValue = (raw: string): string =>
  (raw.replace(/[^A-Za-z0-9_-]/g, "_") || "_").slice(0, TAG_VALUE_MAX);

/**
 * The dedupe key as a tag: its SHA-256 in hex, exact for any key (keys hold `#` and ids of any
 * length). To find an outbox message's events, hash its dedupeKey the same way.
 */
export const dedupeKeyTag = (dedupeKey: string): string =>
  createHash("sha256").update(dedupeKey, "utf8").digest("hex");

/** The tags an email carries, so the configuration set's events can be traced to the outbox. */
export const emailTags = (
  message: Pick<NotificationMessage, "kind" | "dedupeKey">,
): MessageTag[] => [
  { Name: "kind", Value: tagValue(message.kind) },
  { Name: "dedupe_key_sha256", Value: dedupeKeyTag(message.dedupeKey) },
];
