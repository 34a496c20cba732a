import type { IdentityDirectory } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";

/** What Cognito sends a post-confirmation trigger (the fields this handler reads). */
export interface PostConfirmationEvent {
  /** `PostConfirmation_ConfirmSignUp` or `PostConfirmation_ConfirmForgotPassword`. */
  readonly triggerSource: string;
  readonly userPoolId: string;
  /** The user's username: in a pool signing in by email, its `sub`. */
  readonly userName: string;
  readonly request: { readonly userAttributes: Readonly<Record<string, string>> };
}

/**
 * Cognito's post-confirmation trigger: every person who confirms their sign-up joins `owners`, so
 * their first token already carries the owner role (nobody edits the pool by hand). A confirmed
 * password reset changes nothing. The directory is built for the event's pool: the trigger
 * cannot be told its pool's id (the pool names the trigger, so the reverse would be a cycle). A
 * failure throws: Cognito then reports the confirmation failed and the person can retry.
 */
export const handlePostConfirmation =
  (directoryFor: (userPoolId: string) => IdentityDirectory) =>
  async <T extends PostConfirmationEvent>(event: T): Promise<T> => {
    if (event.triggerSource !== "PostConfirmation_ConfirmSignUp") return event;
    const added = await directoryFor(event.userPoolId).addToGroup(event.userName, "owners")();
    if (E.isLeft(added))
      throw new Error(
        `could not add ${event.userName} to owners: ${added.left._tag} ${added.left.message}`,
      );
    return event;
  };
