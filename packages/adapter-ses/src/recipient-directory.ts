import type { AppError } from "@owners/app";
import type * as O from "fp-ts/lib/Option.js";
import type * as TE from "fp-ts/lib/TaskEither.js";

/** Where a notification channel finds a recipient's address (the app's ids are token `sub`s). */
export interface RecipientDirectory {
  /**
   * The verified email address of the recipient, or none when they have no verified address (or
   * are unknown). NOTIFY.UNAVAILABLE when the directory cannot be asked right now: retry later.
   */
  emailOf(recipientId: string): TE.TaskEither<AppError, O.Option<string>>;
}
