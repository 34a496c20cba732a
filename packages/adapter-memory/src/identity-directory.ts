import { type DirectoryGroup, type IdentityDirectory, markDevOnly } from "@owners/app";
import * as TE from "fp-ts/lib/TaskEither.js";

/** The memory twin of the identity provider: who is in which group, who was deleted. */
export interface MemoryIdentityDirectory extends IdentityDirectory {
  groupsOf(userId: string): readonly DirectoryGroup[];
  isDeleted(userId: string): boolean;
}

/**
 * The identity directory of the memory mode, `pnpm start` and the tests (dev login has no user
 * pool). Dev-only: a deployed composition refuses it, so a deletion never skips Cognito.
 */
export const makeMemoryIdentityDirectory = (): MemoryIdentityDirectory => {
  const groups = new Map<string, Set<DirectoryGroup>>();
  const deleted = new Set<string>();
  const of = (userId: string) => {
    const found = groups.get(userId) ?? new Set<DirectoryGroup>();
    groups.set(userId, found);
    return found;
  };
  return markDevOnly(
    {
      addToGroup: (userId, group) =>
        TE.fromIO(() => {
          of(userId).add(group);
        }),
      removeFromGroup: (userId, group) =>
        TE.fromIO(() => {
          of(userId).delete(group);
        }),
      deleteUser: (userId) =>
        TE.fromIO(() => {
          groups.delete(userId);
          deleted.add(userId);
        }),
      groupsOf: (userId) => [...(groups.get(userId) ?? [])].sort(),
      isDeleted: (userId) => deleted.has(userId),
    },
    "in-memory identity directory",
  );
};
