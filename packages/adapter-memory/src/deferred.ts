import type { AppError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";

/**
 * A TaskEither that does its work when run, not when built, one microtask later: like a real
 * store, a task can be run twice, and concurrent calls interleave between awaits.
 */
export const deferred =
  <A>(work: () => E.Either<AppError, A>): TE.TaskEither<AppError, A> =>
  () =>
    Promise.resolve().then(work);

/** `deferred` for work that cannot fail. */
export const deferredValue = <A>(work: () => A): TE.TaskEither<AppError, A> =>
  deferred(() => E.right(work()));

/** Stored values are copied in and out, so callers never share objects with the store. */
export const copy = <A>(value: A): A => structuredClone(value);
