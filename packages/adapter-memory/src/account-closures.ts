import type { AccountClosure, AccountClosures } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import { copy, deferredValue } from "./deferred.ts";

/** The AccountClosures of the memory mode and the use-case tests. */
export const makeMemoryAccountClosures = (): AccountClosures => {
  const closures = new Map<string, AccountClosure>();
  return {
    get: (personId) =>
      deferredValue(() => O.map(copy<AccountClosure>)(O.fromNullable(closures.get(personId)))),
    record: (closure) =>
      deferredValue(() => {
        const first = closures.get(closure.personId) ?? copy(closure);
        closures.set(closure.personId, first);
        return copy(first);
      }),
  };
};
