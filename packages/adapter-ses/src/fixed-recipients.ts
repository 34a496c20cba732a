import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { RecipientDirectory } from "./recipient-directory.ts";

/**
 * A directory that answers some recipient ids with a configured address and asks `directory`
 * for the rest. The platform's own recipients are not people in the user pool: messages to
 * `admins` (a payment dispute, say) go to the operators' address of the stage.
 */
export const withFixedRecipients = (
  directory: RecipientDirectory,
  addresses: Readonly<Record<string, string>>,
): RecipientDirectory => ({
  emailOf: (recipientId) =>
    Object.hasOwn(addresses, recipientId)
      ? TE.right(O.fromNullable(addresses[recipientId]))
      : directory.emailOf(recipientId),
});
