import type { DirectoryGroup, IdentityDirectory } from "@owners/app";
import { markDevOnly } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/** The in-process directory: what it adds to the port is reading a person's groups back. */
export interface LocalIdentityDirectory extends IdentityDirectory {
  /** The person's groups, or undefined for a person the directory does not know. */
  groupsOf(userId: string): readonly DirectoryGroup[] | undefined;
  /** Whether the person's user was deleted (their account closed). */
  isDeleted(userId: string): boolean;
}

/**
 * The local twin of the identity provider (`pnpm start`, tests): groups per person in memory.
 * Dev-only: a Lambda refuses to start with it bound. Dev login reads a known person's role from
 * it, so an approved applicant signs in as a producer as it would in AWS.
 */
export const makeLocalIdentityDirectory = (): LocalIdentityDirectory => {
  const members = new Map<string, Set<DirectoryGroup>>();
  const deleted = new Set<string>();
  const groupsOfUser = (userId: string) => {
    const groups = members.get(userId) ?? new Set<DirectoryGroup>();
    members.set(userId, groups);
    return groups;
  };
  return markDevOnly(
    {
      addToGroup: (userId, group) => TE.fromIO(() => void groupsOfUser(userId).add(group)),
      removeFromGroup: (userId, group) => TE.fromIO(() => void members.get(userId)?.delete(group)),
      deleteUser: (userId) =>
        TE.fromIO(() => {
          members.delete(userId);
          deleted.add(userId);
        }),
      groupsOf: (userId) => {
        const groups = members.get(userId);
        return groups === undefined ? undefined : [...groups].sort();
      },
      isDeleted: (userId) => deleted.has(userId),
    },
    "the local identity directory",
  );
};

/** Whether a bound directory is the local twin (dev login asks it for roles). */
export const isLocalIdentityDirectory = (
  directory: IdentityDirectory,
): directory is LocalIdentityDirectory =>
  typeof (directory as Partial<LocalIdentityDirectory>).groupsOf === "function";
