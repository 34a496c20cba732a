import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";

type AnyTask = (...args: unknown[]) => TE.TaskEither<AppError, unknown>;

/**
 * A port made on first use. The API's Lambda imports some clients (S3, EventBridge Scheduler)
 * only when a request needs them, so a cold start that serves plans does not pay for them.
 * `methods` are the port's methods (each answers a TaskEither). Loaded once; a failed load is
 * STORE.UNAVAILABLE for that call and the next call tries again.
 */
export const lazyPort = <P extends object>(
  methods: readonly (keyof P & string)[],
  load: () => Promise<P>,
  what: string,
): P => {
  let loading: Promise<P> | undefined;
  const port = async (): Promise<E.Either<AppError, P>> => {
    loading ??= load();
    try {
      return E.right(await loading);
    } catch {
      loading = undefined;
      return E.left(appError("STORE.UNAVAILABLE", `${what} could not be reached`));
    }
  };
  const via =
    (method: keyof P & string): AnyTask =>
    (...args) =>
    async () => {
      const loaded = await port();
      if (E.isLeft(loaded)) return loaded;
      return (loaded.right[method] as AnyTask)(...args)();
    };
  return Object.fromEntries(methods.map((m) => [m, via(m)])) as P;
};
