import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** The identity provider's groups, each a role of the API. */
export type DirectoryGroup = "owners" | "producers" | "admins";

/** The identity provider's users (Cognito in AWS). Every method is idempotent. */
export interface IdentityDirectory {
  /** Puts the user in the group (already in it: nothing changes). */
  addToGroup(userId: string, group: DirectoryGroup): TE.TaskEither<AppError, void>;
  /** Takes the user out of the group (not in it: nothing changes). */
  removeFromGroup(userId: string, group: DirectoryGroup): TE.TaskEither<AppError, void>;
  /** Deletes the user: it can no longer sign in (already gone: nothing changes). */
  deleteUser(userId: string): TE.TaskEither<AppError, void>;
}
