import * as E from "fp-ts/lib/Either.js";
import { type DomainError, fail } from "../shared/errors.ts";

/** The languages the site speaks; Japanese is the default. */
export const LANGUAGES = ["ja", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ja";

/** Notification categories an owner can turn off (absent means opted in). */
export const NOTIFICATION_CATEGORIES = [
  "reservations",
  "updates",
  "harvest",
  "shipping",
  "followedProducers",
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Everything opted in: what an owner who never chose has. */
export const defaultNotifications = (): Record<string, boolean> =>
  Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, true]));

export const DISPLAY_NAME_MAX_CHARS = 40;

/**
 * A display name is what other people see instead of an id: trimmed, 1..40 characters, no
 * control characters (it is printed in lists and notification bodies).
 */
export const validateDisplayName = (name: string): E.Either<DomainError, string> => {
  const trimmed = name.trim();
  if (trimmed.length === 0)
    return fail("PROFILE.INVALID", "the display name must not be blank", { field: "displayName" });
  if ([...trimmed].length > DISPLAY_NAME_MAX_CHARS)
    return fail("PROFILE.INVALID", `the display name is longer than ${DISPLAY_NAME_MAX_CHARS}`, {
      field: "displayName",
    });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    return fail("PROFILE.INVALID", "the display name has control characters", {
      field: "displayName",
    });
  return E.right(trimmed);
};

/** Only known categories may be set; the rest keep their stored (or default) value. */
export const mergeNotifications = (
  stored: Readonly<Record<string, boolean>>,
  changes: Readonly<Record<string, boolean>>,
): E.Either<DomainError, Record<string, boolean>> => {
  const unknown = Object.keys(changes).filter(
    (key) => !(NOTIFICATION_CATEGORIES as readonly string[]).includes(key),
  );
  if (unknown.length > 0)
    return fail("PROFILE.INVALID", "unknown notification categories", { unknown });
  return E.right({ ...defaultNotifications(), ...stored, ...changes });
};
