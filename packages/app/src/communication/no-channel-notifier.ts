import * as TE from "fp-ts/lib/TaskEither.js";
import { appError } from "../errors.ts";
import type { Notifier } from "../ports/notifier.ts";

/**
 * The notifier where no channel is configured (the deployed API: mail goes out from the batch
 * Lambda through SES): it refuses, so a flush keeps every message pending (NOTIFY.UNAVAILABLE
 * stops it) instead of marking it delivered while sending nothing.
 */
export const noChannelNotifier: Notifier = {
  deliver: () => TE.left(appError("NOTIFY.UNAVAILABLE", "no notification channel is configured")),
};
