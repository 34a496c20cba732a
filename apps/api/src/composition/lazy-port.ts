import { type AppError, type AppOnlyErrorCode, appError } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";

type AnyTask = (...args: unknown[]) => TE.TaskEither<AppError, unknown>;

/** Every method of the port, each named once: a port method missing here does not compile. */
export type PortMethods<P> = { readonly [K in keyof P]-?: true };

/**
 * `load` run on the first call and its result kept; a failed load answers `failed()` for that
 * call and is forgotten, so the next call tries again.
 */
export const loadedOnce = <T>(
  load: () => Promise<T>,
  failed: () => AppError,
): (() => Promise<E.Either<AppError, T>>) => {
  let loading: Promise<T> | undefined;
  return async () => {
    loading ??= load();
    try {
      return E.right(await loading);
    } catch {
      loading = undefined;
      return E.left(failed());
    }
  };
};

/**
 * A port made on first use. The API's Lambda imports some clients (S3, EventBridge Scheduler) and
 * the batch registry only when a request needs them, so a cold start that serves plans does not
 * pay for them. Each method answers a TaskEither. Loaded once; a failed load is `unavailable` (the
 * port's own code) for that call, and the next call tries again.
 */
export const lazyPort = <P extends object>(
  methods: PortMethods<P>,
  load: () => Promise<P>,
  what: string,
  unavailable: AppOnlyErrorCode = "STORE.UNAVAILABLE",
): P => {
  const port = loadedOnce(load, () => appError(unavailable, `${what} could not be reached`));
  const via =
    (method: string): AnyTask =>
    (...args) =>
    async () => {
      const loaded = await port();
      if (E.isLeft(loaded)) return loaded;
      return (loaded.right[method as keyof P] as AnyTask)(...args)();
    };
  return Object.fromEntries(Object.keys(methods).map((m) => [m, via(m)])) as P;
};
