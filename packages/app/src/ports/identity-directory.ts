import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** The identity provider's groups; the API reads a person's role from them. */
export type DirectoryGroup = "owners" | "producers" | "admins";

/**
 * The identity provider's user directory (Cognito in AWS). `userId` is the person's id (Cognito's
 * `sub`). Every call is idempotent: adding a member twice, removing a non-member or deleting a user
 * already gone succeeds.
 */
export interface IdentityDirectory {
  /** Puts the person in the group (a role it gains at its next sign-in). */
  addToGroup(userId: string, group: DirectoryGroup): TE.TaskEither<AppError, void>;
  /** Takes the person out of the group. */
  removeFromGroup(userId: string, group: DirectoryGroup): TE.TaskEither<AppError, void>;
  /** Deletes the person's sign-in account (account closure). */
  deleteUser(userId: string): TE.TaskEither<AppError, void>;
}
