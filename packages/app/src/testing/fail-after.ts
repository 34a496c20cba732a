import * as TE from "fp-ts/lib/TaskEither.js";
import { appError } from "../errors.ts";

type TaskMethod = (...args: never[]) => TE.TaskEither<unknown, unknown>;

/**
 * A port whose `method` works `calls` times and then fails with STORE.UNAVAILABLE, as a process
 * that crashes mid-batch would leave things. With `afterWriting`, the failing call still does its
 * work first (the write landed, the answer was lost): the harder case for idempotency.
 */
export const failAfter = <P extends object, K extends keyof P>(
  port: P,
  method: K,
  calls: number,
  options: { readonly afterWriting?: boolean } = {},
): P => {
  let made = 0;
  const original = port[method] as unknown as TaskMethod;
  const failing = (...args: never[]) => {
    const task = original.apply(port, args);
    return async () => {
      made += 1;
      if (made <= calls) return task();
      if (options.afterWriting) await task();
      return TE.left(appError("STORE.UNAVAILABLE", `simulated crash in ${String(method)}`))();
    };
  };
  return { ...port, [method]: failing };
};
