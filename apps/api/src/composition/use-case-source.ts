import type { UseCaseFactory } from "./use-case-groups/factory.ts";
import type { UseCases } from "./use-cases.ts";

type Group = keyof UseCases;

/** Where the container finds each use-case group's factory. */
export interface UseCaseSource {
  /** The group's factory: at hand, or once `load` has resolved for the group. */
  readonly factory: <K extends Group>(group: K) => UseCaseFactory<K>;
  /** Makes the groups' factories ready (a route group awaits those it uses before it is built). */
  readonly load: (groups: readonly Group[]) => Promise<void>;
}

/** Every factory imported up front (Node: `pnpm start`, tests): nothing to wait for. */
export const factoriesAtHand = (
  factories: {
    readonly [K in Group]: UseCaseFactory<K>;
  },
): UseCaseSource => ({
  factory: (group) => factories[group],
  load: async () => undefined,
});

/**
 * Each factory imported when a group is first loaded (the Lambda: its cold start reads only what
 * its first request uses). Each import runs once; a failed one is forgotten, so the next request
 * tries again. A group used before it was loaded is a wiring bug and throws, naming it.
 */
export const factoriesOnDemand = (
  loaders: {
    readonly [K in Group]: () => Promise<UseCaseFactory<K>>;
  },
): UseCaseSource => {
  const loaded = new Map<Group, unknown>();
  const loading = new Map<Group, Promise<void>>();
  const loadOne = (group: Group): Promise<void> => {
    let pending = loading.get(group);
    if (pending === undefined) {
      pending = loaders[group]().then(
        (factory) => {
          loaded.set(group, factory);
        },
        (error: unknown) => {
          loading.delete(group);
          throw error;
        },
      );
      loading.set(group, pending);
    }
    return pending;
  };
  return {
    factory: <K extends Group>(group: K) => {
      const factory = loaded.get(group);
      if (factory === undefined)
        throw new Error(`the use-case group ${group} was used before it was loaded`);
      return factory as UseCaseFactory<K>;
    },
    load: async (groups) => {
      await Promise.all(groups.filter((group) => !loaded.has(group)).map(loadOne));
    },
  };
};
